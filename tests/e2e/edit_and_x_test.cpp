// `migrate edit REV` with a real editor (a small shell script standing in for vi:
// it records its argument and changes the file), VISUAL/EDITOR precedence and their
// failures; and -x KEY=VALUE reaching ${x.KEY} in migrate.yaml, driving two tenants'
// SQLite files from one project.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate::test;

namespace {

const std::string kFirst =
    "revision: \"0001\"\ndown_revision: null\nmessage: first\n"
    "upgrade:\n  - create_table: {name: users, columns: [{name: id, type: integer, "
    "primary_key: true}]}\n"
    "downgrade:\n  - drop_table: {name: users}\n";
const std::string kSecond =
    "revision: \"0002\"\ndown_revision: \"0001\"\nmessage: second\nupgrade: []\ndowngrade: []\n";

struct Project {
    TempDir dir;
    explicit Project(
        const std::string& config = "database: sqlite:///app.db\nversions: migrations/versions\n") {
        dir.write("migrate.yaml", config);
        dir.write("models/users.yaml",
                  "tables:\n  - name: users\n    columns:\n      - {name: id, type: integer, "
                  "primary_key: true}\n");
        dir.write("migrations/versions/0001_first.yaml", kFirst);
        dir.write("migrations/versions/0002_second.yaml", kSecond);
        // An editor: records the file it was given, then changes the message in it.
        dir.write("editor.sh",
                  "echo \"$0 $*\" >> \"$(dirname \"$0\")/edited.txt\"\n"
                  "sed -i 's/^message: .*/message: edited by '\"$(basename \"$0\")\"'/' "
                  "\"$1\"\n");
        dir.write("visual.sh", dir.read("editor.sh"));
    }
    ProcessResult run(std::vector<std::string> args, EnvVars env) const {
        return run_migrate(args, dir.path(), env);
    }
};

std::string sqlite(const std::string& file, const std::string& sql) {
    return run_process({"sqlite3", file, sql}).out;
}

}  // namespace

TEST_CASE("edit opens the revision file in $EDITOR and checks it afterwards", "[e2e][edit]") {
    Project p;
    std::string editor = "sh " + (p.dir / "editor.sh");
    auto r = p.run({"edit", "head"}, {{"VISUAL", ""}, {"EDITOR", editor}, {"TERM", "xterm"}});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == "Edited migrations/versions/0002_second.yaml\n");
    CHECK(p.dir.read("edited.txt") == p.dir / "editor.sh migrations/versions/0002_second.yaml\n");
    CHECK_THAT(p.dir.read("migrations/versions/0002_second.yaml"),
               Catch::Contains("message: edited by editor.sh\n"));
    // The change is what the project now reads.
    auto shown = p.run({"show", "0002"}, {});
    CHECK_THAT(shown.out, Catch::Contains("edited by editor.sh"));

    // Any identifier `show` takes: a prefix, head-1; --json gives the path.
    auto json = p.run({"edit", "head-1", "--json"}, {{"VISUAL", ""}, {"EDITOR", editor}});
    REQUIRE(json.exit_code == 0);
    CHECK(nlohmann::json::parse(json.out)["result"]["path"] ==
          "migrations/versions/0001_first.yaml");
    CHECK_THAT(p.dir.read("migrations/versions/0001_first.yaml"),
               Catch::Contains("message: edited by editor.sh\n"));

    // A file name with a space and a quote reaches the editor as one argument.
    p.dir.write("migrations/versions/0003 it's.yaml",
                "revision: \"0003\"\ndown_revision: \"0002\"\nmessage: third\n"
                "upgrade: []\ndowngrade: []\n");
    auto spaced = p.run({"edit", "0003"}, {{"VISUAL", ""}, {"EDITOR", editor}});
    INFO(spaced.err);
    REQUIRE(spaced.exit_code == 0);
    CHECK_THAT(p.dir.read("migrations/versions/0003 it's.yaml"),
               Catch::Contains("message: edited by editor.sh\n"));
}

TEST_CASE("edit prefers VISUAL to EDITOR, as git does, unless the terminal is dumb",
          "[e2e][edit]") {
    Project p;
    EnvVars both = {{"VISUAL", "sh " + (p.dir / "visual.sh")},
                    {"EDITOR", "sh " + (p.dir / "editor.sh")}};
    auto env = both;
    env.push_back({"TERM", "xterm"});
    REQUIRE(p.run({"edit", "0001"}, env).exit_code == 0);
    CHECK_THAT(p.dir.read("migrations/versions/0001_first.yaml"),
               Catch::Contains("message: edited by visual.sh\n"));
    env = both;
    env.push_back({"TERM", "dumb"});
    REQUIRE(p.run({"edit", "0001"}, env).exit_code == 0);
    CHECK_THAT(p.dir.read("migrations/versions/0001_first.yaml"),
               Catch::Contains("message: edited by editor.sh\n"));
}

