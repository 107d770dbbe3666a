// How reflect lays a schema out as files: names per table and schema, enums.yaml,
// safe and collision-free file names, one file on request.

#include "core/model/model_files.h"

#include <catch2/catch.hpp>

#include "core/model/model_loader.h"

using namespace migrate;

namespace {

Table table(const std::string& schema, const std::string& name) {
    Table t;
    t.schema = schema;
    t.name = name;
    Column c;
    c.name = "id";
    c.type = ColumnType::of(TypeKind::Integer);
    t.columns = {c};
    return t;
}

std::vector<std::string> names(const std::vector<ModelFile>& files) {
    std::vector<std::string> out;
    for (const auto& f : files) out.push_back(f.name);
    return out;
}

}  // namespace

TEST_CASE("one file per table, schema-qualified outside the default, enums first",
          "[model_files]") {
    Schema s;
    s.enums.push_back({"", "mood", {"a", "b"}});
    s.tables = {table("", "enums"), table("", "users"),   table("", "a/b"),
                table("", "a_b"),   table("", ".hidden"), table("audit", "users")};
    s.sort();
    auto files = split_model_files(s);
    CHECK(names(files) == std::vector<std::string>{"enums.yaml", "_.hidden.yaml", "a_b.yaml",
                                                   "a_b_2.yaml", "enums_2.yaml", "users.yaml",
                                                   "audit.users.yaml"});
    std::vector<ModelDocument> docs;
    for (const auto& f : files) docs.emplace_back(f.name, f.text);
    CHECK(load_model_documents(docs) == s);
    CHECK_THAT(files[0].text, Catch::StartsWith("# Written by `migrate reflect`."));
}

TEST_CASE("everything in one file on request", "[model_files]") {
    Schema s;
    s.tables = {table("", "t1"), table("x", "t2")};
    ModelFile one = single_model_file(s, "models.yaml");
    CHECK(one.name == "models.yaml");
    CHECK(load_model_documents({{one.name, one.text}}) == s);
    CHECK(file_stem("we\"ird name") == "we_ird_name");
}
