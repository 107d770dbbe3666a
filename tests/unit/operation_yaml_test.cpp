// Operations to and from revision-file YAML: every operation round-trips
// (parse(emit(x)) == x), emitted text is golden, shorthands expand, and bad input is
// reported with file:line:column and "did you mean".

#include "core/operations/operation_yaml.h"

#include <catch2/catch.hpp>

using namespace migrate;

namespace {

struct Parsed {
    Operations ops;
    std::vector<Diagnostic> diagnostics;
    std::string errors() const {
        std::string s;
        for (const auto& d : diagnostics) s += d.to_string() + "\n";
        return s;
    }
};

Parsed parse_text(const std::string& yaml) {
    Parsed p;
    NamingConvention naming;
    ParseContext ctx{"rev.yaml", &p.diagnostics, &naming};
    p.ops = parse_operations(yaml::parse(yaml), ctx);
    return p;
}

const char* kEveryOperation = R"Y(
- create_table:
    name: posts
    comment: Blog posts
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: title, type: string(200), nullable: false, index: true}
      - {name: slug, type: string(200), unique: true}
      - {name: status, type: string(20), server_default: "'draft'", comment: "state: draft/live"}
      - {name: price, type: "numeric(12,2)", nullable: false, server_default: "0"}
      - {name: user_id, type: integer, nullable: false, references: users.id, on_delete: cascade}
    checks:
      - {name: price_positive, expression: price >= 0}
- create_table:
    name: post_tags
    schema: blog
    columns:
      - {name: post_id, type: integer}
      - {name: tag_id, type: bigint}
    primary_key: {name: post_tags_pkey, columns: [tag_id, post_id]}
    foreign_keys:
      - {columns: [post_id], references_table: posts, references_columns: [id], references_schema: public, on_update: set_null}
- drop_table:
    name: old
    existing:
      name: old
      columns:
        - {name: id, type: bigint, primary_key: true, autoincrement: false}
- rename_table: {name: a, new_name: b, schema: blog}
- add_column: {table: posts, column: {name: body, type: text, collation: "C"}}
- drop_column: {table: posts, name: legacy, existing: {name: legacy, type: boolean, nullable: false, server_default: "false"}}
- alter_column:
    table: posts
    name: title
    new_name: headline
    type: text
    nullable: true
    server_default: null
    comment: the headline
    using: title::text
    existing_type: string(200)
    existing_nullable: false
    existing_server_default: "'x'"
    existing_comment: null
- alter_column: {table: posts, name: id, type: bigint, autoincrement: true, existing_type: integer, existing_autoincrement: false}
- create_index: {name: ix_posts_created, table: posts, columns: [{name: created_at, order: desc, nulls: last}, title], unique: true, where: status = 'live'}
- create_index: {name: ix_posts_lower_title, table: posts, expressions: [lower(title)], using: gin}
- create_index: {name: ix_posts_mixed, table: posts, columns: [{expression: "lower(title)", order: desc, opclass: text_pattern_ops}, status]}
- drop_index: {name: ix_old, table: posts, existing: {columns: [a, {expression: a + b}]}}
- create_unique_constraint: {name: uq_posts_slug2, table: posts, columns: [slug, status]}
- create_foreign_key: {name: fk_x, table: posts, columns: [a], references_table: t, references_columns: [id], on_delete: set null}
- create_check_constraint: {table: posts, expression: length(title) > 0}
- create_primary_key: {table: things, columns: [id]}
- drop_constraint: {name: uq_a, table: posts, type: unique, existing: {columns: [a]}}
- drop_constraint: {name: fk_a, table: posts, type: foreign_key, existing: {columns: [a], references_table: t, references_columns: [id]}}
- drop_constraint: {name: ck_a, table: posts, type: check, existing: {expression: a > 1}}
- drop_constraint: {name: pk_a, table: posts, type: primary_key}
- create_enum: {name: mood, values: [happy, sad], schema: blog}
- drop_enum: {name: old_mood, existing_values: [meh]}
- alter_enum_add_value: {name: mood, value: ok, before: sad}
- alter_enum_drop_value: {name: mood, value: ok}
- set_table_comment: {table: posts, comment: null, existing_comment: Blog posts}
- execute: UPDATE posts SET status = 'live'
- execute: |
    CREATE VIEW live_posts AS
      SELECT * FROM posts WHERE status = 'live';
