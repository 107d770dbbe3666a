// The exact SQL the MySQL / MariaDB dialect renders (golden text, no server needed):
// CREATE TABLE in one statement, MODIFY COLUMN with the full definition, renames and
// their derived names, foreign keys and their implicit index, enum value changes, and
// the InputErrors for what MySQL cannot express.

#include "dialects/mysql/ddl.h"

#include <catch2/catch.hpp>

#include "core/base/errors.h"
#include "tests/dialect/dialects.h"

using namespace migrate;
using namespace migrate::mysql;
using migrate::test::column;
using migrate::test::id_col;
using migrate::test::on_column;

namespace {

// The message of the InputError that `f` throws ("" when it throws none).
template <typename F>
std::string input_error(F f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

Statements sql(const Operation& op, const Schema& before = {}) {
    NamingConvention naming;
    return render(op, RenderContext{before, naming});
}

// owners <- items, with an enum column, a check, an index, a unique constraint, a
// commented column and a foreign key without an index of its own.
Schema shop() {
    Schema s;
    s.enums.push_back({"", "mood", {"happy", "sad"}});
    Table owners;
    owners.name = "owners";
    owners.columns = {id_col()};
    owners.primary_key = PrimaryKey{"pk_owners", {"id"}};
    Table items;
    items.name = "items";
    Column note = column("note", "text");
    note.comment = "free text";
    Column qty = column("qty", "integer", false, "0");
    qty.comment = "how many";
    items.columns = {
        id_col(), column("name", "string(50)", false),         qty,
        note,     column("mood", "enum(mood)", true, "'sad'"), column("owner_id", "integer")};
    items.primary_key = PrimaryKey{"pk_items", {"id"}};
    items.indexes = {{"ix_items_name", {on_column("name")}, false, std::nullopt, ""}};
    items.unique_constraints = {{"uq_items_note", {"note"}}};
    items.checks = {{"ck_items_qty", "qty >= 0"}};
    items.foreign_keys = {
        {"fk_items_owner_id_owners", {"owner_id"}, "", "owners", {"id"}, "cascade", ""}};
    s.tables = {owners, items};
    return s;
}

}  // namespace

TEST_CASE("mysql ddl: create_table is one statement with keys, constraints, indexes, comments",
          "[mysql][ddl]") {
    Schema s = shop();
    Table t = s.tables[1];
    t.comment = "it's";
    CHECK(sql(CreateTable{t}, s) ==
          Statements{"CREATE TABLE `items` (\n"
                     "    `id` INT NOT NULL AUTO_INCREMENT,\n"
                     "    `name` VARCHAR(50) NOT NULL,\n"
                     "    `qty` INT NOT NULL DEFAULT 0 COMMENT 'how many',\n"
                     "    `note` TEXT COMMENT 'free text',\n"
                     "    `mood` ENUM('happy','sad') DEFAULT 'sad',\n"
                     "    `owner_id` INT,\n"
                     "    PRIMARY KEY (`id`),\n"
                     "    CONSTRAINT `uq_items_note` UNIQUE (`note`),\n"
                     "    INDEX `ix_items_name` (`name`),\n"
                     "    CONSTRAINT `ck_items_qty` CHECK (qty >= 0),\n"
                     "    CONSTRAINT `fk_items_owner_id_owners` FOREIGN KEY (`owner_id`) "
                     "REFERENCES `owners` (`id`) ON DELETE CASCADE\n"
                     ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='it''s'"});
}

TEST_CASE("mysql ddl: column definitions and defaults", "[mysql][ddl]") {
    Schema none;
    Column ts = column("seen", "datetime(timezone)", true, "CURRENT_TIMESTAMP");
    CHECK(column_definition(ts, none) == "`seen` TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP");
    CHECK(column_definition(column("body", "text", false, "'x'"), none) ==
          "`body` TEXT NOT NULL DEFAULT ('x')");
    CHECK(column_definition(column("id", "uuid", false, "uuid()"), none) ==
          "`id` CHAR(36) NOT NULL DEFAULT (uuid())");
    CHECK(column_definition(column("on", "boolean", false, "true"), none) ==
          "`on` TINYINT(1) NOT NULL DEFAULT true");
    CHECK(column_definition(column("n", "integer", true, "-1"), none) == "`n` INT DEFAULT -1");
    CHECK(column_definition(column("n", "integer", true, "(1 + 2)"), none) ==
          "`n` INT DEFAULT (1 + 2)");
    Column weird = column("we`ird", "string(5)");
    weird.collation = "utf8mb4_bin";
    CHECK(column_definition(weird, none) == "`we``ird` VARCHAR(5) COLLATE `utf8mb4_bin`");
}

TEST_CASE("mysql ddl: columns, indexes and constraints one by one", "[mysql][ddl]") {
    Schema s = shop();
    CHECK(sql(AddColumn{"", "items", column("sku", "string(12)", false), "'none'"}, s) ==
          Statements{"ALTER TABLE `items` ADD COLUMN `sku` VARCHAR(12) NOT NULL DEFAULT 'none'",
                     "ALTER TABLE `items` ALTER COLUMN `sku` DROP DEFAULT"});
    CHECK(sql(DropColumn{"", "items", "note", std::nullopt}, s) ==
          Statements{"ALTER TABLE `items` DROP COLUMN `note`"});
    Index ix{"ix_items_qty", {on_column("qty")}, true, std::nullopt, ""};
    ix.elements[0].order = SortOrder::Desc;
    CHECK(sql(CreateIndex{"", "items", ix}, s) ==
          Statements{"CREATE UNIQUE INDEX `ix_items_qty` ON `items` (`qty` DESC)"});
    CHECK(sql(DropIndex{"", "items", "ix_items_name", std::nullopt}, s) ==
          Statements{"DROP INDEX `ix_items_name` ON `items`"});
    CHECK(sql(CreateUniqueConstraint{"", "items", {"uq_items_name", {"name"}}}, s) ==
          Statements{"ALTER TABLE `items` ADD CONSTRAINT `uq_items_name` UNIQUE (`name`)"});
    CHECK(sql(CreateCheckConstraint{"", "items", {"ck_q", "qty < 100"}}, s) ==
          Statements{"ALTER TABLE `items` ADD CONSTRAINT `ck_q` CHECK (qty < 100)"});
    CHECK(sql(CreatePrimaryKey{"", "owners", {"pk_owners", {"id"}}}, s) ==
          Statements{"ALTER TABLE `owners` ADD PRIMARY KEY (`id`)"});
    DropConstraint drop{"", "items", "pk_items", ConstraintType::PrimaryKey};
    // AUTO_INCREMENT goes in the same statement: MySQL keeps none without a key.
    CHECK(sql(drop, s) ==
          Statements{"ALTER TABLE `items` MODIFY COLUMN `id` INT NOT NULL, DROP PRIMARY KEY"});
    drop = {"", "items", "uq_items_note", ConstraintType::Unique};
    CHECK(sql(drop, s) == Statements{"ALTER TABLE `items` DROP INDEX `uq_items_note`"});
    drop = {"", "items", "ck_items_qty", ConstraintType::Check};
    CHECK(sql(drop, s) == Statements{"ALTER TABLE `items` DROP CONSTRAINT `ck_items_qty`"});
    CHECK(sql(SetTableComment{"", "items", "stock", std::nullopt}, s) ==
          Statements{"ALTER TABLE `items` COMMENT = 'stock'"});
    CHECK(sql(SetTableComment{"", "items", std::nullopt, std::nullopt}, s) ==
          Statements{"ALTER TABLE `items` COMMENT = ''"});
    CHECK(sql(DropTable{"", "items", std::nullopt}, s) == Statements{"DROP TABLE `items`"});
}

TEST_CASE("mysql ddl: dropping a foreign key drops the index MySQL made for it", "[mysql][ddl]") {
    Schema s = shop();
    DropConstraint drop{"", "items", "fk_items_owner_id_owners", ConstraintType::ForeignKey};
    CHECK(sql(drop, s) == Statements{"ALTER TABLE `items` DROP FOREIGN KEY "
                                     "`fk_items_owner_id_owners`, DROP INDEX "
                                     "`fk_items_owner_id_owners`"});
    // With an index of its own on the column, MySQL made none.
    s.tables[1].indexes.push_back({"ix_owner", {on_column("owner_id")}, false, std::nullopt, ""});
    CHECK(sql(drop, s) ==
          Statements{"ALTER TABLE `items` DROP FOREIGN KEY `fk_items_owner_id_owners`"});
    CreateForeignKey add{"", "items", s.tables[1].foreign_keys[0]};
    add.constraint.on_update = "set null";
    CHECK(sql(add, s) == Statements{"ALTER TABLE `items` ADD CONSTRAINT "
                                    "`fk_items_owner_id_owners` FOREIGN KEY (`owner_id`) "
                                    "REFERENCES `owners` (`id`) ON DELETE CASCADE ON UPDATE SET "
                                    "NULL"});
}

TEST_CASE("mysql ddl: execute runs only for mysql or every dialect", "[mysql][ddl]") {
    CHECK(sql(Execute{"UPDATE t SET a = 1", "", {}, false}) == Statements{"UPDATE t SET a = 1"});
    CHECK(sql(Execute{"UPDATE t SET a = 1", "mysql", {}, false}) ==
          Statements{"UPDATE t SET a = 1"});
    CHECK(sql(Execute{"VACUUM", "sqlite", {}, false}).empty());
    CHECK(sql(Execute{"SELECT 1", "postgresql", {}, false}).empty());
}

TEST_CASE("mysql ddl: what MySQL cannot express is an InputError naming the operation",
          "[mysql][ddl]") {
    using Catch::Matchers::Contains;
    Schema s = shop();
    Table t;
    t.name = "notes";
    t.columns = {column("title", "string")};
    CHECK_THAT(input_error([&] { sql(CreateTable{t}, s); }), Contains("create table 'notes'") &&
                                                                 Contains("column 'title'") &&
                                                                 Contains("string(n)"));
    std::string long_name(65, 'x');
    Index ix{long_name, {on_column("qty")}, false, std::nullopt, ""};
    CHECK_THAT(input_error([&] {
                   sql(CreateIndex{"", "items", ix}, s);
               }),
               Contains("index name '" + long_name + "' is 65 characters"));
    CHECK_NOTHROW(sql(
        CreateIndex{"", "items", {std::string(64, 'x'), ix.elements, false, std::nullopt, ""}}, s));
    CHECK_THAT(input_error([&] {
                   sql(CreateCheckConstraint{"", "items", {long_name, "qty > 0"}}, s);
               }),
               Contains("check constraint name"));
    Index partial{"ix_p", {on_column("qty")}, false, "qty > 0", ""};
    CHECK_THAT(input_error([&] {
                   sql(CreateIndex{"", "items", partial}, s);
               }),
               Contains("partial"));
    Sequence seq;
    seq.name = "counter";
    CHECK_THAT(input_error([&] { sql(CreateSequence{seq}, s); }),
               Contains("counter") && Contains("no sequences"));
    Table elsewhere = s.tables[0];
    elsewhere.schema = "audit";
    CHECK_THAT(input_error([&] { sql(CreateTable{elsewhere}, s); }), Contains("schema 'audit'"));
}

TEST_CASE("mysql ddl: alter_column restates the whole column", "[mysql][ddl]") {
    Schema s = shop();
    AlterColumn a;
    a.table = "items";
    a.name = "qty";
    a.type = migrate::test::type_of("bigint");
    a.server_default = std::optional<std::string>("5");
    // The comment and NOT NULL come from the schema before the operation.
    CHECK(sql(a, s) == Statements{"ALTER TABLE `items` MODIFY COLUMN `qty` BIGINT NOT NULL "
                                  "DEFAULT 5 COMMENT 'how many'"});
    AlterColumn b;
    b.table = "items";
    b.name = "note";
    b.nullable = false;
    b.comment = std::optional<std::string>();
    CHECK(sql(b, s) == Statements{"ALTER TABLE `items` MODIFY COLUMN `note` TEXT NOT NULL"});
    AlterColumn c;
    c.table = "items";
    c.name = "id";
    c.autoincrement = false;
    CHECK(sql(c, s) == Statements{"ALTER TABLE `items` MODIFY COLUMN `id` INT NOT NULL"});
    // Without the table, the operation's existing_* fields describe the column.
    AlterColumn d;
    d.table = "elsewhere";
    d.name = "n";
    d.nullable = false;
    d.existing_type = migrate::test::type_of("string(10)");
    d.existing_server_default = std::optional<std::string>("'x'");
    CHECK(sql(d) == Statements{"ALTER TABLE `elsewhere` MODIFY COLUMN `n` VARCHAR(10) NOT NULL "
                               "DEFAULT 'x'"});
    d.existing_type.reset();
    CHECK_THAT(input_error([&] { sql(d); }), Catch::Matchers::Contains("existing_type"));
}

TEST_CASE("mysql ddl: renames carry the names derived from them", "[mysql][ddl]") {
    Schema s = shop();
    AlterColumn r;
    r.table = "items";
    r.name = "name";
    r.new_name = "title";
    r.type = migrate::test::type_of("string(80)");
    CHECK(sql(r, s) ==
          Statements{"ALTER TABLE `items` CHANGE COLUMN `name` `title` VARCHAR(80) NOT NULL",
                     "ALTER TABLE `items` RENAME INDEX `ix_items_name` TO `ix_items_title`"});
    // A column of a foreign key: the key is dropped and added back in the same statement.
    AlterColumn o;
    o.table = "items";
    o.name = "owner_id";
    o.new_name = "owner";
    CHECK(sql(o, s) ==
          Statements{"ALTER TABLE `items` DROP FOREIGN KEY `fk_items_owner_id_owners`, RENAME "
                     "COLUMN `owner_id` TO `owner`, ADD CONSTRAINT `fk_items_owner_owners` "
                     "FOREIGN KEY (`owner`) REFERENCES `owners` (`id`) ON DELETE CASCADE, "
                     "RENAME INDEX `fk_items_owner_id_owners` TO `fk_items_owner_owners`"});
    CHECK(sql(RenameTable{"", "items", "goods"}, s) ==
          Statements{"RENAME TABLE `items` TO `goods`",
                     "ALTER TABLE `goods` RENAME INDEX `ix_items_name` TO `ix_goods_name`",
                     "ALTER TABLE `goods` RENAME INDEX `uq_items_note` TO `uq_goods_note`",
                     "ALTER TABLE `goods` DROP FOREIGN KEY `fk_items_owner_id_owners`, ADD "
                     "CONSTRAINT `fk_goods_owner_id_owners` FOREIGN KEY (`owner_id`) REFERENCES "
                     "`owners` (`id`) ON DELETE CASCADE, RENAME INDEX `fk_items_owner_id_owners` "
                     "TO `fk_goods_owner_id_owners`",
                     "ALTER TABLE `goods` DROP CONSTRAINT `ck_items_qty`, ADD CONSTRAINT "
                     "`ck_goods_qty` CHECK (qty >= 0)"});
    CHECK(sql(RenameTable{"", "owners", "people"}, s) ==
          Statements{"RENAME TABLE `owners` TO `people`",
                     "ALTER TABLE `items` DROP FOREIGN KEY `fk_items_owner_id_owners`, ADD "
                     "CONSTRAINT `fk_items_owner_id_people` FOREIGN KEY (`owner_id`) REFERENCES "
                     "`people` (`id`) ON DELETE CASCADE, RENAME INDEX `fk_items_owner_id_owners` "
                     "TO `fk_items_owner_id_people`"});
}

TEST_CASE("mysql ddl: enums are inline; changing one rewrites its columns", "[mysql][ddl]") {
    Schema s = shop();
    CHECK(sql(CreateEnum{{"", "tone", {"a"}}}, s).empty());
    CHECK(sql(DropEnum{"", "mood", std::nullopt}, s).empty());
    CHECK(sql(AlterEnumAddValue{"", "mood", "ok", std::nullopt, std::string("happy")}, s) ==
          Statements{"ALTER TABLE `items` MODIFY COLUMN `mood` ENUM('happy','ok','sad') "
                     "DEFAULT 'sad'"});
    CHECK(sql(AlterEnumAddValue{"", "mood", "meh", std::nullopt, std::nullopt}, s) ==
          Statements{"ALTER TABLE `items` MODIFY COLUMN `mood` ENUM('happy','sad','meh') "
                     "DEFAULT 'sad'"});
    CHECK(sql(AlterEnumDropValue{"", "mood", "happy", std::nullopt, std::nullopt}, s) ==
          Statements{"ALTER TABLE `items` MODIFY COLUMN `mood` ENUM('sad') DEFAULT 'sad'"});
    CHECK_THAT(input_error([&] {
                   sql(AlterEnumDropValue{"", "mood", "nope", std::nullopt, std::nullopt}, s);
               }),
               Catch::Matchers::Contains("drop value 'nope'") &&
                   Catch::Matchers::Contains("has no value"));
    CHECK_THAT(input_error([&] {
                   sql(AlterEnumAddValue{"", "tone", "x", std::nullopt, std::nullopt}, s);
               }),
               Catch::Matchers::Contains("enum 'tone' does not exist"));
}
