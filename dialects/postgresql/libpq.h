#pragma once
// The libpq functions migrate calls, looked up when the first PostgreSQL connection is
// opened (dialects/client_library.h): the binary does not link libpq, so commands that
// never open a PostgreSQL URL start without loading it. libpq-fe.h still gives the
// types and constants; only the calls go through this table.

#include <libpq-fe.h>

namespace migrate::pg {

struct Libpq {
    decltype(&::PQconnectdbParams) PQconnectdbParams;
    decltype(&::PQstatus) PQstatus;
    decltype(&::PQerrorMessage) PQerrorMessage;
    decltype(&::PQfinish) PQfinish;
    decltype(&::PQexec) PQexec;
    decltype(&::PQexecParams) PQexecParams;
    decltype(&::PQresultStatus) PQresultStatus;
    decltype(&::PQresultErrorField) PQresultErrorField;
    decltype(&::PQclear) PQclear;
    decltype(&::PQnfields) PQnfields;
    decltype(&::PQntuples) PQntuples;
    decltype(&::PQfname) PQfname;
    decltype(&::PQgetisnull) PQgetisnull;
    decltype(&::PQgetvalue) PQgetvalue;
    decltype(&::PQtransactionStatus) PQtransactionStatus;
};

// libpq.so.5, loaded on the first call (thread-safe); throws DatabaseError when the
// library is not installed.
const Libpq& libpq();

// The soname libpq() loads (tests check it is not loaded at start-up).
inline constexpr const char* kLibpqSoname = "libpq.so.5";

}  // namespace migrate::pg