- execute:
    sql: CREATE EXTENSION IF NOT EXISTS pg_trgm
    dialect: postgresql
    effect:
      - create_enum: {name: e, values: [x]}
- execute:
    sql: CREATE VIEW v AS SELECT 1
    reverse: DROP VIEW v
)Y";

}  // namespace

TEST_CASE("every operation parses, and parse(emit(x)) == x", "[operation_yaml]") {
    Parsed first = parse_text(kEveryOperation);
    INFO(first.errors());
    REQUIRE(first.diagnostics.empty());
    // 28 entries; create_table shorthands stay inside the table, so 28 operations.
    CHECK(first.ops.size() == 29);
    std::string emitted = emit_operations(first.ops);
    Parsed second = parse_text(emitted);
    INFO(emitted);
    INFO(second.errors());
    REQUIRE(second.diagnostics.empty());
    CHECK(second.ops == first.ops);
    CHECK(emit_operations(second.ops) == emitted);  // stable
    for (const auto& op : first.ops) {
        INFO(op_name(op));
        CHECK(parse_text(emit_operations({op})).ops == Operations{op});
        CHECK(parse_text(emit_operations_canonical({op})).ops == Operations{op});
    }
}

Table sqlite_autoincrement_table() {
    Table t;
    t.name = "archive";
    t.columns = {Column{"id", ColumnType::of(TypeKind::Integer), false}};
    t.columns[0].autoincrement = true;
    t.primary_key = PrimaryKey{"pk_archive", {"id"}};
    t.sqlite_autoincrement = true;
    return t;
}

TEST_CASE("values built in code round-trip", "[operation_yaml]") {
    Column weird{"note", ColumnType::of(TypeKind::Text), true,         std::string("'a: b, #c'"),
                 false,  std::string("multi\nline"),     std::nullopt, std::nullopt};
    AlterColumn alter;
    alter.table = "t";
    alter.name = "c";
    alter.server_default = std::optional<std::string>("0");
    alter.existing_server_default = std::optional<std::string>();
    Operations ops = {
        AddColumn{"", "t", weird},
        alter,
        Execute{"SELECT 1;\nSELECT 2;\n", "sqlite", {}},
        Execute{"  leading spaces\n", "", {}},
        Execute{"trailing space \nx", "", {}},
        SetTableComment{"", "t", std::string("yes"),
                        std::optional<std::optional<std::string>>(std::nullopt)},
        RenameTable{"", "123", "true"},
        CreateTable{sqlite_autoincrement_table()},
    };
    for (const auto& op : ops) {
        std::string text = emit_operations({op});
        INFO(text);
        Parsed p = parse_text(text);
        INFO(p.errors());
        CHECK(p.ops == Operations{op});
    }
}

TEST_CASE("emitted YAML is readable and golden", "[operation_yaml][golden]") {
    Parsed p = parse_text(R"Y(
- create_table:
    name: posts
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: title, type: string(200), nullable: false}
      - {name: price, type: "numeric(12,2)", server_default: "0"}
- create_index: {name: ix_posts_title, table: posts, columns: [title]}
- execute: |
    UPDATE posts
    SET title = 'x';
)Y");
    REQUIRE(p.diagnostics.empty());
    CHECK(emit_operations(p.ops) ==
          "- create_table:\n"
          "    name: posts\n"
          "    columns:\n"
          "      - {name: id, type: integer, primary_key: true}\n"
          "      - {name: title, type: string(200), nullable: false}\n"
          "      - {name: price, type: \"numeric(12,2)\", server_default: \"0\"}\n"
          "- create_index: {name: ix_posts_title, table: posts, columns: [title]}\n"
          "- execute: |\n"
          "    UPDATE posts\n"
          "    SET title = 'x';\n");
    Operations downgrade = reverse(Operations(p.ops.begin(), p.ops.begin() + 2));
    CHECK(emit_operations({downgrade.front()}) ==
          "- drop_index: {name: ix_posts_title, table: posts, existing: {columns: [title]}}\n");
}

