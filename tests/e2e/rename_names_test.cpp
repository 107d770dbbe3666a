// Renames through the binary on SQLite and PostgreSQL: the index and constraint names
// the naming convention derived from a renamed table or column follow the rename, here
// and in other tables' foreign keys, in upgrade and downgrade, online and with --sql, so
// `check` is clean right after the migration autogenerate wrote and both dialects end
// with the same names.

#include <catch2/catch.hpp>

#include "tests/e2e/runner_fixture.h"

using namespace migrate::test;

namespace {

const char* kBefore = R"Y(tables:
  - name: tags
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: label, type: string(50), nullable: false, unique: true, index: true}
      - {name: code, type: string(10), unique: true}
      - {name: parent_id, type: integer, references: tags.id}
    indexes:
      - {columns: [label, code]}
    checks:
      - {expression: "length(label) > 0"}
  - name: post_tags
    columns:
      - {name: post_id, type: integer, primary_key: true}
      - {name: tag_id, type: integer, primary_key: true, references: tags.id}
)Y";

// tags -> labels, label -> title, code -> kode; references follow.
const char* kAfter = R"Y(tables:
  - name: labels
    renamed_from: tags
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: title, renamed_from: label, type: string(50), nullable: false, unique: true, index: true}
      - {name: kode, renamed_from: code, type: string(10), unique: true}
      - {name: parent_id, type: integer, references: labels.id}
    indexes:
      - {columns: [title, kode]}
    checks:
      - {expression: "length(title) > 0"}
  - name: post_tags
    columns:
      - {name: post_id, type: integer, primary_key: true}
      - {name: tag_id, type: integer, primary_key: true, references: labels.id}
)Y";

// Every index and constraint name in the database, sorted, one per line.
std::string names_in(const RunnerProject& p) {
    if (p.pg())
        return p.query(
            "SELECT name FROM (SELECT conname AS name FROM pg_constraint c JOIN pg_namespace n ON "
            "n.oid = c.connamespace WHERE n.nspname = 'public' AND c.contype <> 'n' UNION "
            "SELECT indexname FROM pg_indexes WHERE schemaname = 'public') x "
            "WHERE name NOT LIKE 'migrate_version%' ORDER BY 1");
    // SQLite: index names from the catalog, constraint names from the CREATE TABLE text.
    std::string out = p.query(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY "
        "1");
    return out + p.query(
                     "SELECT sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                     "'migrate_%' ORDER BY name");
}

void renames_follow(RunnerProject& p) {
    p.dir().write("models/m.yaml", kBefore);
    p.ok({"revision", "--autogenerate", "-m", "tags", "--rev-id", "r1"});
    p.ok({"upgrade", "head"});
    p.run_script(
        "INSERT INTO tags (id, label, code) VALUES (1, 'a', 'x');\n"
        "INSERT INTO post_tags (post_id, tag_id) VALUES (7, 1);\n");
    std::string schema_r1 = p.schema_text();
    std::string names_r1 = names_in(p);

    p.dir().write("models/m.yaml", kAfter);
    auto gen = p.ok({"revision", "--autogenerate", "-m", "rename", "--rev-id", "r2"});
    // Renames only: nothing dropped and created again under a new name.
    CHECK(gen.out ==
          "Detected renamed table 'tags' to 'labels'\n"
          "Detected renamed column 'labels.label' to 'labels.title'\n"
          "Detected renamed column 'labels.code' to 'labels.kode'\n"
          "Generating migrations/versions/r2_rename.yaml ... done\n");
    std::string sql = p.ok({"upgrade", "r1:r2", "--sql"}).out;
    p.ok({"upgrade", "head"});
    CHECK(p.ok({"check"}).out == "No changes detected\n");
    std::string names = names_in(p);
    INFO(names);
    for (const char* n :
         {"pk_labels", "ix_labels_title", "ix_labels_title_kode", "uq_labels_kode",
          "fk_labels_parent_id_labels", "ck_labels_title", "fk_post_tags_tag_id_labels"})
        CHECK_THAT(names, Catch::Contains(n));
    for (const char* n : {"pk_tags", "ix_tags_", "uq_tags_", "fk_tags_", "ck_tags_", "tag_id_tags",
                          "ix_labels_label", "uq_labels_code", "ck_labels_label"})
        CHECK_THAT(names, !Catch::Contains(n));
    CHECK(p.query("SELECT title || kode FROM labels") == "ax\n");
    CHECK(p.query("SELECT tag_id FROM post_tags") == "1\n");
    std::string schema_r2 = p.schema_text();

    // Down again: every name back as it was.
    p.ok({"downgrade", "-1"});
    CHECK(p.schema_text() == schema_r1);
    CHECK(names_in(p) == names_r1);

    // --sql: the script written before brings the same database to the same end.
    p.run_script(sql);
    CHECK(p.schema_text() == schema_r2);
    CHECK(names_in(p) == names);
    p.run_script(p.ok({"downgrade", "r2:r1", "--sql"}).out);
    CHECK(p.schema_text() == schema_r1);
}

}  // namespace

RUNNER_TEST_BOTH_DIALECTS("names derived from a renamed table or column follow the rename",
                          "[e2e][rename]", renames_follow)
