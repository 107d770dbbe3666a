// Catalogue scenarios 1-26: tables, columns, types, nullability, defaults, comments,
// enums, renames.

#include "tests/e2e/autogen_scenarios.h"

namespace migrate::test {

std::string users(const std::string& extra_columns, const std::string& extra_keys) {
    return "  - name: users\n    columns:\n"
           "      - {name: id, type: integer, primary_key: true}\n"
           "      - {name: email, type: string(100), nullable: false}\n"
           "      - {name: name, type: string(50)}\n" +
           extra_columns + extra_keys;
}

std::string posts(const std::string& extra_columns, const std::string& extra_keys) {
    return "  - name: posts\n    columns:\n"
           "      - {name: id, type: integer, primary_key: true}\n"
           "      - {name: user_id, type: integer}\n"
           "      - {name: title, type: string(200)}\n" +
           extra_columns + extra_keys;
}

std::string model(const std::string& tables, const std::string& enums) {
    return enums + "tables:\n" + tables;
}

namespace {

const std::string kNoEnums =
    "SQLite has no enum types (enum columns are TEXT): the change is invisible there";
const std::string kNoComments = "SQLite has no comments";
const std::string kMood = "enums:\n  - {name: mood, values: [happy, sad]}\n";

}  // namespace

std::vector<Scenario> table_and_column_scenarios() {
    std::vector<Scenario> v;
    v.push_back(make(1, "add table", model(users()), model(users() + posts())));
    v.push_back(make(2, "drop table", model(users() + posts()), model(users())));
    v.push_back(make(3, "add and drop tables together", model(users() + posts()),
                     model(users() + "  - name: tags\n    columns:\n      - {name: id, type: "
                                     "integer, primary_key: true}\n")));
    v.push_back(make(4, "add nullable column", model(users()),
                     model(users("      - {name: age, type: integer}\n"))));
    {
        Scenario s = make(5, "drop column", model(users("      - {name: age, type: integer}\n")),
                          model(users()));
        s.query_b = "SELECT name FROM users WHERE id = 2", s.expect_b = "Bob";
        v.push_back(s);
    }
    {
        Scenario s = make(6, "add NOT NULL column with a server default", model(users()),
                          model(users("      - {name: status, type: string(20), nullable: false, "
                                      "server_default: \"'active'\"}\n")));
        s.query_b = "SELECT status FROM users WHERE id = 1", s.expect_b = "active";
        v.push_back(s);
    }
    {
        Scenario s = make(7, "widen a string", model(users()),
                          model("  - name: users\n    columns:\n      - {name: id, type: integer, "
                                "primary_key: true}\n"
                                "      - {name: email, type: string(100), nullable: false}\n"
                                "      - {name: name, type: string(200)}\n"));
        s.query_b = s.query_a = "SELECT name FROM users WHERE id = 1",
        s.expect_b = s.expect_a = "Ann";
        v.push_back(s);
    }
    v.push_back(make(8, "integer to bigint", model(users("      - {name: score, type: integer}\n")),
                     model(users("      - {name: score, type: bigint}\n"))));
    v.push_back(make(9, "narrow a string", model(users("      - {name: code, type: string(40)}\n")),
                     model(users("      - {name: code, type: string(10)}\n"))));
    v.push_back(make(10, "text to string", model(users("      - {name: bio, type: text}\n")),
                     model(users("      - {name: bio, type: string(500)}\n"))));
    v.push_back(make(11, "numeric precision",
                     model(users("      - {name: balance, type: \"numeric(10,2)\"}\n")),
                     model(users("      - {name: balance, type: \"numeric(12,4)\"}\n"))));
    v.push_back(make(
        12, "nullable to NOT NULL", model(users()),
        model(
            "  - name: users\n    columns:\n      - {name: id, type: integer, primary_key: true}\n"
            "      - {name: email, type: string(100), nullable: false}\n"
            "      - {name: name, type: string(50), nullable: false}\n")));
    v.push_back(make(
        13, "NOT NULL to nullable", model(users()),
        model(
            "  - name: users\n    columns:\n      - {name: id, type: integer, primary_key: true}\n"
            "      - {name: email, type: string(100)}\n"
            "      - {name: name, type: string(50)}\n")));
    v.push_back(make(
        14, "add a server default", model(users("      - {name: role, type: string(20)}\n")),
        model(users("      - {name: role, type: string(20), server_default: \"'member'\"}\n"))));
    v.push_back(make(15, "drop a server default",
                     model(users("      - {name: n, type: integer, server_default: \"0\"}\n")),
                     model(users("      - {name: n, type: integer}\n"))));
    v.push_back(make(
        16, "change a server default",
        model(users(
            "      - {name: active, type: boolean, nullable: false, server_default: \"true\"}\n")),
        model(users("      - {name: active, type: boolean, nullable: false, server_default: "
                    "\"false\"}\n"))));
    v.push_back(make(17, "add a timestamp column defaulting to now()", model(users()),
                     model(users("      - {name: created_at, type: datetime(timezone), nullable: "
                                 "false, server_default: now()}\n"))));
    {
        Scenario s = make(18, "table comment", model(users()),
                          model(users("", "    comment: Registered users\n")));
        s.skip_sqlite = kNoComments;
        v.push_back(s);
    }
    {
        Scenario s = make(19, "column comment",
                          model(users("      - {name: bio, type: text, comment: old}\n")),
                          model(users("      - {name: bio, type: text, comment: the story}\n")));
        s.skip_sqlite = kNoComments;
        v.push_back(s);
    }
    v.push_back(make(20, "create an enum and a column of it", model(users()),
                     model(users("      - {name: mood, type: enum(mood)}\n"), kMood)));
    {
        Scenario s = make(21, "add an enum value at the end",
                          model(users("      - {name: mood, type: enum(mood)}\n"), kMood),
                          model(users("      - {name: mood, type: enum(mood)}\n"),
                                "enums:\n  - {name: mood, values: [happy, sad, angry]}\n"));
        s.skip_sqlite = kNoEnums;
        v.push_back(s);
    }
    {
        Scenario s = make(22, "add an enum value first",
                          model(users("      - {name: mood, type: enum(mood)}\n"), kMood),
                          model(users("      - {name: mood, type: enum(mood)}\n"),
                                "enums:\n  - {name: mood, values: [calm, happy, sad]}\n"));
        s.skip_sqlite = kNoEnums;
        v.push_back(s);
    }
    {
        Scenario s = make(23, "rename a table (renamed_from)", model(users()),
                          model("  - name: members\n    renamed_from: users\n    columns:\n"
                                "      - {name: id, type: integer, primary_key: true}\n"
                                "      - {name: email, type: string(100), nullable: false}\n"
                                "      - {name: name, type: string(50)}\n"));
        s.query_b = "SELECT count(*) FROM members";
        v.push_back(s);
    }
    {
        Scenario s =
            make(24, "rename a column (renamed_from)", model(users()),
                 model("  - name: users\n    columns:\n      - {name: id, type: integer, "
                       "primary_key: true}\n"
                       "      - {name: email, type: string(100), nullable: false}\n"
                       "      - {name: full_name, type: string(50), renamed_from: name}\n"));
        s.query_b = "SELECT full_name FROM users WHERE id = 2", s.expect_b = "Bob";
        s.query_a = "SELECT name FROM users WHERE id = 2", s.expect_a = "Bob";
        v.push_back(s);
    }
    {
        Scenario s =
            make(25, "rename a column and widen it", model(users()),
                 model("  - name: users\n    columns:\n      - {name: id, type: integer, "
                       "primary_key: true}\n"
                       "      - {name: email, type: string(100), nullable: false}\n"
                       "      - {name: full_name, type: string(120), renamed_from: name}\n"));
        s.query_b = "SELECT full_name FROM users WHERE id = 1", s.expect_b = "Ann";
        v.push_back(s);
    }
    v.push_back(make(
        26, "add a boolean, a date and a uuid column", model(users()),
        model(users(
            "      - {name: verified, type: boolean, nullable: false, server_default: \"false\"}\n"
            "      - {name: born, type: date}\n      - {name: token, type: uuid}\n"))));
    return v;
}

std::vector<Scenario> all_scenarios() {
    std::vector<Scenario> v = table_and_column_scenarios();
    for (auto& s : index_and_constraint_scenarios()) v.push_back(std::move(s));
    return v;
}

}  // namespace migrate::test
