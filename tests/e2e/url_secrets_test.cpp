// No input ever brings a password to output. Every command that reads a database URL
// is run with malformed URLs (credentials after one slash or none, after the host, with
// reserved characters, control characters, unknown schemes) and with odd but valid
// ones (percent-encoded, in the query string), given by --url and by DATABASE_URL
// through the config, in text and --json; the secret must not appear in stdout or
// stderr, and a malformed URL is rejected (exit 2) before any connection is tried.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate::test;

namespace {

// Every password below contains this; it must never be printed.
const std::string kSecret = "Pw0rd";

// Rejected without connecting: exit 2 on every command.
const std::vector<std::string> kMalformed = {
    "postgresql:user:Pw0rd01@127.0.0.1/db",           // no slash
    "postgresql:/user:Pw0rd02@127.0.0.1/db",          // one slash
    "postgresql:///user:Pw0rd03@127.0.0.1/db",        // three: would try the local socket
    "postgres:user:Pw0rd04@127.0.0.1/db",             // alias scheme, no slash
    "postgresql+psycopg2:user:Pw0rd05@127.0.0.1/db",  // driver suffix, no slash
    "oracle://user:Pw0rd06@127.0.0.1/db",             // unsupported database
    "mysql:user:Pw0rd07@127.0.0.1/db",
    "user:Pw0rd08@127.0.0.1/db",  // no scheme
    "//user:Pw0rd09@127.0.0.1/db",
    "postgresql://user:Pw0rd10/x@127.0.0.1/db",        // '/' in the password
    "postgresql://user:Pw0rd11?x@127.0.0.1/db",        // '?' in the password
    "postgresql://user:Pw0rd12#x@127.0.0.1/db",        // '#' in the password
    "postgresql://user:Pw0rd 13@127.0.0.1/db",         // a space
    "postgresql://user:Pw0rd14@127.0.0.1:1/db\n",      // a trailing newline
    " postgresql://user:Pw0rd15@127.0.0.1:1/db",       // a leading space
    "postgresql://user:Pw0rd16@[::1/db",               // unclosed IPv6 bracket
    "postgresql://user:Pw0rd17@127.0.0.1:99999/db",    // port out of range
    "postgresql://user:Pw0rd18@127.0.0.1:1:2/db",      // two ports
    "postgresql://user%3APw0rd19@127.0.0.1:1/db",      // user:password percent-encoded as the user
    "postgresql://user:Pw0rd20%00@127.0.0.1:1/db",     // a NUL byte in the password
    "postgresql://127.0.0.1:1/user:Pw0rd21@db",        // credentials after the host
    "postgresql://user:Pw0rd22@127.0.0.1:1/db/extra",  // a slash in the database name
    "sqlite://user:Pw0rd23@127.0.0.1/app.db",          // credentials in a SQLite URL
    "sqlite:///user:Pw0rd24@app.db",
    "sqlite:user:Pw0rd25@app.db",
    "postgresql//user:Pw0rd26@127.0.0.1/db",            // no colon after the scheme
    "postgresql:\\\\user:Pw0rd27@127.0.0.1\\db",        // backslashes
    "mysql:/user:Pw0rd31@127.0.0.1/db",                 // mysql, one slash
    "mariadb:user:Pw0rd32@127.0.0.1/db",                // mariadb, no slash
    "mysql+pymysql:user:Pw0rd33@127.0.0.1/db",          // driver suffix, no slash
    "mysql://user:Pw0rd34/x@127.0.0.1/db",              // '/' in the password
    "mysql+aiomysql://user:Pw0rd35#x@127.0.0.1/db",     // '#' in the password
    "mysql://127.0.0.1:1/user:Pw0rd36@db",              // credentials after the host
    "mysql://user:Pw0rd37@127.0.0.1:1/db?sslmode=x",    // a PostgreSQL parameter
    "mysql://user:Pw0rd38@127.0.0.1:1/db?ssl_mode=no",  // a bad ssl_mode
    "postgresql://user:Pw0rd28@127.0.0.1:1/db?x=a@b",   // an '@' in the query
    "postgresql://user:Pw0rd29@127.0.0.1:1/db\r",       // a carriage return
    "postgresql://user:Pw0rd\t30@127.0.0.1:1/db",       // a tab
};

// Valid, if odd: they may connect (and fail: nothing listens on port 1), never leak.
const std::vector<std::string> kOdd = {
    "postgresql://user:Pw0rdA%40x@127.0.0.1:1/db",   // encoded '@'
    "postgresql://user:Pw0rdB@x@127.0.0.1:1/db",     // raw '@' in the password
    "postgresql://127.0.0.1:1/db?password=Pw0rdC)",  // the password in the query
    "postgresql://127.0.0.1:1/db?sslmode=disable&password=Pw0rdD&application_name=x",
    "postgresql://user@127.0.0.1:1/db?PASSWORD=Pw0rdE",
    "postgresql://127.0.0.1:1/db?sslpassword=Pw0rdF",
    "PostgreSQL://user:Pw0rdG@127.0.0.1:1/db",
    "postgresql://:Pw0rdH@127.0.0.1:1/db",  // a password, no user
    "postgresql+asyncpg://user:Pw0rdI@[::1]:1/db",
    "postgres://user:Pw0rdJ%2Fx@127.0.0.1:1/db",      // encoded '/'
    "postgresql://user:Pw0rdK:more@127.0.0.1:1/db",   // ':' in the password
    "mysql://user:Pw0rdL%40x@127.0.0.1:1/db",         // mysql, encoded '@'
    "mysql+aiomysql://user:Pw0rdM@x@127.0.0.1:1/db",  // mysql, raw '@' in the password
    "mariadb://:Pw0rdN@127.0.0.1:1/db?charset=utf8mb4",
};

// A project with a model and a revision that agree, so that offline runs find nothing
// to write; `database:` comes from the environment.
struct Project {
    TempDir dir;
    Project() {
        dir.write("migrate.yaml",
                  "database: ${DATABASE_URL}\nmodels: models\nversions: versions\n");
        dir.write("models/t.yaml",
                  "tables:\n  - name: t\n    columns:\n      - {name: id, type: integer, "
                  "primary_key: true}\n");
        dir.write(
            "versions/r1_t.yaml",
            "revision: \"r1\"\ndown_revision: null\nmessage: t\nupgrade:\n"
            "  - create_table: {name: t, columns: [{name: id, type: integer, primary_key: true}]}\n"
            "downgrade:\n  - drop_table: {name: t}\n");
    }
};

// Runs `args` with `url` given by --url (by_flag) or DATABASE_URL, in text or --json.
ProcessResult run_with(const Project& p, std::vector<std::string> args, const std::string& url,
                       bool by_flag, bool json) {
    if (by_flag) {
        args.push_back("--url");
        args.push_back(url);
    }
    if (json) args.push_back("--json");
    return run_migrate(args, p.dir.path(), by_flag ? EnvVars{} : EnvVars{{"DATABASE_URL", url}});
}

// Every malformed form exits 2 as an input error; no form prints the secret.
void never_leaks(const std::vector<std::string>& args) {
    Project p;
    for (size_t i = 0; i < kMalformed.size() + kOdd.size(); ++i) {
        bool malformed = i < kMalformed.size();
        const std::string& url = malformed ? kMalformed[i] : kOdd[i - kMalformed.size()];
        bool by_flag = i % 2 == 0;
        // A value with a newline cannot pass through every shell, but it can through
        // the environment and argv alike; both sources see both halves of the list.
        for (bool json : {false, true}) {
            ProcessResult r = run_with(p, args, url, json ? !by_flag : by_flag, json);
            INFO("url: [" << url << "] " << (json ? "--json " : "")
                          << (by_flag != json ? "--url" : "DATABASE_URL") << "\nexit "
                          << r.exit_code << "\nstdout: " << r.out << "\nstderr: " << r.err);
            CHECK(r.out.find(kSecret) == std::string::npos);
            CHECK(r.err.find(kSecret) == std::string::npos);
            CHECK(r.exit_code != 70);
            if (malformed) {
                CHECK(r.exit_code == 2);
                if (json) CHECK(nlohmann::json::parse(r.out)["error"]["kind"] == "input");
            }
        }
    }
}

}  // namespace

