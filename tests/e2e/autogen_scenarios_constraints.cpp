// Catalogue scenarios 27-: indexes (unique, partial, expression, order), unique
// constraints, foreign keys and their actions, cycles, checks, primary keys.

#include "tests/e2e/autogen_scenarios.h"

namespace migrate::test {

namespace {

const std::string kMysqlNoPartial = "MySQL has no partial indexes";
const std::string kMysqlNoExpression = "MariaDB has no expression indexes (MySQL 8.0.13+ has)";
const std::string kMysqlNoNulls = "MySQL indexes cannot say NULLS FIRST/LAST";

const std::string kPgOnly =
    "PostgreSQL-only index feature (SQLite has no operator classes or access methods)";

std::string indexes(const std::string& lines) { return "    indexes:\n" + lines; }
std::string uniques(const std::string& lines) { return "    unique_constraints:\n" + lines; }
std::string checks(const std::string& lines) { return "    checks:\n" + lines; }
std::string fks(const std::string& lines) { return "    foreign_keys:\n" + lines; }

const std::string kFk =
    "      - {columns: [user_id], references_table: users, references_columns: [id]";

std::string table(const std::string& name, const std::string& columns,
                  const std::string& keys = "") {
    return "  - name: " + name + "\n    columns:\n" + columns + keys;
}

}  // namespace

std::vector<Scenario> index_and_constraint_scenarios() {
    std::vector<Scenario> v;
    v.push_back(make(27, "add an index", model(users()),
                     model(users("", indexes("      - {columns: [name]}\n")))));
    v.push_back(make(28, "drop an index", model(users("", indexes("      - {columns: [name]}\n"))),
                     model(users())));
    v.push_back(
        make(29, "change an index's columns",
             model(users("", indexes("      - {name: ix_lookup, columns: [name]}\n"))),
             model(users("", indexes("      - {name: ix_lookup, columns: [name, email]}\n")))));
    v.push_back(make(30, "add a unique index", model(users()),
                     model(users("", indexes("      - {columns: [email], unique: true}\n")))));
    v.push_back(make(
        31, "index becomes unique",
        model(users("", indexes("      - {name: ix_email, columns: [email]}\n"))),
        model(users("", indexes("      - {name: ix_email, columns: [email], unique: true}\n")))));
    {
        Scenario s = make(
            32, "add a partial index", model(users()),
            model(users(
                "",
                indexes("      - {name: ix_named, columns: [email], where: name IS NOT NULL}\n"))));
        s.skip_mysql = kMysqlNoPartial;
        v.push_back(s);
    }
    {
        Scenario s = make(
            33, "change a partial index's predicate",
            model(users(
                "",
                indexes("      - {name: ix_named, columns: [email], where: name IS NOT NULL}\n"))),
            model(users(
                "", indexes("      - {name: ix_named, columns: [email], where: name IS NULL}\n"))));
        s.skip_mysql = kMysqlNoPartial;
        v.push_back(s);
    }
    {
        Scenario s = make(34, "add an expression index", model(users()),
                          model(users("", indexes("      - {name: ix_lower_email, expressions: "
                                                  "[\"lower(email)\"], unique: true}\n"))));
        s.skip_mysql = kMysqlNoExpression;
        v.push_back(s);
    }
    {
        Scenario s = make(35, "index order desc, nulls first",
                          model(users("", indexes("      - {name: ix_name, columns: [name]}\n"))),
                          model(users("", indexes("      - {name: ix_name, columns: [{name: name, "
                                                  "order: desc, nulls: first}]}\n"))));
        s.skip_mysql = kMysqlNoNulls;
        v.push_back(s);
    }
    {
        Scenario s = make(36, "index order desc, nulls last",
                          model(users("", indexes("      - {name: ix_name, columns: [name]}\n"))),
                          model(users("", indexes("      - {name: ix_name, columns: [{name: name, "
                                                  "order: desc, nulls: last}]}\n"))));
        s.skip_sqlite = "SQLite indexes cannot say NULLS FIRST/LAST (NULLs sort first ascending)";
        s.skip_mysql = kMysqlNoNulls;
        v.push_back(s);
    }
    {
        Scenario s = make(37, "index operator class",
                          model(users("", indexes("      - {name: ix_name, columns: [name]}\n"))),
                          model(users("", indexes("      - {name: ix_name, columns: [{name: name, "
                                                  "opclass: text_pattern_ops}]}\n"))));
        s.skip_sqlite = kPgOnly;
        s.skip_mysql = kPgOnly;
        v.push_back(s);
    }
    {
        Scenario s =
            make(38, "gin index on jsonb", model(users("      - {name: data, type: jsonb}\n")),
                 model(users("      - {name: data, type: jsonb}\n",
                             indexes("      - {name: ix_data, columns: [data], using: gin}\n"))));
        s.skip_sqlite = kPgOnly;
        s.skip_mysql = kPgOnly;
        v.push_back(s);
    }
    v.push_back(make(39, "add a unique constraint", model(users()),
                     model(users("", uniques("      - {columns: [email]}\n")))));
    v.push_back(make(40, "drop a unique constraint",
                     model(users("", uniques("      - {columns: [email]}\n"))), model(users())));
    v.push_back(
        make(41, "change a unique constraint's columns",
             model(users("", uniques("      - {name: uq_who, columns: [email]}\n"))),
             model(users("", uniques("      - {name: uq_who, columns: [email, name]}\n")))));
    v.push_back(make(42, "add a foreign key", model(users() + posts()),
                     model(users() + posts("", fks(kFk + "}\n")))));
    v.push_back(make(43, "drop a foreign key", model(users() + posts("", fks(kFk + "}\n"))),
                     model(users() + posts())));
    v.push_back(make(44, "foreign key on_delete cascade",
                     model(users() + posts("", fks(kFk + "}\n"))),
                     model(users() + posts("", fks(kFk + ", on_delete: cascade}\n")))));
    v.push_back(make(
        45, "foreign key on_update and on_delete change",
        model(users() + posts("", fks(kFk + ", on_delete: cascade}\n"))),
        model(users() + posts("", fks(kFk + ", on_delete: set null, on_update: cascade}\n")))));
    v.push_back(
        make(46, "add a column referencing its own table", model(users()),
             model(users("      - {name: manager_id, type: integer, references: users.id}\n"))));
    v.push_back(
        make(47, "add tables with a foreign-key cycle", model(users()),
             model(users() +
                   table("teams",
                         "      - {name: id, type: integer, primary_key: true}\n"
                         "      - {name: captain_id, type: integer, references: players.id}\n") +
                   table("players",
                         "      - {name: id, type: integer, primary_key: true}\n"
                         "      - {name: team_id, type: integer, references: teams.id}\n"))));
    v.push_back(
        make(48, "drop tables with a foreign-key cycle",
             model(users() +
                   table("teams",
                         "      - {name: id, type: integer, primary_key: true}\n"
                         "      - {name: captain_id, type: integer, references: players.id}\n") +
                   table("players",
                         "      - {name: id, type: integer, primary_key: true}\n"
                         "      - {name: team_id, type: integer, references: teams.id}\n")),
             model(users())));
    v.push_back(
        make(49, "add a composite foreign key",
             model(users() +
                   table("owners",
                         "      - {name: a, type: integer}\n"
                         "      - {name: b, type: integer}\n",
                         "    primary_key: {columns: [a, b]}\n") +
                   table("pets",
                         "      - {name: id, type: integer, primary_key: true}\n"
                         "      - {name: oa, type: integer}\n"
                         "      - {name: ob, type: integer}\n")),
             model(users() +
                   table("owners",
                         "      - {name: a, type: integer}\n      - {name: b, type: integer}\n",
                         "    primary_key: {columns: [a, b]}\n") +
                   table("pets",
                         "      - {name: id, type: integer, primary_key: true}\n"
                         "      - {name: oa, type: integer}\n      - {name: ob, type: integer}\n",
                         fks("      - {columns: [oa, ob], references_table: owners, "
                             "references_columns: [a, b], on_delete: cascade}\n")))));
    v.push_back(make(50, "add a check constraint",
                     model(users("      - {name: age, type: integer}\n")),
                     model(users("      - {name: age, type: integer}\n",
                                 checks("      - {name: adult, expression: age >= 18}\n")))));
    v.push_back(make(51, "drop a check constraint",
                     model(users("      - {name: age, type: integer}\n",
                                 checks("      - {name: adult, expression: age >= 18}\n"))),
                     model(users("      - {name: age, type: integer}\n"))));
    v.push_back(make(52, "change a check expression",
                     model(users("      - {name: age, type: integer}\n",
                                 checks("      - {name: adult, expression: age >= 18}\n"))),
                     model(users("      - {name: age, type: integer}\n",
                                 checks("      - {name: adult, expression: age >= 21}\n")))));
    {
        Scenario s =
            make(53, "primary key gains a column",
                 model(table(
                     "pairs",
                     "      - {name: a, type: integer, primary_key: true, autoincrement: false}\n"
                     "      - {name: b, type: integer, nullable: false}\n")),
                 model(table("pairs",
                             "      - {name: a, type: integer}\n"
                             "      - {name: b, type: integer}\n",
                             "    primary_key: {columns: [a, b]}\n")));
        s.rows = "INSERT INTO pairs (a, b) VALUES (1, 1), (2, 1)";
        s.query_a = s.query_b = "SELECT count(*) FROM pairs";
        v.push_back(s);
    }
    {
        Scenario s =
            make(54, "add a primary key to a table without one",
                 model(table("events",
                             "      - {name: id, type: integer, nullable: false}\n"
                             "      - {name: what, type: text}\n")),
                 model(table(
                     "events",
                     "      - {name: id, type: integer, primary_key: true, autoincrement: false}\n"
                     "      - {name: what, type: text}\n")));
        s.rows = "INSERT INTO events (id, what) VALUES (1, 'x'), (2, 'y')";
        s.query_a = s.query_b = "SELECT count(*) FROM events";
        v.push_back(s);
    }
    v.push_back(make(55, "add a column with an index and a unique constraint", model(users()),
                     model(users("      - {name: handle, type: string(30), unique: true}\n"
                                 "      - {name: city, type: string(30), index: true}\n"))));
    return v;
}

}  // namespace migrate::test
