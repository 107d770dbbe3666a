#include "dialects/mysql/libmariadb.h"

#include "dialects/client_library.h"

namespace migrate::mysql {

namespace {

Libmariadb load() {
    static const ClientLibrary library(kLibmariadbSoname, "libmariadb3");
    Libmariadb api;
#define MIGRATE_LIBMARIADB(name) api.name = library.function<decltype(api.name)>(#name)
    MIGRATE_LIBMARIADB(mysql_init);
    MIGRATE_LIBMARIADB(mysql_optionsv);
    MIGRATE_LIBMARIADB(mysql_real_connect);
    MIGRATE_LIBMARIADB(mysql_close);
    MIGRATE_LIBMARIADB(mysql_errno);
    MIGRATE_LIBMARIADB(mysql_error);
    MIGRATE_LIBMARIADB(mysql_sqlstate);
    MIGRATE_LIBMARIADB(mysql_real_query);
    MIGRATE_LIBMARIADB(mysql_store_result);
    MIGRATE_LIBMARIADB(mysql_free_result);
    MIGRATE_LIBMARIADB(mysql_field_count);
    MIGRATE_LIBMARIADB(mysql_next_result);
    MIGRATE_LIBMARIADB(mysql_more_results);
    MIGRATE_LIBMARIADB(mysql_real_escape_string);
    MIGRATE_LIBMARIADB(mysql_num_fields);
    MIGRATE_LIBMARIADB(mysql_fetch_fields);
    MIGRATE_LIBMARIADB(mysql_num_rows);
    MIGRATE_LIBMARIADB(mysql_fetch_row);
    MIGRATE_LIBMARIADB(mysql_fetch_lengths);
    MIGRATE_LIBMARIADB(mariadb_get_infov);
#undef MIGRATE_LIBMARIADB
    return api;
}

}  // namespace

const Libmariadb& libmariadb() {
    static const Libmariadb api = load();
    return api;
}

}  // namespace migrate::mysql
