#include "tests/e2e/autogen_project.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "core/dialect/database_url.h"
#include "dialects/registry.h"

namespace migrate::test {

namespace {

const EnvVars kFixedClock = {{"SOURCE_DATE_EPOCH", "1795000000"}};

std::unique_ptr<Connection> connect(const std::string& url, const std::string& dir) {
    DatabaseUrl parsed = parse_database_url(url, dir);
    return make_dialect(parsed.dialect)->connect(parsed, ConnectOptions{});
}

}  // namespace

AutogenProject::AutogenProject(const std::string& dialect, const std::string& server,
                               const std::string& extra_config)
    : dialect_(dialect) {
    if (dialect == "postgresql") {
        pg_ = std::make_unique<PgTestDatabase>(server);
        url_ = pg_->url();
    } else if (dialect == "mysql") {
        mysql_ = std::make_unique<MysqlTestDatabase>(server);
        url_ = mysql_->url();
    } else {
        url_ = "sqlite:///app.db";
    }
    dir_.write(
        "migrate.yaml",
        "database: " + url_ + "\nmodels: models\nversions: migrations/versions\n" + extra_config);
}

void AutogenProject::write_models(const std::string& yaml) const {
    dir_.write("models/models.yaml", yaml);
}

ProcessResult AutogenProject::run(const std::vector<std::string>& args) const {
    return run_migrate(args, dir_.path(), kFixedClock);
}

ProcessResult AutogenProject::expect(const std::vector<std::string>& args,
                                     int expected_exit) const {
    ProcessResult r = run(args);
    std::string cmd;
    for (const auto& a : args) cmd += " " + a;
    INFO("[" << dialect_ << "] migrate" << cmd << "\nexit " << r.exit_code << "\nstdout:\n"
             << r.out << "stderr:\n"
             << r.err);
    REQUIRE(r.exit_code == expected_exit);
    return r;
}

void AutogenProject::exec(const std::string& sql) const {
    if (sql.empty()) return;
    connect(url_, dir_.path())->execute(sql);
}

std::string AutogenProject::scalar(const std::string& sql) const {
    QueryResult r = connect(url_, dir_.path())->query(sql);
    if (r.rows.empty() || r.rows[0].empty()) return "";
    return r.rows[0][0].value_or("NULL");
}

std::vector<std::string> list_files(const std::string& folder) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(folder, ec))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace migrate::test