TEST_CASE("no URL form prints its password: upgrade", "[e2e][security][url]") {
    never_leaks({"upgrade", "head"});
}
TEST_CASE("no URL form prints its password: upgrade --sql", "[e2e][security][url]") {
    never_leaks({"upgrade", "head", "--sql"});
}
TEST_CASE("no URL form prints its password: downgrade", "[e2e][security][url]") {
    never_leaks({"downgrade", "base"});
}
TEST_CASE("no URL form prints its password: downgrade --sql", "[e2e][security][url]") {
    never_leaks({"downgrade", "r1:base", "--sql"});
}
TEST_CASE("no URL form prints its password: stamp", "[e2e][security][url]") {
    never_leaks({"stamp", "head"});
}
TEST_CASE("no URL form prints its password: stamp --sql", "[e2e][security][url]") {
    never_leaks({"stamp", "base:r1", "--sql"});
}
TEST_CASE("no URL form prints its password: current", "[e2e][security][url]") {
    never_leaks({"current", "--verbose"});
}
TEST_CASE("no URL form prints its password: history -i", "[e2e][security][url]") {
    never_leaks({"history", "-i"});
}
TEST_CASE("no URL form prints its password: graph", "[e2e][security][url]") {
    never_leaks({"graph"});
}
TEST_CASE("no URL form prints its password: check", "[e2e][security][url]") {
    never_leaks({"check"});
}
TEST_CASE("no URL form prints its password: check --offline", "[e2e][security][url]") {
    never_leaks({"check", "--offline"});
}
TEST_CASE("no URL form prints its password: diff", "[e2e][security][url]") {
    never_leaks({"diff"});
}
TEST_CASE("no URL form prints its password: diff --offline --sql", "[e2e][security][url]") {
    never_leaks({"diff", "--offline", "--sql"});
}
TEST_CASE("no URL form prints its password: revision --autogenerate", "[e2e][security][url]") {
    never_leaks({"revision", "--autogenerate", "-m", "x"});
}
TEST_CASE("no URL form prints its password: revision --autogenerate --offline",
          "[e2e][security][url]") {
    never_leaks({"revision", "--autogenerate", "--offline", "-m", "x"});
}
TEST_CASE("no URL form prints its password: reflect", "[e2e][security][url]") {
    never_leaks({"reflect", "-o", "reflected"});
}

