// The commands that only read the database read only. On a SQLite path that does not
// exist they create nothing and say "no database at PATH" (exit 3; graph draws without
// marks, and `revision --autogenerate` compares with an empty database); on a
// read-only file in a read-only folder they work as on a writable one.

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/e2e/runner_fixture.h"

using namespace migrate::test;
namespace fs = std::filesystem;

namespace {

// The commands that only read, each with what it prints on a database at head.
struct ReadCommand {
    std::vector<std::string> args;
    std::string at_head;  // a part of stdout on the database at head
};

const std::vector<ReadCommand> kReaders = {
    {{"current"}, "c1 (head)"},
    {{"current", "--verbose", "--check-heads"}, "Rev: c1 (head)"},
    {{"history", "-i"}, "(head) (current)"},
    {{"check"}, "No changes detected"},
    {{"diff"}, ""},
    {{"reflect", "-o", "reflected", "--force"}, "Reflected 1 table(s)"},
};

void write_project(RunnerProject& p) {
    p.dir().write("models/users.yaml",
                  "tables:\n  - name: users\n    columns:\n      - {name: id, type: integer, "
                  "primary_key: true}\n");
    p.revision("c1", "",
               "  - create_table: {name: users, columns: [{name: id, type: integer, primary_key: "
               "true}]}\n",
               "  - drop_table: {name: users}\n");
}

// Runs migrate as a user that file permissions apply to: root ignores them, so under
// root the binary runs as nobody (setpriv).
ProcessResult run_unprivileged(RunnerProject& p, const std::vector<std::string>& args) {
    if (geteuid() != 0) return p.run(args);
    std::vector<std::string> argv = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                                     migrate_binary()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, p.dir().path(),
                       {{"DATABASE_URL", p.url()}, {"SOURCE_DATE_EPOCH", "1795000000"}});
}

}  // namespace

TEST_CASE("read-only commands on a SQLite path that does not exist create nothing",
          "[e2e][sqlite][read_only]") {
    RunnerProject p(DbKind::Sqlite);
    write_project(p);
    std::string db = p.dir() / "app.db";
    for (const auto& c : kReaders) {
        for (bool json : {false, true}) {
            std::vector<std::string> args = c.args;
            if (json) args.push_back("--json");
            auto r = p.run(args);
            INFO("migrate " << args.front() << "\nstdout: " << r.out << "\nstderr: " << r.err);
            CHECK(r.exit_code == 3);
            if (json)
                CHECK(nlohmann::json::parse(r.out)["error"]["message"].get<std::string>().find(
                          "no database at " + db) == 0);
            else
                CHECK(r.err.find("error: no database at " + db + ": ") == 0);
            CHECK_FALSE(fs::exists(db));
        }
    }
    // A missing folder too.
    auto missing_dir = run_migrate(
        {"current", "--url", "sqlite:///" + p.dir() / "no/such/dir/app.db"}, p.dir().path());
    CHECK(missing_dir.exit_code == 3);
    CHECK(missing_dir.err.find("no database at " + p.dir() / "no/such/dir/app.db") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(p.dir() / "no"));

    // graph draws the revisions without marks, and says why.
    auto graph = p.run({"graph"});
    CHECK(graph.exit_code == 0);
    CHECK(graph.out.find("c1") != std::string::npos);
    CHECK(graph.err.find("warning: applied revisions not shown: no database at " + db) !=
          std::string::npos);
    CHECK_FALSE(fs::exists(db));

    // A new project has no database yet: autogenerate compares with an empty one.
    p.dir().write("models/posts.yaml",
                  "tables:\n  - name: posts\n    columns:\n      - {name: id, type: integer, "
                  "primary_key: true}\n");
    fs::remove(p.dir() / p.revision_path("c1"));
    auto autogen = p.run({"revision", "--autogenerate", "-m", "first"});
    INFO(autogen.err);
    CHECK(autogen.exit_code == 0);
    CHECK(autogen.out.find("Detected added table 'posts'") != std::string::npos);
    CHECK(autogen.out.find("Detected added table 'users'") != std::string::npos);
    CHECK_FALSE(fs::exists(db));
}

TEST_CASE("read-only commands work on a read-only SQLite file in a read-only folder",
          "[e2e][sqlite][read_only]") {
    RunnerProject p(DbKind::Sqlite);
    write_project(p);
    p.ok({"upgrade", "head"});
    std::string db = p.dir() / "app.db";
    auto size_before = fs::file_size(db);
    // The folder stays listable (nobody must reach the files) but not writable.
    fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(p.dir().path(), fs::perms::owner_read | fs::perms::owner_exec |
                                        fs::perms::group_read | fs::perms::group_exec |
                                        fs::perms::others_read | fs::perms::others_exec);
    fs::create_directories(p.dir() / "reflected");
    fs::permissions(p.dir() / "reflected", fs::perms::all);  // reflect writes its model files there
    for (const auto& c : kReaders) {
        for (bool json : {false, true}) {
            std::vector<std::string> args = c.args;
            if (json) args.push_back("--json");
            auto r = run_unprivileged(p, args);
            INFO("migrate " << args.front() << "\nstdout: " << r.out << "\nstderr: " << r.err);
            CHECK(r.exit_code == 0);
            if (!json) CHECK(r.out.find(c.at_head) != std::string::npos);
            CHECK(r.err.find("not writable") == std::string::npos);
        }
    }
    auto graph = run_unprivileged(p, {"graph"});
    CHECK(graph.exit_code == 0);
    CHECK(graph.out.find("(head, current)") != std::string::npos);  // read from the version table
    CHECK(graph.err.empty());
    // Nothing was written: no journal left behind, the file as it was.
    CHECK(fs::file_size(db) == size_before);
    CHECK_FALSE(fs::exists(db + "-journal"));
    CHECK_FALSE(fs::exists(db + "-wal"));
    // A write command still says why it cannot write.
    auto up = run_unprivileged(p, {"stamp", "base"});
    CHECK(up.exit_code == 3);
    CHECK(up.err.find("not writable") != std::string::npos);
    fs::permissions(p.dir().path(), fs::perms::owner_all);
    fs::permissions(db, fs::perms::owner_read | fs::perms::owner_write);
}
