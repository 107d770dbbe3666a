// Schema -> model-file YAML: golden text for the shapes a person would write, and the
// round trip load_models(emit_models(s)) == s over the fixture models and rich schemas
// (composite keys, partial and expression indexes, checks, enums, comments, names that
// need quoting, names the convention would not give).

#include "core/model/model_emit.h"

#include <catch2/catch.hpp>

#include "core/model/model_loader.h"
#include "tests/support/process.h"

using namespace migrate;

namespace {

std::string fixture(const std::string& relative) {
    return migrate::test::source_dir() + "/tests/fixtures/models/" + relative;
}

Schema reload(const std::string& text, const NamingConvention& naming = {}) {
    return load_model_documents({{"emitted.yaml", text}}, naming);
}

Column column(const std::string& name, TypeKind kind, bool nullable = true) {
    Column c;
    c.name = name;
    c.type = ColumnType::of(kind);
    c.nullable = nullable;
    return c;
}

// Objects with every kind of name a reflected database can hold.
Schema rich_schema() {
    Schema s;
    s.enums.push_back({"", "mood", {"happy", "so-so", "null", "yes"}});
    s.enums.push_back({"audit", "state", {"open", "closed"}});

    Table orders;
    orders.name = "order";  // a keyword
    orders.comment = "Orders: \"quoted\", with a colon\nand a second line";
    Column id = column("id", TypeKind::BigInt, false);
    id.autoincrement = true;
    Column code = column("Code Name", TypeKind::String, false);
    code.type.length = 40;
    code.collation = "C";
    code.comment = "shown as: code";
    Column total = column("total", TypeKind::Numeric, false);
    total.type.precision = 12;
    total.type.scale = 2;
    total.server_default = "0";
    Column status = column("status", TypeKind::Enum);
    status.type.name = "mood";
    status.server_default = "'happy'";
    Column yes = column("yes", TypeKind::Boolean);  // a name YAML 1.1 reads as true
    Column tags = column("tags", TypeKind::Dialect);
    tags.type.name = "text[]";
    orders.columns = {id, code, total, status, yes, tags};
    orders.primary_key = PrimaryKey{"orders_pkey", {"id"}};
    orders.indexes.push_back(
        {"ix_order_Code Name", {IndexElement{"Code Name"}}, true, std::nullopt, ""});
    orders.indexes.push_back(
        {"ix_order_lower", {IndexElement{"", "lower(\"Code Name\")"}}, false, std::nullopt, ""});
    orders.indexes.push_back(
        {"orders_partial",
         {IndexElement{"total", "", SortOrder::Desc, NullsOrder::Last, ""}, IndexElement{"status"}},
         false,
         std::string("total > 0 AND status <> 'sad'"),
         ""});
    orders.indexes.push_back({"ix_order_tags", {IndexElement{"tags"}}, false, std::nullopt, "gin"});
    orders.checks.push_back({"ck_order_total", "total >= 0"});
    orders.checks.push_back({"total_small", "total < 1000000"});
    orders.unique_constraints.push_back({"uq_order_status_yes", {"status", "yes"}});

    Table lines;
    lines.name = "order_lines";
    lines.columns = {
        column("order_id", TypeKind::BigInt, false), column("line", TypeKind::Integer, false),
        column("qty", TypeKind::Integer, false), column("parent_order", TypeKind::BigInt),
        column("parent_line", TypeKind::Integer)};
    lines.primary_key = PrimaryKey{"pk_order_lines", {"order_id", "line"}};
    lines.foreign_keys.push_back(
        {"fk_order_lines_order_id_order", {"order_id"}, "", "order", {"id"}, "cascade", ""});
    lines.foreign_keys.push_back({"lines_parent_fk",
                                  {"parent_order", "parent_line"},
                                  "",
                                  "order_lines",
                                  {"order_id", "line"},
                                  "set null",
                                  "cascade"});
    lines.unique_constraints.push_back({"uq_order_lines_qty", {"qty"}});
    lines.indexes.push_back({"ix_order_lines_qty", {IndexElement{"qty"}}, false, std::nullopt, ""});

    Table audit;
    audit.schema = "audit";
    audit.name = "events";
    Column state = column("state", TypeKind::Enum);
    state.type.name = "audit.state";
    Column at = column("at", TypeKind::DateTime, false);
    at.type.timezone = true;
    at.server_default = "now()";
    audit.columns = {column("order_id", TypeKind::BigInt, false), state, at};
    audit.primary_key = PrimaryKey{"pk_events", {"at", "order_id"}};  // not in column order
    audit.foreign_keys.push_back(
        {"fk_events_order_id_order", {"order_id"}, "public", "order", {"id"}, "", "restrict"});

    s.tables = {orders, lines, audit};
    s.sort();
    return s;
}

}  // namespace

