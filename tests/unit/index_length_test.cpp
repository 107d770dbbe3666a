// An index element's prefix `length` (MySQL's `KEY (name(20))`): read from models and
// revisions, written back the same, compared by the differ, rendered by MySQL and
// refused by the dialects that index whole columns.

#include <catch2/catch.hpp>

#include "core/base/errors.h"
#include "core/diff/differ.h"
#include "core/model/model_emit.h"
#include "core/model/model_loader.h"
#include "dialects/registry.h"

using namespace migrate;

namespace {

Schema load(const std::string& index_columns) {
    return load_model_documents({{"m.yaml",
                                  "tables:\n"
                                  "  - name: t\n"
                                  "    columns: [{name: id, type: integer, primary_key: "
                                  "true}, {name: title, type: string(200)}, {name: body, "
                                  "type: text}]\n"
                                  "    indexes: [{name: ix, columns: " +
                                      index_columns + "}]\n"}});
}

std::vector<std::string> render(const std::string& dialect, const Schema& s) {
    NamingConvention naming;
    Schema before = s;
    before.tables[0].indexes.clear();
    return make_dialect(dialect)->render(Operation{CreateIndex{"", "t", s.tables[0].indexes.at(0)}},
                                         RenderContext{before, naming});
}

}  // namespace

TEST_CASE("index prefix length: read, written back, compared", "[model][index]") {
    Schema s = load("[{name: title, length: 20}, body]");
    const Index& ix = s.tables.at(0).indexes.at(0);
    REQUIRE(ix.elements.size() == 2);
    CHECK(ix.elements[0].length == 20);
    CHECK_FALSE(ix.elements[1].length);
    // what reflect and autogenerate write loads back the same
    std::string text = emit_models(s);
    CHECK(text.find("length: 20") != std::string::npos);
    CHECK(load_model_documents({{"again.yaml", text}}) == s);
    // another length is another index: drop and create
    Schema other = load("[{name: title, length: 30}, body]");
    CHECK_FALSE(diff_schemas(s, other).empty());
    CHECK(diff_schemas(s, load("[{name: title, length: 20}, body]")).empty());
}

TEST_CASE("index prefix length: bad values name the file and line", "[model][index]") {
    for (const char* bad : {"0", "-3", "x", "[1]", "70000"}) {
        INFO(bad);
        CHECK_THROWS_WITH(load(std::string("[{name: title, length: ") + bad + "}]"),
                          Catch::Contains("m.yaml:4:") &&
                              Catch::Contains("'length' of a column of") &&
                              Catch::Contains("must be a whole number from 1 to 65535"));
    }
    CHECK_THROWS_WITH(load("[{expression: lower(title), length: 4}]"),
                      Catch::Contains("needs a column, not an expression"));
}

TEST_CASE("index prefix length: MySQL renders it, SQLite and PostgreSQL refuse it",
          "[model][index]") {
    Schema s = load("[{name: title, length: 20}, {name: body, length: 100, order: desc}]");
    CHECK(render("mysql", s) ==
          std::vector<std::string>{"CREATE INDEX `ix` ON `t` (`title`(20), `body`(100) DESC)"});
    for (const char* dialect : {"sqlite", "postgresql"}) {
        INFO(dialect);
        CHECK_THROWS_WITH(render(dialect, s), Catch::Contains("index 'ix'") &&
                                                  Catch::Contains("prefix 'length' is MySQL's"));
    }
}
