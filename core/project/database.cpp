// Opening a command's database one way (core/project/database.h).

#include "core/project/database.h"

namespace migrate {

Connection& Database::connect(const Settings& settings, Access access) {
    connection = dialect->connect(
        url, settings.connect_options(access != Access::Write, access == Access::ReadOrEmpty));
    return *connection;
}

Database database_of(const Settings& settings, const DialectFactory& make_dialect) {
    Database db;
    db.url = settings.database_url();
    db.dialect = make_dialect(db.url.dialect);
    return db;
}

Database open_database(const Settings& settings, const DialectFactory& make_dialect,
                       Access access) {
    Database db = database_of(settings, make_dialect);
    db.connect(settings, access);
    return db;
}

}  // namespace migrate