TEST_CASE("emit writes the shapes a person writes: shorthands, no conventional names",
          "[model_emit]") {
    Schema blog = load_models({fixture("good/blog.yaml")});
    std::string text = emit_models(blog);
    CHECK(
        text ==
        "tables:\n"
        "  - name: post_tags\n"
        "    columns:\n"
        "      - {name: post_id, type: integer, primary_key: true, references: posts.id}\n"
        "      - {name: tag_id, type: integer, primary_key: true, references: tags.id}\n"
        "  - name: posts\n"
        "    columns:\n"
        "      - {name: id, type: integer, primary_key: true}\n"
        "      - {name: title, type: string(200), nullable: false}\n"
        "      - {name: content, type: text}\n"
        "      - {name: user_id, type: integer, nullable: false, references: users.id, on_delete: "
        "cascade}\n"
        "  - name: tags\n"
        "    columns:\n"
        "      - {name: id, type: integer, primary_key: true}\n"
        "      - {name: name, type: string(50), nullable: false, unique: true}\n"
        "  - name: users\n"
        "    comment: Registered users\n"
        "    columns:\n"
        "      - {name: id, type: integer, primary_key: true}\n"
        "      - {name: email, type: string(255), nullable: false, unique: true, index: true}\n"
        "      - {name: username, type: string(50), nullable: false, unique: true}\n"
        "      - {name: full_name, type: string(100)}\n"
        "      - {name: is_active, type: boolean, nullable: false, server_default: \"true\"}\n"
        "      - {name: balance, type: \"numeric(12,2)\", nullable: false, server_default: \"0\"}\n"
        "      - {name: created_at, type: datetime(timezone), nullable: false, server_default: "
        "now()}\n"
        "    indexes:\n"
        "      - {name: ix_user_email_active, columns: [email, is_active]}\n"
        "    checks:\n"
        "      - {name: balance_non_negative, expression: balance >= 0}\n");
    CHECK(reload(text) == blog);
}