TEST_CASE("edit fails clearly without an editor, with a failing one, or a broken file",
          "[e2e][edit]") {
    Project p;
    auto none = p.run({"edit", "head"}, {{"VISUAL", ""}, {"EDITOR", ""}, {"TERM", "xterm"}});
    CHECK(none.exit_code == 2);
    CHECK(none.err ==
          "error: no editor: set VISUAL or EDITOR (for example EDITOR=vi, or "
          "EDITOR=\"code --wait\")\n");

    auto failing = p.run({"edit", "head"}, {{"VISUAL", ""}, {"EDITOR", "sh -c 'exit 3'"}});
    CHECK(failing.exit_code == 2);
    CHECK_THAT(failing.err, Catch::Contains("the editor 'sh -c 'exit 3'' exited with status 3 "
                                            "while editing migrations/versions/0002_second.yaml"));

    auto missing = p.run({"edit", "head"}, {{"VISUAL", ""}, {"EDITOR", "no-such-editor-xyz"}});
    CHECK(missing.exit_code == 2);
    CHECK_THAT(missing.err, Catch::Contains("the editor 'no-such-editor-xyz' was not found"));

    auto unknown = p.run({"edit", "9999"}, {{"VISUAL", ""}, {"EDITOR", "true"}});
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.err, Catch::Contains("9999"));

    // An edit that breaks the file is reported at once, with the file and line.
    p.dir.write("break.sh", "printf 'upgrade:\\n  - drop_tabel: {name: x}\\n' >> \"$1\"\n");
    auto broken =
        p.run({"edit", "0002"}, {{"VISUAL", ""}, {"EDITOR", "sh " + (p.dir / "break.sh")}});
    CHECK(broken.exit_code == 2);
    CHECK_THAT(broken.err, Catch::Contains("migrations/versions/0002_second.yaml:"));
}

TEST_CASE(
    "config values from -x KEY=VALUE: fills ${x.KEY} in migrate.yaml: one project, two tenants",
    "[e2e][xargs]") {
    Project p(
        "database: sqlite:///tenants/${x.tenant}.db\n"
        "version_table: ${x.table:-migrate_version}\n");
    p.dir.write("tenants/.keep", "");
    auto acme = p.run({"-x", "tenant=acme", "upgrade", "head"}, {});
    INFO(acme.out << acme.err);
    REQUIRE(acme.exit_code == 0);
    // Global: also after the command, and repeatable.
    auto globex = p.run({"upgrade", "0001", "-x", "tenant=globex", "-x", "table=versions"}, {});
    INFO(globex.out << globex.err);
    REQUIRE(globex.exit_code == 0);

    CHECK(sqlite(p.dir / "tenants/acme.db", "SELECT version_num FROM migrate_version") == "0002\n");
    CHECK(sqlite(p.dir / "tenants/globex.db", "SELECT version_num FROM versions") == "0001\n");
    CHECK(sqlite(p.dir / "tenants/globex.db",
                 "SELECT name FROM sqlite_master WHERE name = 'users'") == "users\n");
    auto current = p.run({"current", "-x", "tenant=globex", "-x", "table=versions"}, {});
    CHECK(current.exit_code == 0);
    CHECK_THAT(current.out, Catch::Contains("0001"));
    CHECK_FALSE(p.dir.exists("tenants/${x.tenant}.db"));
}

TEST_CASE("an unknown ${x.KEY} names the file, line and key, and the -x keys given",
          "[e2e][xargs]") {
    Project p("versions: migrations/versions\ndatabase: sqlite:///${x.tenant}.db\n");
    auto none = p.run({"current"}, {});
    CHECK(none.exit_code == 2);
    CHECK(none.err ==
          "error: migrate.yaml:2:11: ${x.tenant} needs `-x tenant=VALUE` on the command line "
          "(-x keys given: none)\n");
    auto other = p.run({"current", "-x", "tennant=acme", "-x", "region=eu"}, {});
    CHECK(other.exit_code == 2);
    CHECK_THAT(other.err, Catch::Contains("migrate.yaml:2:11: ${x.tenant} needs `-x "
                                          "tenant=VALUE` on the command line (-x keys given: "
                                          "region, tennant)"));
    CHECK_FALSE(p.dir.exists("acme.db"));

    Project q("database: sqlite:///app.db\nmodels: ${x.models}\n");
    auto models = q.run({"models"}, {});
    CHECK(models.exit_code == 2);
    CHECK_THAT(models.err,
               Catch::Contains("migrate.yaml:2:9: ${x.models} needs `-x models=VALUE`"));

    auto malformed = p.run({"current", "-x", "tenant"}, {});
    CHECK(malformed.exit_code == 2);
    CHECK_THAT(malformed.err, Catch::Contains("-x takes KEY=VALUE"));
    CHECK_THAT(malformed.err, Catch::Contains("'tenant'"));
}
