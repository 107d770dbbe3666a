// Control characters in quoted YAML scalars: every identifier and id of model files,
// revision files and the config rejects them (a NUL byte would cut names and messages
// short in every C API), and every other string rejects a NUL byte; each message names
// file:line and shows the character escaped, never raw.

#include <catch2/catch.hpp>

#include "core/base/errors.h"
#include "core/model/model_loader.h"
#include "core/revision/revision_file.h"
#include "core/runtime/config.h"

using namespace migrate;

namespace {

enum class Source { Model, Revision, Config };

struct Case {
    Source source;
    const char* text;  // CTL marks where the escaped control character goes
    int line;          // where it is reported
    bool identifier;   // every control character is rejected, not only NUL
};

// The YAML escapes tried in identifiers; a NUL byte is tried everywhere.
const std::vector<std::string> kEscapes = {"\\0", "\\x01", "\\t", "\\n", "\\x1b", "\\x7f"};

const Case kCases[] = {
    // Model files.
    {Source::Model,
     "tables:\n  - name: \"keepCTLgone\"\n    columns:\n      - {name: id, type: integer}\n", 2,
     true},
    {Source::Model,
     "tables:\n  - name: t\n    schema: \"sCTL\"\n    columns:\n      - {name: id, type: "
     "integer}\n",
     3, true},
    {Source::Model,
     "tables:\n  - name: t\n    renamed_from: \"oCTL\"\n    columns:\n      - {name: id, type: "
     "integer}\n",
     3, true},
    {Source::Model,
     "tables:\n  - name: t\n    columns:\n      - {name: \"idCTL\", type: integer}\n", 4, true},
    {Source::Model,
     "tables:\n  - name: t\n    columns:\n      - {name: id, type: integer, renamed_from: "
     "\"xCTL\"}\n",
     4, true},
    {Source::Model,
     "tables:\n  - name: t\n    columns:\n      - {name: id, type: integer}\n    indexes:\n"
     "      - {name: \"ixCTL\", columns: [id]}\n",
     6, true},
    {Source::Model,
     "tables:\n  - name: t\n    columns:\n      - {name: id, type: integer}\n    indexes:\n"
     "      - {columns: [\"idCTL\"]}\n",
     6, true},
    {Source::Model,
     "tables:\n  - name: t\n    columns:\n      - {name: id, type: integer}\n    indexes:\n"
     "      - {columns: [{name: \"idCTL\", order: desc}]}\n",
     6, true},
    {Source::Model,
     "tables:\n  - name: t\n    columns:\n      - {name: id, type: integer}\n    "
     "unique_constraints:\n"
     "      - {columns: [\"idCTL\"]}\n",
     6, true},
    {Source::Model,
     "tables:\n  - name: t\n    columns:\n      - {name: id, type: integer}\n    checks:\n"
     "      - {name: \"ckCTL\", expression: id > 0}\n",
     6, true},
    {Source::Model,
     "tables:\n  - name: t\n    columns:\n      - {name: id, type: integer}\n    primary_key: "
     "[\"idCTL\"]\n",
     5, true},
    {Source::Model,
     "tables:\n  - name: t\n    columns:\n      - {name: id, type: integer}\n"
     "    primary_key: {name: pk, columns: [\"idCTL\"]}\n",
     5, true},
    {Source::Model,
     "tables:\n  - name: t\n    columns:\n      - {name: id, type: integer}\n    foreign_keys:\n"
     "      - {columns: [id], references_table: \"uCTL\", references_columns: [id]}\n",
     6, true},
    {Source::Model,
     "tables:\n  - name: t\n    columns:\n      - {name: id, type: integer}\n    foreign_keys:\n"
     "      - {columns: [id], references_table: u, references_columns: [\"idCTL\"]}\n",
     6, true},
    {Source::Model,
     "tables:\n  - name: t\n    columns:\n      - {name: id, type: integer}\n    foreign_keys:\n"
     "      - {columns: [id], references_table: u, references_schema: \"sCTL\", "
     "references_columns: [id]}\n",
     6, true},
    {Source::Model,
     "tables:\n  - name: t\n    columns:\n      - {name: u_id, type: integer, references: "
     "\"uCTL.id\"}\n",
     4, true},
    {Source::Model, "enums:\n  - {name: \"moodCTL\", values: [a]}\n", 2, true},
    {Source::Model, "enums:\n  - {name: mood, schema: \"sCTL\", values: [a]}\n", 2, true},
    {Source::Model, "enums:\n  - {name: mood, values: [\"aCTL\"]}\n", 2, false},
    {Source::Model,
     "tables:\n  - name: t\n    comment: \"aCTL\"\n    columns:\n      - {name: id, type: "
     "integer}\n",
     3, false},
    {Source::Model,
     "tables:\n  - name: t\n    columns:\n      - {name: s, type: text, server_default: "
     "\"'aCTL'\"}\n",
     4, false},
    {Source::Model, "tables:\n  - name: t\n    columns:\n      - {name: s, type: \"textCTL\"}\n", 4,
     false},
    {Source::Model,
     "tables:\n  - name: t\n    columns:\n      - {name: id, type: integer}\n    checks:\n"
     "      - {expression: \"id > 0CTL\"}\n",
     6, false},
    // Revision files.
    {Source::Revision, "revision: \"aCTL\"\ndown_revision: null\nupgrade: []\ndowngrade: []\n", 1,
     true},
    {Source::Revision, "revision: a\ndown_revision: \"bCTL\"\nupgrade: []\ndowngrade: []\n", 2,
     true},
    {Source::Revision,
     "revision: a\ndown_revision: null\ndepends_on: [\"bCTL\"]\nupgrade: []\ndowngrade: []\n", 3,
     true},
    {Source::Revision,
     "revision: a\ndown_revision: null\nbranch_labels: [\"bCTL\"]\nupgrade: []\ndowngrade: []\n", 3,
     true},
    {Source::Revision,
     "revision: a\ndown_revision: null\nupgrade:\n  - drop_table: {name: \"tCTL\"}\ndowngrade: "
     "[]\n",
     4, true},
    {Source::Revision,
     "revision: a\ndown_revision: null\nupgrade:\n  - add_column: {table: \"tCTL\", column: {name: "
     "c, type: text}}\n"
     "downgrade: []\n",
     4, true},
    {Source::Revision,
     "revision: a\ndown_revision: null\nupgrade:\n  - create_index: {table: t, name: ix, columns: "
     "[\"cCTL\"]}\n"
     "downgrade: []\n",
     4, true},
    {Source::Revision,
     "revision: a\ndown_revision: null\nupgrade:\n  - create_unique_constraint: {table: t, name: "
     "uq, columns: [\"cCTL\"]}\n"
     "downgrade: []\n",
     4, true},
    {Source::Revision,
     "revision: a\ndown_revision: null\nupgrade:\n  - alter_column: {table: t, name: c, new_name: "
     "\"dCTL\"}\n"
     "downgrade: []\n",
     4, true},
    {Source::Revision,
     "revision: a\ndown_revision: null\nmessage: \"mCTL\"\nupgrade: []\ndowngrade: []\n", 3, false},
    {Source::Revision,
     "revision: a\ndown_revision: null\nupgrade:\n  - execute: \"SELECT 1CTL\"\ndowngrade: []\n", 4,
     false},
    // The config.
    {Source::Config, "version_table: \"vCTL\"\n", 1, true},
    {Source::Config, "version_table_schema: \"sCTL\"\n", 1, true},
    {Source::Config, "include_schemas: [public, \"sCTL\"]\n", 1, true},
};

std::string file_of(Source source) {
    return source == Source::Model      ? "m.yaml"
           : source == Source::Revision ? "v/r.yaml"
                                        : "/p/migrate.yaml";
}

// The error message of loading `text`, or "" when it loads.
std::string error_of(Source source, const std::string& text) {
    try {
        if (source == Source::Model)
            load_model_documents({ModelDocument{"m.yaml", text}});
        else if (source == Source::Revision)
            parse_revision(text, "v/r.yaml", NamingConvention{});
        else
            parse_config(text, "/p/migrate.yaml", [](const std::string&) { return std::nullopt; });
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

std::string with(std::string text, const std::string& escape) {
    text.replace(text.find("CTL"), 3, escape);
    return text;
}

bool has_control(const std::string& s) {
    for (char c : s)
        if (c != '\n' && is_control_character(c)) return true;
    return false;
}

}  // namespace

TEST_CASE("control characters in identifiers and NUL bytes anywhere are rejected with file:line",
          "[errors][control]") {
    for (const auto& c : kCases) {
        for (const auto& escape : kEscapes) {
            if (!c.identifier && escape != "\\0") continue;
            std::string text = with(c.text, escape);
            std::string e = error_of(c.source, text);
            INFO(text << "\n-> " << e);
            CHECK_THAT(e, Catch::Contains(file_of(c.source) + ":" + std::to_string(c.line) + ":"));
            CHECK_THAT(e, Catch::Contains("control character") || Catch::Contains("NUL byte"));
            CHECK_FALSE(has_control(e));  // shown escaped, never raw
            CHECK(e.find(escape == "\\n"   ? "\\n"
                         : escape == "\\t" ? "\\t"
                         : escape == "\\0" ? "\\0"
                                           : "\\x") != std::string::npos);
        }
    }
}

TEST_CASE("the same texts load without the control character", "[errors][control]") {
    for (const auto& c : kCases) {
        std::string text = with(c.text, "");
        INFO(text);
        std::string e = error_of(c.source, text);
        // Model cases may fail for other reasons (a foreign key to a missing table),
        // never for a control character.
        CHECK(e.find("control character") == std::string::npos);
        CHECK(e.find("NUL byte") == std::string::npos);
    }
}

TEST_CASE("printable escapes control characters for messages", "[errors][control]") {
    CHECK(printable(std::string("keep\0gone", 9)) == "keep\\0gone");
    CHECK(printable("a\tb\nc\rd\x1b\x7f") == "a\\tb\\nc\\rd\\x1b\\x7f");
    CHECK(printable("plain 'text' é") == "plain 'text' é");
}
