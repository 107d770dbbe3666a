// Operations on a table with rows whose expected effect is written by hand: enums,
// identity columns, comments, USING casts, constraint and key changes. Runs on every
// dialect with named enums (the seed has one). Reflection shows exactly the intended
// change, the differ finds nothing left to do, and the rows are intact.

#include <catch2/catch.hpp>
#include <functional>

#include "core/diff/differ.h"
#include "tests/dialect/conformance/typed_seed.h"

using namespace migrate;
using namespace migrate::test;

namespace {

struct Case {
    int number;
    const char* name;
    Operations ops;
    std::function<void(Schema&)> expect;
    std::string table_after = "items";  // where the three rows should be
};

Table& items(Schema& s) { return *s.find_table("", "items"); }

AlterColumn alter(const std::string& column) {
    AlterColumn a;
    a.table = "items";
    a.name = column;
    return a;
}

std::vector<Case> cases(const std::string& dialect) {
    std::vector<Case> c;
    {
        Column added = column("Weight (kg)", "numeric(8,3)", false, "1.5");
        added.comment = "net weight";
        c.push_back({1,
                     "add_column with default, NOT NULL and comment",
                     {AddColumn{"", "items", added}},
                     [added](Schema& s) { items(s).columns.push_back(added); }});
    }
    c.push_back({2, "drop_column", {DropColumn{"", "items", "price", std::nullopt}}, [](Schema& s) {
                     auto& cols = items(s).columns;
                     cols.erase(cols.begin() + 3);
                 }});
    {
        AlterColumn a = alter("qty");
        a.type = type_of("bigint");
        c.push_back({3, "alter_column type integer -> bigint", {a}, [](Schema& s) {
                         items(s).find_column("qty")->type = type_of("bigint");
                     }});
    }
    {
        AlterColumn a = alter("price");
        a.type = type_of("string(20)");
        a.existing_type = type_of("numeric(10,2)");
        c.push_back({4, "alter_column type numeric -> string (USING cast)", {a}, [](Schema& s) {
                         items(s).find_column("price")->type = type_of("string(20)");
                     }});
    }
    {
        AlterColumn a = alter("note");
        a.type = type_of("integer");
        a.using_expr = "length(note) + id";
        c.push_back({5, "alter_column type with an explicit using", {a}, [](Schema& s) {
                         items(s).find_column("note")->type = type_of("integer");
                     }});
    }
    {
        AlterColumn a = alter("price"), b = alter("name");
        a.nullable = false;
        b.nullable = true;
        c.push_back({6, "alter_column nullability both ways", {a, b}, [](Schema& s) {
                         items(s).find_column("price")->nullable = false;
                         items(s).find_column("name")->nullable = true;
                     }});
    }
    {
        AlterColumn a = alter("qty"), b = alter("note");
        a.server_default = std::optional<std::string>();
        b.server_default = std::optional<std::string>("'none'");
        c.push_back({7, "alter_column drop and set server default", {a, b}, [](Schema& s) {
                         items(s).find_column("qty")->server_default.reset();
                         items(s).find_column("note")->server_default = "'none'";
                     }});
    }
    {
        AlterColumn a = alter("name");
        a.new_name = "Title \"main\"";
        a.comment = std::optional<std::string>("the title");
        c.push_back({8, "alter_column rename and comment", {a}, [](Schema& s) {
                         Column* col = items(s).find_column("name");
                         col->name = "Title \"main\"";
                         col->comment = "the title";
                         items(s).indexes[0].elements[0].column = "Title \"main\"";
                         items(s).indexes[0].name =
                             "ix_items_Title \"main\"";  // its derived name follows
                     }});
    }
    {
        Index partial{"ix_items_cheap",
                      {on_expression("lower(name)"), on_column("qty")},
                      true,
                      "qty < 10",
                      ""};
        c.push_back({9,
                     "create_index unique, expression, partial",
                     {CreateIndex{"", "items", partial}},
                     [partial](Schema& s) { items(s).indexes.push_back(partial); }});
    }
    c.push_back(
        {10, "drop_index", {DropIndex{"", "items", "ix_items_name", std::nullopt}}, [](Schema& s) {
             items(s).indexes.clear();
         }});
    c.push_back({11,
                 "create_unique_constraint",
                 {CreateUniqueConstraint{"", "items", {"uq_items_name_qty", {"name", "qty"}}}},
                 [](Schema& s) {
                     items(s).unique_constraints.push_back({"uq_items_name_qty", {"name", "qty"}});
                 }});
    {
        ForeignKey fk{"fk_items_qty_owners", {"qty"}, "", "owners", {"id"}, "set null", "cascade"};
        c.push_back({12,
                     "create_foreign_key with actions",
                     {CreateForeignKey{"", "items", fk}},
                     [fk](Schema& s) { items(s).foreign_keys.push_back(fk); }});
    }
    c.push_back(
        {13,
         "create_check_constraint",
         {CreateCheckConstraint{"", "items", {"ck_items_price", "price > 0 OR price IS NULL"}}},
         [](Schema& s) {
             items(s).checks.push_back({"ck_items_price", "price > 0 OR price IS NULL"});
         }});
    {
        DropConstraint uq{"", "items", "uq_items_note", ConstraintType::Unique};
        DropConstraint ck{"", "items", "ck_items_qty", ConstraintType::Check};
        DropConstraint fk{"", "items", "fk_items_owner_id_owners", ConstraintType::ForeignKey};
        c.push_back({14, "drop_constraint unique, check, foreign key", {uq, ck, fk}, [](Schema& s) {
                         items(s).unique_constraints.clear();
                         items(s).checks.clear();
                         items(s).foreign_keys.clear();
                     }});
    }
    {
        DropConstraint pk{"", "items", "pk_items", ConstraintType::PrimaryKey};
        CreatePrimaryKey npk{"", "items", {"pk_items_id_name", {"id", "name"}}};
        c.push_back({15, "drop and create primary key", {pk, npk}, [](Schema& s) {
                         items(s).primary_key = PrimaryKey{"pk_items_id_name", {"id", "name"}};
                     }});
    }
    c.push_back({16,
                 "rename_table renames derived names and the identity sequence",
                 {RenameTable{"", "items", "goods"}},
                 [](Schema& s) {
                     Table& t = items(s);
                     t.name = "goods";
                     t.primary_key->name = "pk_goods";
                     t.indexes[0].name = "ix_goods_name";
                     t.unique_constraints[0].name = "uq_goods_note";
                     t.checks[0].name = "ck_goods_qty";
                     t.foreign_keys[0].name = "fk_goods_owner_id_owners";
                 },
                 "goods"});
    c.push_back({17,
                 "set_table_comment",
                 {SetTableComment{"", "items", "Things we sell", std::nullopt}},
                 [](Schema& s) { items(s).comment = "Things we sell"; }});
    {
        Enum size{"", "size", {"s", "m", "l"}};
        c.push_back({18,
                     "create_enum and drop_enum",
                     {CreateEnum{size}, CreateEnum{{"", "gone", {"x"}}},
                      DropEnum{"", "gone", std::nullopt}},
                     [size](Schema& s) { s.enums.push_back(size); }});
    }
    c.push_back({19,
                 "alter_enum_add_value before and after",
                 {AlterEnumAddValue{"", "mood", "ecstatic", "happy", std::nullopt},
                  AlterEnumAddValue{"", "mood", "meh", std::nullopt, "sad"}},
                 [](Schema& s) {
                     s.enums[0].values = {"ecstatic", "happy", "sad", "meh", "ok"};
                 }});
    c.push_back({20,
                 "alter_enum_drop_value recreates the type and converts the column",
                 {AlterEnumDropValue{"", "mood", "sad"}},
                 [](Schema&) {}});
    c.back().ops = {Execute{"UPDATE items SET mood = 'ok' WHERE mood = 'sad'", "", {}},
                    AlterEnumDropValue{"", "mood", "sad"}};
    c.back().expect = [](Schema& s) { s.enums[0].values = {"happy", "ok"}; };
    c.push_back({21, "drop_table", {DropTable{"", "owners", std::nullopt}}, [](Schema& s) {
                     s.tables.erase(s.tables.begin());
                     items(s).foreign_keys.clear();
                 }});
    c.back().ops.insert(
        c.back().ops.begin(),
        DropConstraint{"", "items", "fk_items_owner_id_owners", ConstraintType::ForeignKey});
    c.push_back({22,
                 "execute for this dialect runs, for another is skipped",
                 {Execute{"ALTER TABLE items ADD COLUMN extra int", dialect, {}},
                  Execute{"THIS IS NOT SQL", dialect == "sqlite" ? "postgresql" : "sqlite", {}}},
                 [](Schema& s) { items(s).columns.push_back(column("extra", "integer")); }});
    {
        AlterColumn a = alter("qty");
        a.type = type_of("boolean");
        a.using_expr = "qty > 1";
        a.server_default = std::optional<std::string>("false");
        c.push_back({23,
                     "alter_column type and default when the old default cannot be cast",
                     {a},
                     [](Schema& s) {
                         Column* q = items(s).find_column("qty");
                         q->type = type_of("boolean");
                         q->server_default = "false";
                         items(s).checks.clear();
                     }});
        c.back().ops.insert(c.back().ops.begin(),
                            DropConstraint{"", "items", "ck_items_qty", ConstraintType::Check});
    }
    {
        AlterColumn a = alter("mood"), b = alter("note");
        a.type = type_of("string(10)");
        b.type = type_of("enum(mood)");
        c.push_back({24,
                     "alter_column enum -> string keeps the default; text -> enum casts via text",
                     {DropConstraint{"", "items", "uq_items_note", ConstraintType::Unique},
                      Execute{"UPDATE items SET note = 'ok'", "", {}}, a, b},
                     [](Schema& s) {
                         items(s).find_column("mood")->type = type_of("string(10)");
                         items(s).find_column("note")->type = type_of("enum(mood)");
                         items(s).unique_constraints.clear();
                     }});
    }
    {
        AlterColumn a = alter("qty");
        a.autoincrement = true;
        c.push_back({25,
                     "alter_column autoincrement on: identity past the existing values",
                     {a},
                     [](Schema& s) {
                         Column* q = items(s).find_column("qty");
                         q->autoincrement = true;
                         q->nullable = false;
                         q->server_default.reset();
                     }});
        c.back().ops.push_back(Execute{
            "INSERT INTO items (name) VALUES ('new'); DELETE FROM items WHERE qty = 4", "", {}});
    }
    {
        AlterColumn a = alter("id");
        a.autoincrement = false;
        c.push_back({26, "alter_column autoincrement off", {a}, [](Schema& s) {
                         items(s).find_column("id")->autoincrement = false;
                     }});
    }
    return c;
}

}  // namespace

DIALECT_TEST_CASE_NEEDING(
    enums, "operations: each typed operation on a table with rows changes exactly what it says",
    "[operations]") {
    for (const Case& c : cases(target.name)) {
        INFO("case " << c.number << ": " << c.name);
        TestDb db(target);
        create_base(db);
        db.apply_all(c.ops);
        Schema want = base_schema();
        c.expect(want);
        Schema got = db.reflect();
        CHECK(to_text(got) == to_text(db.expected(want)));
        CHECK(got == db.expected(want));
        DiffOptions options;
        options.dialect = db.dialect.get();
        std::vector<std::string> changes;
        for (const auto& change : diff_schemas(got, want, options).changes)
            changes.push_back(change.description);
        CHECK(changes == std::vector<std::string>{});  // the differ agrees: nothing left to do
        CHECK(db.scalar("SELECT count(*) FROM " + db.q(c.table_after)) == "3");
    }
}
