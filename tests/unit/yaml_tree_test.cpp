// The YAML reader (core/yaml/yaml_tree.h): node kinds as the readers see them, positions,
// lookups that never throw, anchors, errors with their place, and streaming of the
// items of top-level lists one at a time.

#include "core/yaml/yaml_tree.h"

#include <catch2/catch.hpp>
#include <memory>

using namespace migrate;

TEST_CASE("yaml tree: kinds, nulls and scalars as written", "[yaml]") {
    yaml::Node doc = yaml::parse(
        "a: 1\nb: ~\nc:\nd: null\ne: 'null'\nf: !!str null\ng: [x, y]\nh: {k: v}\ni: \"\"\n");
    REQUIRE(doc.IsMap());
    CHECK(doc.size() == 9);
    CHECK(doc["a"].IsScalar());
    CHECK(doc["a"].Scalar() == "1");
    CHECK(doc["b"].IsNull());
    CHECK(doc["c"].IsNull());
    CHECK(doc["d"].IsNull());
    CHECK(doc["e"].IsScalar());  // quoted: a string
    CHECK(doc["e"].Scalar() == "null");
    CHECK(doc["f"].IsScalar());  // tagged as a string
    CHECK(doc["g"].IsSequence());
    CHECK(doc["g"].size() == 2);
    CHECK(doc["g"][1].Scalar() == "y");
    CHECK(doc["h"]["k"].Scalar() == "v");
    CHECK(doc["i"].IsScalar());
    CHECK(doc["i"].Scalar().empty());
    CHECK(doc["b"].Scalar().empty());
    CHECK(doc["g"].Scalar().empty());
}

TEST_CASE("yaml tree: missing keys and wrong shapes are undefined, never an exception", "[yaml]") {
    yaml::Node doc = yaml::parse("a: 1\nlist: [x]\n");
    CHECK_FALSE(doc["nope"].IsDefined());
    CHECK_FALSE(doc["nope"]);
    CHECK_FALSE(doc["a"]["deeper"].IsDefined());  // a key of a scalar
    CHECK_FALSE(doc["list"]["k"].IsDefined());    // a key of a list
    CHECK_FALSE(doc["list"][5].IsDefined());      // past the end
    CHECK_FALSE(doc["nope"]["a"][size_t{0}].IsDefined());
    CHECK(doc["nope"].size() == 0);
    CHECK(doc["nope"].Mark().line == -1);
    CHECK(yaml::parse("").IsNull());
    CHECK(yaml::parse("# only a comment\n").IsNull());
}

TEST_CASE("yaml tree: positions are 0-based line and column of where a node starts", "[yaml]") {
    yaml::Node doc = yaml::parse("tables:\n  - name: users\n    columns: [{name: id}]\n");
    yaml::Node table = doc["tables"][size_t{0}];
    CHECK(table.Mark().line == 1);
    CHECK(table.Mark().column == 4);
    CHECK(table["name"].Mark().line == 1);
    CHECK(table["name"].Mark().column == 10);
    CHECK(table["columns"][size_t{0}]["name"].Mark().line == 2);
    CHECK(table["columns"][size_t{0}]["name"].Mark().column == 21);
}

TEST_CASE("yaml tree: a key given twice is kept twice; lookup finds the first", "[yaml]") {
    yaml::Node doc = yaml::parse("k: 1\nk: 2\n");
    CHECK(doc.size() == 2);
    CHECK(doc["k"].Scalar() == "1");
    std::vector<std::string> keys, values;
    for (const auto& entry : doc) {
        keys.push_back(entry.first.Scalar());
        values.push_back(entry.second.Scalar());
    }
    CHECK(keys == std::vector<std::string>{"k", "k"});
    CHECK(values == std::vector<std::string>{"1", "2"});
}

TEST_CASE("yaml tree: anchors and aliases share the anchored node", "[yaml]") {
    yaml::Node doc = yaml::parse("base: &b {type: integer}\nuse: *b\n");
    CHECK(doc["use"]["type"].Scalar() == "integer");
    CHECK(doc["use"].Mark().line == 0);  // where the anchored node was written
    CHECK_THROWS_AS(yaml::parse("use: *nowhere\n"), yaml::ParseError);
    CHECK_THROWS_AS(yaml::parse("a: &x [*x]\n"), yaml::ParseError);  // no cycles
}

TEST_CASE("yaml tree: malformed YAML is a ParseError with libyaml's problem and its place",
          "[yaml]") {
    auto error_of = [](const std::string& text) -> std::pair<yaml::Mark, std::string> {
        try {
            yaml::parse(text);
        } catch (const yaml::ParseError& e) {
            return {e.mark, e.what()};
        }
        FAIL("parsed: " << text);
        return {};
    };
    auto [at, message] = error_of("a: 1\nb: [1, 2\n");
    CHECK(at.line == 2);
    CHECK_THAT(message, Catch::Contains("did not find expected ',' or ']'"));
    auto [at2, message2] = error_of("a: 1\n  b: 2\n");
    CHECK(at2.line == 1);
    CHECK_THAT(message2, Catch::Contains("mapping values are not allowed"));
    auto [at3, message3] = error_of("a: 1\n---\nb: 2\n");
    CHECK(at3.line == 1);
    CHECK_THAT(message3, Catch::Contains("second YAML document"));
    auto [at4, message4] = error_of(std::string("a: x\nb: \xff\n"));
    CHECK(at4.line == 1);
    CHECK(at4.column == 3);
    CHECK_THAT(message4, Catch::Contains("UTF-8"));
    auto [at5, message5] = error_of(std::string("a: x\0y\n", 7));
    CHECK(at5.line == 0);
    CHECK_THAT(message5, Catch::Contains("control characters are not allowed"));
}

TEST_CASE("yaml tree: items of top-level lists stream one at a time and are not kept",
          "[yaml][streaming]") {
    std::vector<std::pair<std::string, std::string>> seen;
    std::vector<std::weak_ptr<const void>> owners;
    yaml::Node doc = yaml::parse(
        "name: x\ntables:\n  - {name: a}\n  - {name: b}\nenums: [{name: e}]\nother: {k: [1]}\n"
        "kept: [{name: k}]\n",
        {"tables", "enums"}, [&](const std::string& key, const yaml::Node& item) {
            seen.emplace_back(key, item["name"].Scalar());
            CHECK(item.Mark().line >= 2);
            owners.push_back(item.owner());
        });
    CHECK(seen == std::vector<std::pair<std::string, std::string>>{
                      {"tables", "a"}, {"tables", "b"}, {"enums", "e"}});
    for (const auto& owner : owners) CHECK(owner.expired());  // each item's memory went with it
    CHECK(doc["name"].Scalar() == "x");
    CHECK(doc["tables"].IsSequence());
    CHECK(doc["tables"].size() == 0);
    CHECK(doc["other"]["k"].size() == 1);                   // only top-level lists stream
    CHECK(doc["kept"][size_t{0}]["name"].Scalar() == "k");  // and only those named
}

TEST_CASE("yaml tree: a streamed item may use an anchor of an earlier one", "[yaml][streaming]") {
    std::vector<std::string> types;
    yaml::parse("tables:\n  - {name: a, type: &t integer}\n  - {name: b, type: *t}\n", {"tables"},
                [&](const std::string&, const yaml::Node& item) {
                    types.push_back(item["type"].Scalar());
                });
    CHECK(types == std::vector<std::string>{"integer", "integer"});
}
