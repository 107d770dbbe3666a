// SHA-256 against the FIPS 180-4 test vectors, and revision checksums: unchanged by
// formatting, comments and CRLF, changed by any change of meaning.

#include "core/revision/checksum.h"

#include <catch2/catch.hpp>

#include "core/revision/revision_file.h"

using namespace migrate;

TEST_CASE("SHA-256 standard test vectors", "[checksum]") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmn"
                     "opqklmnopqrlmnopqrsmnopqrstnopqrstu") ==
          "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    CHECK(sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // Lengths around the 56-byte padding boundary, fed in odd pieces, agree with one call.
    for (size_t n : {55, 56, 57, 63, 64, 65, 119, 120}) {
        std::string data(n, 'x');
        Sha256 s;
        for (size_t i = 0; i < n; i += 7) s.update(std::string_view(data).substr(i, 7));
        CHECK(s.hex_digest() == sha256_hex(data));
    }
    CHECK(sha256_hex(std::string(55, 'a')) ==
          "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(sha256_hex(std::string(56, 'a')) ==
          "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
}

namespace {

const char* kRevision = R"Y(revision: "3f2a9c1b7d4e"
down_revision: "8c0d2e4f6a1b"
branch_labels: []
depends_on: []
message: add posts table
create_date: 2026-11-21T10:15:00Z
upgrade:
  - create_table:
      name: posts
      columns:
        - {name: id, type: integer, primary_key: true}
        - {name: title, type: string(200), nullable: false}
  - create_index: {name: ix_posts_title, table: posts, columns: [title]}
downgrade:
  - drop_index: {name: ix_posts_title, table: posts}
  - drop_table: {name: posts}
)Y";

// The same meaning, written differently: block style, comments, defaults spelled out.
const char* kReformatted = R"Y(# the posts table
revision: '3f2a9c1b7d4e'
down_revision: ['8c0d2e4f6a1b']
message: "add posts table (reworded message does not matter)"
create_date: 2026-11-22T00:00:00Z
upgrade:
- create_table:
    name: posts        # comment
    columns:
    - name: id
      type: INTEGER
      primary_key: true
      autoincrement: true
    - {name: title, type: string(200), nullable: false}
- create_index:
    name: ix_posts_title
    table: posts
    columns:
      - title
    unique: false
downgrade: [{drop_index: {name: ix_posts_title, table: posts}}, {drop_table: {name: posts}}]
)Y";

std::string checksum_of(const std::string& text) {
    return revision_checksum(parse_revision(text, "rev.yaml", NamingConvention{}));
}

std::string crlf(std::string s) {
    std::string out;
    for (char c : s) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return out;
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
    s.replace(s.find(from), from.size(), to);
    return s;
}

}  // namespace

TEST_CASE("revision checksums ignore form and follow meaning", "[checksum]") {
    std::string base = checksum_of(kRevision);
    CHECK_THAT(base, Catch::StartsWith("sha256:"));
    CHECK(base.size() == 7 + 64);
    CHECK(checksum_of(kReformatted) == base);
    CHECK(checksum_of(crlf(kRevision)) == base);
    CHECK(checksum_of(crlf(kReformatted)) == base);
    struct Change {
        const char* from;
        const char* to;
    };
    for (const auto& c : std::vector<Change>{
             {"string(200)", "string(201)"},
             {"nullable: false}\n  - create_index", "nullable: true}\n  - create_index"},
             {"ix_posts_title, table: posts, columns", "ix_posts_t, table: posts, columns"},
             {"drop_table: {name: posts}", "drop_table: {name: post}"},
             {"down_revision: \"8c0d2e4f6a1b\"", "down_revision: \"8c0d2e4f6a1c\""}}) {
        INFO(c.from << " -> " << c.to);
        CHECK(checksum_of(replace(kRevision, c.from, c.to)) != base);
    }
}

TEST_CASE("an alter_column's autoincrement and a mixed index's elements are part of the checksum",
          "[checksum]") {
    const std::string rev =
        "revision: \"0002\"\ndown_revision: \"0001\"\nmessage: m\nupgrade:\n"
        "  - alter_column: {table: t, name: id, autoincrement: true, existing_autoincrement: "
        "false}\n"
        "  - create_index: {name: ix_t, table: t, columns: [{expression: lower(name)}, disabled]}\n"
        "downgrade: []\n";
    std::string base = checksum_of(rev);
    CHECK(checksum_of(replace(rev, "autoincrement: true, existing_autoincrement: false",
                              "autoincrement: false, existing_autoincrement: true")) != base);
    CHECK(checksum_of(replace(rev, "[{expression: lower(name)}, disabled]", "[disabled]")) != base);
    CHECK(checksum_of(replace(rev, "{expression: lower(name)}",
                              "{expression: lower(name), order: desc}")) != base);
    CHECK(checksum_of(replace(rev, "{table: t, name: id, autoincrement: true",
                              "{name: id, table: t, autoincrement: true")) == base);
}
