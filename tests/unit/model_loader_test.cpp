// The metadata loader: happy paths over the fixture models, determinism, naming and
// the scale check. Bad input: model_loader_errors_test.cpp.

#include "core/model/model_loader.h"

#include <catch2/catch.hpp>
#include <ctime>

#include "core/base/errors.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using namespace migrate;

namespace {

std::string fixture(const std::string& relative) {
    return migrate::test::source_dir() + "/tests/fixtures/models/" + relative;
}

}  // namespace

TEST_CASE("the blog model of SPEC.md loads with generated names", "[loader]") {
    Schema s = load_models({fixture("good/blog.yaml")});
    REQUIRE(s.tables.size() == 4);
    const Table* users = s.find_table("", "users");
    REQUIRE(users);
    CHECK(to_text(*users) ==
          "table users  -- Registered users\n"
          "  id integer not null autoincrement\n"
          "  email string(255) not null\n"
          "  username string(50) not null\n"
          "  full_name string(100)\n"
          "  is_active boolean not null default true\n"
          "  balance numeric(12,2) not null default 0\n"
          "  created_at datetime(timezone) not null default now()\n"
          "  primary key pk_users (id)\n"
          "  unique uq_users_username (username)\n"
          "  check balance_non_negative (balance >= 0)\n"
          "  index ix_user_email_active (email, is_active)\n"
          "  unique index ix_users_email (email)\n");
    const Table* post_tags = s.find_table("", "post_tags");
    REQUIRE(post_tags);
    CHECK(to_text(*post_tags) ==
          "table post_tags\n"
          "  post_id integer not null\n"
          "  tag_id integer not null\n"
          "  primary key pk_post_tags (post_id, tag_id)\n"
          "  foreign key fk_post_tags_post_id_posts (post_id) references posts (id)\n"
          "  foreign key fk_post_tags_tag_id_tags (tag_id) references tags (id)\n");
    const Table* posts = s.find_table("", "posts");
    REQUIRE(posts);
    REQUIRE(posts->foreign_keys.size() == 1);
    CHECK(posts->foreign_keys[0].on_delete == "cascade");
    CHECK(s.tables.front().name == "post_tags");  // sorted
}

TEST_CASE("a folder loads recursively, sorted, YAML and JSON merged", "[loader]") {
    Schema s = load_models({fixture("good")});
    CHECK(s.tables.size() == 9);
    CHECK(s.enums.size() == 2);
    const Table* people = s.find_table("", "people");
    REQUIRE(people);
    CHECK(people->renamed_from == std::optional<std::string>("persons"));
    CHECK(people->find_column("id")->autoincrement);
    CHECK(people->find_column("email")->collation == std::optional<std::string>("nocase"));
    CHECK(people->find_column("mood")->server_default == std::optional<std::string>("'happy'"));
    CHECK(people->find_column("tags")->type.kind == TypeKind::Dialect);
    const Table* accounts = s.find_table("", "accounts");
    REQUIRE(accounts);
    CHECK_FALSE(accounts->find_column("number")->autoincrement);  // composite key
    CHECK_FALSE(accounts->find_column("region")->nullable);
    const Table* log = s.find_table("audit", "audit_log");
    REQUIRE(log);
    CHECK(log->foreign_keys.at(0).referred_schema == "public");
}

TEST_CASE("loading is deterministic whatever the file order", "[loader]") {
    const std::string a =
        "tables:\n  - {name: a, columns: [{name: id, type: integer, primary_key: true}]}\n";
    const std::string b =
        "tables:\n  - {name: b, columns: [{name: a_id, type: integer, references: a.id}]}\n";
    Schema one = load_model_documents({{"a.yaml", a}, {"b.yaml", b}});
    Schema two = load_model_documents({{"b.yaml", b}, {"a.yaml", a}});
    CHECK(one == two);
    CHECK(to_text(one) == to_text(two));
}

TEST_CASE("a custom naming convention names unnamed objects", "[loader]") {
    NamingConvention naming;
    naming.ix = "%(table)s_%(column_0_name)s_idx";
    naming.pk = "%(table)s_pkey";
    Schema s = load_model_documents({{"m.yaml",
                                      "tables:\n  - name: t\n    columns:\n      - {name: id, "
                                      "type: integer, primary_key: true}\n"
                                      "      - {name: x, type: text, index: true}\n"}},
                                    naming);
    CHECK(s.tables[0].primary_key->name == "t_pkey");
    CHECK(s.tables[0].indexes[0].name == "t_x_idx");
}

TEST_CASE("an autoincrement default follows SQLAlchemy", "[loader]") {
    Schema s = load_model_documents({{"m.yaml", R"(tables:
  - name: p
    columns: [{name: id, type: integer, primary_key: true}]
  - name: c
    columns:
      - {name: id, type: integer, primary_key: true, references: p.id}
  - name: d
    columns:
      - {name: id, type: integer, primary_key: true, autoincrement: false}
  - name: e
    columns:
      - {name: code, type: string(5), primary_key: true}
  - name: f
    columns:
      - {name: tenant, type: integer, primary_key: true}
      - {name: id, type: bigint, primary_key: true, autoincrement: true}
      - {name: position, type: smallint, autoincrement: true}
)"}});
    CHECK(s.find_table("", "p")->columns[0].autoincrement);
    CHECK_FALSE(s.find_table("", "c")->columns[0].autoincrement);  // a foreign key column
    CHECK_FALSE(s.find_table("", "d")->columns[0].autoincrement);
    CHECK_FALSE(s.find_table("", "e")->columns[0].autoincrement);
    CHECK_FALSE(s.find_table("", "e")->columns[0].nullable);
    // Any integer column may autoincrement (one of a composite key, or outside the
    // key); it is NOT NULL.
    const Table* f = s.find_table("", "f");
    CHECK_FALSE(f->columns[0].autoincrement);
    CHECK(f->columns[1].autoincrement);
    CHECK(f->columns[2].autoincrement);
    CHECK_FALSE(f->columns[2].nullable);
}

TEST_CASE("an empty model file and an empty folder load as an empty schema", "[loader]") {
    migrate::test::TempDir dir;
    dir.write("models/empty.yaml", "# nothing yet\n");
    dir.write("models/notes.txt", "not a model");
    Schema s = load_models({dir / "models"});
    CHECK(s.tables.empty());
}

TEST_CASE("20,000 tables load in linear time", "[loader][scale]") {
    const int count = 20000;
    std::string text = "enums:\n  - {name: state, values: [a, b]}\ntables:\n";
    for (int i = 0; i < count; ++i) {
        std::string n = std::to_string(i);
        text += "  - name: t" + n +
                "\n    columns:\n      - {name: id, type: integer, primary_key: true}\n"
                "      - {name: code, type: string(20), unique: true}\n      - {name: state, type: "
                "enum(state)}\n";
        if (i > 0)
            text += "      - {name: parent_id, type: integer, references: t" +
                    std::to_string(i - 1) + ".id}\n";
    }
    std::clock_t start = std::clock();
    Schema schema = load_model_documents({{"models/big.yaml", text}});
    double seconds = double(std::clock() - start) / CLOCKS_PER_SEC;
    CHECK(schema.tables.size() == count);
    CHECK(schema.find_table("", "t19999")->foreign_keys.at(0).referred_table == "t19998");
#if defined(__SANITIZE_ADDRESS__) || !defined(NDEBUG)
    const double bound = 30;
#else
    const double bound = 3;
#endif
    INFO("CPU seconds: " << seconds);
    CHECK(seconds < bound);
}
