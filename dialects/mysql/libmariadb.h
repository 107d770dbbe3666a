#pragma once
// The MariaDB Connector/C functions migrate calls, looked up when the first MySQL
// connection is opened (dialects/client_library.h): the binary does not link
// libmariadb, so commands that never open a MySQL URL start without loading it.
// mysql.h still gives the types and constants; only the calls go through this table.

#include <mysql.h>

namespace migrate::mysql {

struct Libmariadb {
    decltype(&::mysql_init) mysql_init;
    decltype(&::mysql_optionsv) mysql_optionsv;
    decltype(&::mysql_real_connect) mysql_real_connect;
    decltype(&::mysql_close) mysql_close;
    decltype(&::mysql_errno) mysql_errno;
    decltype(&::mysql_error) mysql_error;
    decltype(&::mysql_sqlstate) mysql_sqlstate;
    decltype(&::mysql_real_query) mysql_real_query;
    decltype(&::mysql_store_result) mysql_store_result;
    decltype(&::mysql_free_result) mysql_free_result;
    decltype(&::mysql_field_count) mysql_field_count;
    decltype(&::mysql_next_result) mysql_next_result;
    decltype(&::mysql_more_results) mysql_more_results;
    decltype(&::mysql_real_escape_string) mysql_real_escape_string;
    decltype(&::mysql_num_fields) mysql_num_fields;
    decltype(&::mysql_fetch_fields) mysql_fetch_fields;
    decltype(&::mysql_num_rows) mysql_num_rows;
    decltype(&::mysql_fetch_row) mysql_fetch_row;
    decltype(&::mysql_fetch_lengths) mysql_fetch_lengths;
    decltype(&::mariadb_get_infov) mariadb_get_infov;
};

// libmariadb.so.3, loaded on the first call (thread-safe); throws DatabaseError when the
// library is not installed.
const Libmariadb& libmariadb();

inline constexpr const char* kLibmariadbSoname = "libmariadb.so.3";

}  // namespace migrate::mysql
