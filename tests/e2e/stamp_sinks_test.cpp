// Online and offline stamp change the version table alike: for every identifier form
// (head, heads, a revision, a prefix, label@head, a branch label, base, relative, several
// heads as the start, --purge), `migrate stamp` on one database and `migrate stamp
// FROM:TARGET --sql` applied with sqlite3/psql to a second database from the same start
// leave the same version rows (and the expected ones) and the same log rows.

#include <string>
#include <vector>

#include "tests/e2e/runner_fixture.h"

using namespace migrate::test;

namespace {

using Lines = std::vector<std::string>;

// aa11 <- bb22 <- (cc3a, cc3b) <- dd44 (merge); ff01 (branch label feat) <- ff02.
void write_branches(RunnerProject& p) {
    p.empty_revision("aa11", "");
    p.empty_revision("bb22", "\"aa11\"");
    p.empty_revision("cc3a", "\"bb22\"");
    p.empty_revision("cc3b", "\"bb22\"");
    p.empty_revision("dd44", "[\"cc3a\", \"cc3b\"]");
    p.empty_revision("ff01", "", "branch_labels: [feat]\n");
    p.empty_revision("ff02", "\"ff01\"");
}

// c1 <- c2 <- c3: one head.
void write_line(RunnerProject& p) {
    p.empty_revision("c1", "");
    p.empty_revision("c2", "\"c1\"");
    p.empty_revision("c3", "\"c2\"");
}

struct StampCase {
    std::string start;  // where both databases stand first ("base": no version table)
    std::string target;
    bool purge;
    Lines expected;  // the version rows after
};

const std::vector<StampCase> branch_cases = {
    {"base", "heads", false, {"dd44", "ff02"}},
    {"base", "dd44", false, {"dd44"}},
    {"base", "dd", false, {"dd44"}},  // a prefix
    {"base", "feat@head", false, {"ff02"}},
    {"base", "feat", false, {"ff01"}},
    {"base", "base", false, {}},
    {"base", "heads", true, {"dd44", "ff02"}},
    {"bb22", "cc3a", false, {"cc3a"}},
    {"heads", "cc3b", false, {"cc3b", "ff02"}},  // the unrelated head stays
    {"heads", "feat@head", false, {"dd44", "ff02"}},
    {"heads", "ff01", false, {"dd44", "ff01"}},
    {"heads", "feat@head-1", false, {"dd44", "ff01"}},
    {"heads", "base", false, {}},
    {"heads", "cc3b", true, {"cc3b"}},
    {"heads", "dd44", true, {"dd44"}},
    {"ff02", "bb22", false, {"bb22", "ff02"}},
    {"dd44", "heads", false, {"dd44", "ff02"}},
    {"cc3a", "cc3b", false, {"cc3a", "cc3b"}},  // siblings: unrelated
};

const std::vector<StampCase> line_cases = {
    {"base", "head", false, {"c3"}}, {"c1", "head", false, {"c3"}}, {"c3", "c1", false, {"c1"}},
    {"c2", "head", true, {"c3"}},    {"c3", "base", false, {}},     {"c2", "+1", false, {"c3"}},
    {"c3", "c2", true, {"c2"}},
};

void reset(RunnerProject& p) {
    p.run_script("DROP TABLE IF EXISTS migrate_version; DROP TABLE IF EXISTS migrate_version_log;");
}

Lines log_rows(RunnerProject& p) {
    return lines(
        p.query("SELECT revision || ' ' || direction || ' ' || checksum FROM "
                "migrate_version_log ORDER BY id"));
}

void compare(RunnerProject& online, RunnerProject& offline, const StampCase& c) {
    INFO("start " << c.start << ", stamp " << c.target << (c.purge ? " --purge" : ""));
    reset(online);
    reset(offline);
    std::vector<std::string> args = {"stamp", c.target};
    std::vector<std::string> script_args = {"stamp", c.target, "--sql"};
    if (c.start != "base") {
        online.ok({"stamp", c.start});
        offline.ok({"stamp", c.start});
        script_args[1] = c.start + ":" + c.target;
    }
    if (c.purge) args.push_back("--purge"), script_args.push_back("--purge");
    online.ok(args);
    std::string script = offline.ok(script_args).out;
    offline.run_script(script);
    CHECK(online.version_rows() == c.expected);
    CHECK(offline.version_rows() == c.expected);
    CHECK(log_rows(offline) == log_rows(online));
}

void stamp_forms(RunnerProject& online, RunnerProject& offline) {
    write_branches(online);
    write_branches(offline);
    for (const auto& c : branch_cases) compare(online, offline, c);
    for (RunnerProject* p : {&online, &offline})
        for (const auto& id : {"aa11", "bb22", "cc3a", "cc3b", "dd44", "ff01", "ff02"})
            std::remove((p->dir().path() + "/" + p->revision_path(id)).c_str());
    write_line(online);
    write_line(offline);
    for (const auto& c : line_cases) compare(online, offline, c);
}

}  // namespace

TEST_CASE("online and offline stamp change the version table alike (sqlite)",
          "[e2e][stamp][offline][sqlite]") {
    RunnerProject online(DbKind::Sqlite), offline(DbKind::Sqlite);
    stamp_forms(online, offline);
}

TEST_CASE("online and offline stamp change the version table alike (postgresql)",
          "[e2e][stamp][offline][postgresql]") {
    MIGRATE_REQUIRE_PG(server);
    RunnerProject online(DbKind::Postgresql, server), offline(DbKind::Postgresql, server);
    stamp_forms(online, offline);
}
