#include "tests/support/postgres.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <random>
#include <stdexcept>

#include "tests/support/process.h"

namespace migrate::test {

std::optional<std::string> pg_server_url() {
    const char* v = std::getenv("MIGRATE_TEST_PG_URL");
    if (!v || !*v) return std::nullopt;
    return std::string(v);
}

bool running_in_ci() {
    const char* v = std::getenv("CI");
    return v && (std::string(v) == "true" || std::string(v) == "1");
}

namespace {

std::string with_database(const std::string& server_url, const std::string& db) {
    size_t slash = server_url.rfind('/');
    size_t q = server_url.find('?', slash);
    return server_url.substr(0, slash + 1) + db +
           (q == std::string::npos ? "" : server_url.substr(q));
}

std::string run_psql(const std::string& url, const std::string& sql) {
    auto r = run_process(
        {"psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql});
    if (r.exit_code != 0) throw std::runtime_error("psql failed: " + r.err + " for: " + sql);
    return r.out;
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

PgTestDatabase::PgTestDatabase(const std::string& server_url)
    : server_url_(server_url), name_(unique_name()) {
    run_psql(server_url_, "CREATE DATABASE " + name_);
    url_ = with_database(server_url_, name_);
}

PgTestDatabase::~PgTestDatabase() {
    try {
        run_psql(server_url_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (...) {
    }
}

std::string PgTestDatabase::psql(const std::string& sql) const { return run_psql(url_, sql); }

}  // namespace migrate::test
