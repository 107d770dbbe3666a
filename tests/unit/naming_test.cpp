// The naming convention: tokens, the 63-byte limit, check tokens.

#include "core/schema/naming.h"

#include <catch2/catch.hpp>

using namespace migrate;

TEST_CASE("default convention names every kind of object", "[naming]") {
    NamingConvention n;
    CHECK(n.index_name("users", {"email", "is_active"}) == "ix_users_email_is_active");
    CHECK(n.unique_name("users", {"email"}) == "uq_users_email");
    CHECK(n.foreign_key_name("posts", {"user_id"}, "users") == "fk_posts_user_id_users");
    CHECK(n.check_name("users", "balance") == "ck_users_balance");
    CHECK(n.primary_key_name("users") == "pk_users");
}

TEST_CASE("custom patterns and every token", "[naming]") {
    NamingConvention n;
    n.ix = "%(table)s_%(column_0_name)s_idx";
    n.uq = "%(table)s_%(column_0_N_name)s_key";
    n.fk = "%(table)s_%(referred_table)s_fkey";
    n.ck = "%(table)s_%(constraint_name)s_check";
    n.pk = "%(table)s_pkey";
    CHECK(n.index_name("t", {"a", "b"}) == "t_a_idx");
    CHECK(n.unique_name("t", {"a", "b"}) == "t_a_b_key");
    CHECK(n.foreign_key_name("t", {"a"}, "u") == "t_u_fkey");
    CHECK(n.check_name("t", "x") == "t_x_check");
    CHECK(n.primary_key_name("t") == "t_pkey");
    n.ix = "idx_%(unknown)s";
    CHECK(n.index_name("t", {"a"}) == "idx_%(unknown)s");
}

TEST_CASE("names over 63 bytes are cut and end in a stable hash", "[naming]") {
    std::string long_name(80, 'a');
    std::string cut = truncate_identifier(long_name);
    CHECK(cut.size() == 63);
    CHECK(cut.substr(0, 54) == std::string(54, 'a'));
    CHECK(cut[54] == '_');
    CHECK(cut == truncate_identifier(long_name));             // deterministic
    CHECK(cut != truncate_identifier(std::string(81, 'a')));  // unique
    CHECK(truncate_identifier(std::string(63, 'b')) == std::string(63, 'b'));
    CHECK(truncate_identifier("short") == "short");
    NamingConvention n;
    std::string ix =
        n.index_name("a_rather_long_table_name", {"first_long_column", "second_long_column"});
    CHECK(ix.size() == 63);
    CHECK(ix !=
          n.index_name("a_rather_long_table_name", {"first_long_column", "second_long_columns"}));
}

TEST_CASE("truncation never splits a UTF-8 sequence", "[naming]") {
    std::string name(53, 'x');
    for (int i = 0; i < 10; ++i) name += "\xc3\xa9";  // é
    std::string cut = truncate_identifier(name);
    CHECK(cut.size() <= 63);
    std::string kept = cut.substr(0, cut.size() - 9);
    CHECK(kept == std::string(53, 'x'));  // the é starting at byte 53 would be split at 54
}

TEST_CASE("check tokens are the expression's column names", "[naming]") {
    CHECK(check_token("balance >= 0") == "balance");
    CHECK(check_token("start_at < end_at AND start_at IS NOT NULL") == "start_at_end_at");
    CHECK(check_token("length(name) > 0") == "name");
    CHECK(check_token("status IN ('open', 'closed')") == "status");
    CHECK(check_token("\"Weird Col\" > 1") == "Weird Col");
    CHECK(check_token("kind::text <> 'x'") == "kind");
    CHECK(check_token("1 = 1") == "check");
}
