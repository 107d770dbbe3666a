#include "dialects/postgresql/libpq.h"

#include "dialects/client_library.h"

namespace migrate::pg {

namespace {

Libpq load() {
    static const ClientLibrary library(kLibpqSoname, "libpq5");
    Libpq api;
#define MIGRATE_LIBPQ(name) api.name = library.function<decltype(api.name)>(#name)
    MIGRATE_LIBPQ(PQconnectdbParams);
    MIGRATE_LIBPQ(PQstatus);
    MIGRATE_LIBPQ(PQerrorMessage);
    MIGRATE_LIBPQ(PQfinish);
    MIGRATE_LIBPQ(PQexec);
    MIGRATE_LIBPQ(PQexecParams);
    MIGRATE_LIBPQ(PQresultStatus);
    MIGRATE_LIBPQ(PQresultErrorField);
    MIGRATE_LIBPQ(PQclear);
    MIGRATE_LIBPQ(PQnfields);
    MIGRATE_LIBPQ(PQntuples);
    MIGRATE_LIBPQ(PQfname);
    MIGRATE_LIBPQ(PQgetisnull);
    MIGRATE_LIBPQ(PQgetvalue);
    MIGRATE_LIBPQ(PQtransactionStatus);
#undef MIGRATE_LIBPQ
    return api;
}

}  // namespace

const Libpq& libpq() {
    static const Libpq api = load();
    return api;
}

}  // namespace migrate::pg