TEST_CASE("an index mixing columns and expressions keeps every element",
          "[operation_yaml][golden]") {
    Index ix{"ix_t_mixed",
             {IndexElement{"", "lower(name)"}, IndexElement{"disabled"}},
             false,
             std::nullopt,
             ""};
    CHECK(emit_operations({CreateIndex{"", "t", ix}}) ==
          "- create_index: {name: ix_t_mixed, table: t, columns: [{expression: lower(name)}, "
          "disabled]}\n");
    IndexElement desc{"", "lower(name)", SortOrder::Desc};
    Index only_expressions{"ix_t_exprs",
                           {IndexElement{"", "lower(name)"}, IndexElement{"", "a + b"}},
                           false,
                           std::nullopt,
                           ""};
    CHECK(emit_operations({CreateIndex{"", "t", only_expressions}}) ==
          "- create_index: {name: ix_t_exprs, table: t, expressions: [lower(name), a + b]}\n");
    Index ordered{"ix_t_desc", {desc}, false, std::nullopt, ""};
    CHECK(emit_operations({CreateIndex{"", "t", ordered}}) ==
          "- create_index: {name: ix_t_desc, table: t, columns: [{expression: lower(name), order: "
          "desc}]}\n");
    for (const Index& i : {ix, only_expressions, ordered}) {
        Parsed p = parse_text(emit_operations({CreateIndex{"", "t", i}}));
        INFO(p.errors());
        CHECK(p.ops == Operations{CreateIndex{"", "t", i}});
    }
    // Unnamed, the convention names it after the columns the elements use.
    Parsed unnamed =
        parse_text("- create_index: {table: t, columns: [{expression: lower(name)}, disabled]}\n");
    REQUIRE(unnamed.ops.size() == 1);
    CHECK(unnamed.ops[0].as<CreateIndex>()->index.name == "ix_t_name_disabled");
}

TEST_CASE("alter_column carries autoincrement both ways", "[operation_yaml]") {
    Parsed p = parse_text(
        "- alter_column: {table: t, name: id, autoincrement: true, existing_autoincrement: "
        "false}\n");
    INFO(p.errors());
    REQUIRE(p.ops.size() == 1);
    const AlterColumn* a = p.ops[0].as<AlterColumn>();
    REQUIRE(a);
    CHECK(a->autoincrement == std::optional<bool>(true));
    CHECK(a->existing_autoincrement == std::optional<bool>(false));
    Operation back = reverse(p.ops[0]);
    CHECK(emit_operations({back}) ==
          "- alter_column: {table: t, name: id, autoincrement: false, existing_autoincrement: "
          "true}\n");
    CHECK(describe(back) == "alter column 't.id': drop autoincrement");
}

TEST_CASE("execute names a dialect by its name or a URL scheme's alias", "[operation_yaml]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"sqlite", "sqlite"}, {"postgresql", "postgresql"}, {"postgres", "postgresql"},
        {"mysql", "mysql"},   {"mariadb", "mysql"},
    };
    for (const auto& [written, read] : cases) {
        Parsed p = parse_text("- execute: {sql: x, dialect: " + written + "}\n");
        INFO(written << ": " << p.errors());
        REQUIRE(p.ops.size() == 1);
        CHECK(p.ops[0].as<Execute>()->dialect == read);
    }
}

