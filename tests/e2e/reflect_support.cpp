// Database-side helpers of the reflect tests (reflect_support.h).

#include "tests/e2e/reflect_support.h"

#include "core/operations/apply_operation.h"
#include "core/operations/operations.h"
#include "dialects/registry.h"

namespace migrate::test {

namespace {

struct Db {
    std::unique_ptr<Dialect> dialect;
    std::unique_ptr<Connection> connection;
};

Db connect(const std::string& url) {
    DatabaseUrl parsed = parse_database_url(url, "");
    Db db{make_dialect(parsed.dialect), nullptr};
    db.connection = db.dialect->connect(parsed, ConnectOptions{});
    return db;
}

const std::vector<std::string> kHidden = {"migrate_version", "migrate_version_log"};

DiffOptions options_for(const Dialect& dialect) {
    DiffOptions options;
    options.dialect = &dialect;
    options.hidden_tables = kHidden;
    options.include_schemas = {};
    return options;
}

ReflectOptions reflect_options() {
    ReflectOptions options;
    options.include_schemas = {"public", "audit"};
    options.hidden_tables = kHidden;
    return options;
}

}  // namespace

Schema reflect_url(const std::string& url) {
    Db db = connect(url);
    return db.dialect->reflect(*db.connection, reflect_options()).schema;
}

DiffResult diff_database(const std::string& url, const Schema& models) {
    Db db = connect(url);
    Schema reflected = db.dialect->reflect(*db.connection, reflect_options()).schema;
    return diff_schemas(reflected, models, options_for(*db.dialect));
}

void create_models(const std::string& url, const Schema& models) {
    Db db = connect(url);
    DiffResult plan = diff_schemas(Schema{}, models, options_for(*db.dialect));
    NamingConvention naming;
    Schema before;
    db.connection->begin();
    for (const auto& op : plan.upgrade) {
        for (const auto& sql : db.dialect->render(op, RenderContext{before, naming}))
            db.connection->execute(sql);
        apply_operation(before, op, naming);
    }
    db.connection->commit();
}

}  // namespace migrate::test
