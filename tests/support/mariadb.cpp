// The MariaDB test server's databases (see mariadb.h): created and dropped through the
// mariadb command-line client, so that the tests do not depend on the code under test.
#include "tests/support/mariadb.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <random>
#include <stdexcept>

#include "tests/support/process.h"

namespace migrate::test {

std::optional<std::string> mysql_server_url() {
    const char* v = std::getenv("MIGRATE_TEST_MYSQL_URL");
    if (!v || !*v) return std::nullopt;
    return std::string(v);
}

namespace {

struct UrlParts {
    std::string user, password, host, port, database;
};

// mysql://USER:PW@HOST:PORT/DB, as the test server script prints it (no escapes).
UrlParts split_url(const std::string& url) {
    UrlParts p;
    size_t scheme = url.find("://");
    if (scheme == std::string::npos) throw std::runtime_error("bad MySQL test URL");
    std::string rest = url.substr(scheme + 3);
    size_t q = rest.find('?');
    if (q != std::string::npos) rest = rest.substr(0, q);
    size_t at = rest.rfind('@');
    std::string userinfo = at == std::string::npos ? "" : rest.substr(0, at);
    std::string hostpart = at == std::string::npos ? rest : rest.substr(at + 1);
    size_t colon = userinfo.find(':');
    p.user = userinfo.substr(0, colon);
    if (colon != std::string::npos) p.password = userinfo.substr(colon + 1);
    size_t slash = hostpart.find('/');
    if (slash != std::string::npos) p.database = hostpart.substr(slash + 1);
    std::string hostport = hostpart.substr(0, slash);
    size_t pc = hostport.rfind(':');
    p.host = hostport.substr(0, pc);
    p.port = pc == std::string::npos ? "3306" : hostport.substr(pc + 1);
    return p;
}

std::string with_database(const std::string& server_url, const std::string& db) {
    size_t scheme = server_url.find("://");
    size_t slash = server_url.find('/', scheme + 3);
    size_t q = server_url.find('?', slash);
    return server_url.substr(0, slash + 1) + db +
           (q == std::string::npos ? "" : server_url.substr(q));
}

std::string unique_name() {
    static std::atomic<int> counter{0};
    std::mt19937_64 rng(
        std::random_device{}() ^
        static_cast<unsigned long>(std::chrono::steady_clock::now().time_since_epoch().count()));
    return "mt_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
           std::to_string(rng() % 100000);
}

}  // namespace

std::string run_mariadb_client(const std::string& url, const std::string& statements) {
    UrlParts p = split_url(url);
    std::vector<std::string> argv = {"mariadb",
                                     "--no-defaults",
                                     "--protocol=tcp",
                                     "-h",
                                     p.host,
                                     "-P",
                                     p.port,
                                     "-u",
                                     p.user,
                                     "-N",
                                     "-B",
                                     "-e",
                                     statements};
    if (!p.database.empty()) argv.push_back(p.database);
    auto r = run_process(argv, "", {{"MYSQL_PWD", p.password}});
    if (r.exit_code != 0)
        throw std::runtime_error("mariadb client failed: " + r.err + " for: " + statements);
    return r.out;
}

MysqlTestDatabase::MysqlTestDatabase(const std::string& server_url)
    : server_url_(server_url), name_(unique_name()) {
    run_mariadb_client(server_url_, "CREATE DATABASE `" + name_ +
                                        "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
    url_ = with_database(server_url_, name_);
}

MysqlTestDatabase::~MysqlTestDatabase() {
    try {
        run_mariadb_client(server_url_, "DROP DATABASE IF EXISTS `" + name_ + "`");
    } catch (...) {
    }
}

std::string MysqlTestDatabase::sql(const std::string& statements) const {
    return run_mariadb_client(url_, statements);
}

}  // namespace migrate::test