TEST_CASE("emit lists what shorthands cannot say, with the names the convention would not give",
          "[model_emit]") {
    Schema s = rich_schema();
    std::string text = emit_models(s);
    INFO(text);
    CHECK_THAT(text, Catch::StartsWith(
                         "enums:\n  - {name: mood, values: [happy, so-so, \"null\", \"yes\"]}\n"
                         "  - {name: state, values: [open, closed], schema: audit}\n"));
    // A composite key out of column order, and a foreign key across schemas.
    CHECK_THAT(text, Catch::Contains("    primary_key: [at, order_id]\n"));
    CHECK_THAT(
        text,
        Catch::Contains(
            "{name: order_id, type: bigint, references: public.order.id, on_update: restrict}"));
    // A key with its own name; a unique index on a name with a space as a shorthand.
    CHECK_THAT(text, Catch::Contains("    primary_key: {name: orders_pkey, columns: [id]}\n"));
    CHECK_THAT(text,
               Catch::Contains(
                   "      - name: Code Name\n        type: string(40)\n        nullable: false\n"
                   "        comment: \"shown as: code\"\n        collation: C\n"
                   "        unique: true\n        index: true\n"));  // too long for one line
    // The unique constraint took the column's shorthand; the plain index is listed.
    CHECK_THAT(text, Catch::Contains("{name: qty, type: integer, nullable: false, unique: true}"));
    CHECK_THAT(text, Catch::Contains("    indexes:\n      - {columns: [qty]}\n"));
    CHECK_THAT(text, Catch::Contains(
                         "      - {name: ix_order_lower, expressions: [lower(\"Code Name\")]}\n"));
    CHECK_THAT(text, Catch::Contains("      - name: orders_partial\n        columns: [{name: "
                                     "total, order: desc, nulls: last}, status]\n"
                                     "        where: total > 0 AND status <> 'sad'\n"));
    CHECK_THAT(text, Catch::Contains("      - {columns: [tags], using: gin}\n"));
    CHECK_THAT(text,
               Catch::Contains("      - {expression: total >= 0}\n      - {name: total_small"));
    CHECK_THAT(text, Catch::Contains("      - {columns: [status, \"yes\"]}\n"));
    CHECK_THAT(text, Catch::Contains("{name: order_id, type: bigint, primary_key: true, "
                                     "references: order.id, on_delete: cascade}"));
    CHECK_THAT(text, Catch::Contains("name: lines_parent_fk\n"));
    CHECK(reload(text) == s);
}

TEST_CASE("emit round trip: every fixture model and the rich schema load back equal",
          "[model_emit]") {
    for (const char* name : {"good/blog.yaml", "good/everything.yaml", "good/composite.json"}) {
        INFO(name);
        Schema s = load_models({fixture(name)});
        std::string text = emit_models(s);
        INFO(text);
        CHECK(reload(text) == s);
        CHECK(emit_models(reload(text)) == text);  // deterministic, and a fixed point
    }
    Schema rich = rich_schema();
    CHECK(emit_models(rich) == emit_models(rich));
}

TEST_CASE("emit names only what a custom naming convention would not give", "[model_emit]") {
    NamingConvention custom;
    custom.uq = "%(table)s_%(column_0_name)s_key";
    custom.pk = "%(table)s_pkey";
    Schema s = load_models({fixture("good/blog.yaml")}, custom);
    std::string text = emit_models(s, custom);
    INFO(text);
    CHECK_THAT(
        text, Catch::Contains("{name: username, type: string(50), nullable: false, unique: true}"));
    CHECK_THAT(text, !Catch::Contains("users_pkey"));
    CHECK(reload(text, custom) == s);
    // Read with the default convention, the names would change: they must be written.
    std::string with_defaults = emit_models(s);
    CHECK_THAT(with_defaults, Catch::Contains("primary_key: {name: users_pkey, columns: [id]}"));
    CHECK(reload(with_defaults) == s);
}

TEST_CASE("emit of an empty schema is a valid model file", "[model_emit]") {
    CHECK(emit_models(Schema{}) == "tables: []\n");
    CHECK(reload(emit_models(Schema{})) == Schema{});
}

TEST_CASE("sqlite_autoincrement loads, emits and loads back", "[model_emit]") {
    Schema s = reload(
        "tables:\n  - name: archive\n    sqlite_autoincrement: true\n"
        "    columns: [{name: id, type: integer, primary_key: true}, {name: txt, type: text}]\n");
    REQUIRE(s.tables.size() == 1);
    CHECK(s.tables[0].sqlite_autoincrement);
    std::string text = emit_models(s);
    CHECK_THAT(
        text, Catch::Contains("  - name: archive\n    sqlite_autoincrement: true\n    columns:\n"));
    CHECK(reload(text) == s);
    s.tables[0].sqlite_autoincrement = false;
    CHECK_THAT(emit_models(s), !Catch::Contains("sqlite_autoincrement"));
}