TEST_CASE("add_column shorthands expand into separate operations", "[operation_yaml]") {
    Parsed p = parse_text(R"Y(
- add_column:
    table: posts
    column: {name: user_id, type: integer, references: users.id, on_delete: cascade, index: true}
- add_column: {table: posts, column: {name: code, type: string(10), unique: true}}
)Y");
    INFO(p.errors());
    REQUIRE(p.diagnostics.empty());
    REQUIRE(p.ops.size() == 5);
    CHECK(p.ops[0].is<AddColumn>());
    REQUIRE(p.ops[1].is<CreateIndex>());
    CHECK(p.ops[1].as<CreateIndex>()->index.name == "ix_posts_user_id");
    REQUIRE(p.ops[2].is<CreateForeignKey>());
    CHECK(p.ops[2].as<CreateForeignKey>()->constraint.name == "fk_posts_user_id_users");
    CHECK(p.ops[2].as<CreateForeignKey>()->constraint.on_delete == "cascade");
    CHECK(p.ops[3].is<AddColumn>());
    REQUIRE(p.ops[4].is<CreateUniqueConstraint>());
    CHECK(p.ops[4].as<CreateUniqueConstraint>()->constraint.name == "uq_posts_code");
    CHECK(parse_text(emit_operations(p.ops)).ops == p.ops);
}

TEST_CASE("bad operations are reported with file:line:column", "[operation_yaml][errors]") {
    struct Case {
        int n;
        std::string yaml;
        std::string message;
    };
    std::vector<Case> cases = {
        {1, "- create_tabel: {name: x}\n",
         "rev.yaml:1:3: unknown operation 'create_tabel' (did you mean 'create_table'?)"},
        {2, "- drop_index: {name: ix, tabel: posts}\n",
         "rev.yaml:1:26: unknown key 'tabel' in drop_index (did you mean 'table'?)"},
        {3, "- drop_constraint: {name: x, table: t, type: uniq}\n",
         "must be 'unique', 'foreign_key', 'check' or 'primary_key', got 'uniq' (did you mean "
         "'unique'?)"},
        {4, "- alter_column: {table: t, name: c}\n", "alter_column changes nothing"},
        {5, "- drop_table\n", "rev.yaml:1:3: an operation is a mapping with one key"},
        {6, "- execute: {sql: x, dialect: oracle}\n",
         "'dialect' of execute must be 'sqlite', 'postgresql' or 'mysql', got 'oracle'"},
        {7, "- add_column: {table: t}\n", "add_column needs 'column'"},
        {8, "- alter_enum_add_value: {name: e, value: v, before: a, after: b}\n",
         "takes 'before' or 'after', not both"},
        {9, "- drop_table: {}\n", "drop_table needs 'name'"},
        {10, "- add_column: {table: t, column: {name: c, type: \"numeric(12\"}}\n", "numeric(12"},
        {11,
         "- create_foreign_key: {table: t, columns: [a], references_table: u, references_columns: "
         "[id], on_delete: explode}\n",
         "'on_delete' of create_foreign_key must be"},
        {12,
         "- create_table: {name: t, columns: [{name: id, type: integer, primary_key: true, "
         "nulable: true}]}\n",
         "unknown key 'nulable'"},
        {13, "upgrade: x\n", "operations must be a list"},
        {14, "- rename_table: {name: a, new_name: b, extra: 1}\n",
         "unknown key 'extra' in rename_table"},
    };
    for (const auto& c : cases) {
        INFO("case " << c.n);
        yaml::Node node = yaml::parse(c.yaml);
        std::vector<Diagnostic> diags;
        NamingConvention naming;
        ParseContext ctx{"rev.yaml", &diags, &naming};
        Operations ops = node.IsMap() && node["upgrade"] ? parse_operations(node["upgrade"], ctx)
                                                         : parse_operations(node, ctx);
        std::string all;
        for (const auto& d : diags) all += d.to_string() + "\n";
        CHECK_THAT(all, Catch::Contains(c.message));
        CHECK(ops.empty());
    }
}

TEST_CASE("every problem of a list is reported, not just the first", "[operation_yaml][errors]") {
    Parsed p = parse_text(
        "- drop_tabel: {name: a}\n- drop_index: {nam: x, table: t}\n- rename_table: {name: a, "
        "new_name: b}\n");
    CHECK(p.diagnostics.size() >= 2);
    CHECK(p.ops.size() == 1);
    CHECK(p.diagnostics[0].where.line == 1);
    CHECK(p.diagnostics[1].where.line == 2);
}