TEST_CASE("a password in the query string is masked and the text around it kept",
          "[e2e][security][url]") {
    Project p;
    auto r = run_with(p, {"current"}, "postgresql://127.0.0.1:1/db?sslmode=disable&password=Pw0rd",
                      true, false);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("(postgresql://127.0.0.1:1/db?sslmode=disable&password=***): ") !=
          std::string::npos);
    CHECK(r.err.find(kSecret) == std::string::npos);
}

TEST_CASE("the config's database: value is masked in its own errors", "[e2e][security][url]") {
    Project p;
    for (const std::string& value : {std::string("\"postgresql://user:Pw0rd@${HOST\""),
                                     std::string("\"postgresql://user:Pw0rd@${}/db\""),
                                     std::string("'postgresql:user:Pw0rd@127.0.0.1/db'"),
                                     std::string("'postgresql://user:Pw0rd/x@127.0.0.1/db'")}) {
        p.dir.write("migrate.yaml",
                    "database: " + value + "\nmodels: models\nversions: versions\n");
        for (bool json : {false, true}) {
            auto r = run_migrate(json ? std::vector<std::string>{"current", "--json"}
                                      : std::vector<std::string>{"current"},
                                 p.dir.path());
            INFO(value << "\nstdout: " << r.out << "\nstderr: " << r.err);
            CHECK(r.exit_code == 2);
            CHECK(r.out.find(kSecret) == std::string::npos);
            CHECK(r.err.find(kSecret) == std::string::npos);
        }
    }
}

TEST_CASE("a URL pasted under another config key is masked in the diagnostics",
          "[e2e][security][url]") {
    Project p;
    p.dir.write("migrate.yaml",
                "database: sqlite:///app.db\ntransaction_per_migration: "
                "postgresql://user:Pw0rd@127.0.0.1/db\n");
    for (bool json : {false, true}) {
        auto r = run_migrate(json ? std::vector<std::string>{"current", "--json"}
                                  : std::vector<std::string>{"current"},
                             p.dir.path());
        INFO("stdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exit_code == 2);
        CHECK((json ? r.out : r.err).find("must be true or false") != std::string::npos);
        CHECK(r.out.find(kSecret) == std::string::npos);
        CHECK(r.err.find(kSecret) == std::string::npos);
    }
}

TEST_CASE("a URL given where a command is expected is masked in the usage error",
          "[e2e][security][url]") {
    Project p;
    for (bool json : {false, true}) {
        std::vector<std::string> args = {"current", "postgresql:user:Pw0rd 1@host/db"};
        if (json) args.push_back("--json");
        auto r = run_migrate(args, p.dir.path());
        INFO("stdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.out.find(kSecret) == std::string::npos);
        CHECK(r.err.find(kSecret) == std::string::npos);
    }
}
