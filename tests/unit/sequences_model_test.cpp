// Standalone sequences in model files (loading, errors with file:line, writing back),
// in the checksum, and in replayed revision files. The operations themselves:
// sequences_test.cpp.

#include <catch2/catch.hpp>

#include "core/base/errors.h"
#include "core/model/model_emit.h"
#include "core/model/model_loader.h"
#include "core/revision/checksum.h"
#include "core/revision/replay.h"
#include "core/revision/revision_file.h"
#include "core/revision/revision_graph.h"
#include "core/schema/sequences.h"

using namespace migrate;

namespace {

const NamingConvention naming;

std::string load_errors(const std::string& text) {
    try {
        load_model_documents({{"models/app.yaml", text}});
    } catch (const InputError& e) {
        std::string s;
        for (const auto& d : e.diagnostics()) s += d.to_string() + "\n";
        return s;
    }
    return "";
}

Sequence seq(const std::string& name) {
    Sequence q;
    q.name = name;
    return q;
}

}  // namespace

TEST_CASE("sequences: model files declare them under `sequences:`", "[sequences][loader]") {
    Schema s = load_model_documents({{"models/app.yaml", R"Y(
sequences:
  - {name: order_numbers, start: 1000, increment: 10, owned_by: orders.number}
  - {name: invoices, schema: billing, cycle: true, max_value: 99999}
tables:
  - name: orders
    columns:
      - {name: id, type: bigint, primary_key: true, autoincrement: false, server_default: "nextval('order_numbers')"}
      - {name: number, type: bigint}
)Y"}});
    REQUIRE(s.sequences.size() == 2);
    CHECK(s.sequences[0].schema == "");
    CHECK(s.sequences[0].name == "order_numbers");
    CHECK(s.sequences[1].qualified_name() == "billing.invoices");
    CHECK(to_text(s) ==
          "sequence order_numbers start 1000 increment 10 owned by orders.number\n"
          "sequence billing.invoices max_value 99999 cycle\n"
          "table orders\n"
          "  id bigint not null default nextval('order_numbers')\n"
          "  number bigint\n"
          "  primary key pk_orders (id)\n");
    // Written back as a model file, it loads to the same schema.
    std::string text = emit_models(s);
    CHECK(text.find("sequences:\n  - {name: order_numbers, start: 1000, increment: 10, owned_by: "
                    "orders.number}\n") != std::string::npos);
    CHECK(load_model_documents({{"again.yaml", text}}) == s);
}

TEST_CASE("sequences: bad sequences in model files name the file and line",
          "[sequences][loader][errors]") {
    CHECK(load_errors(R"Y(
sequences:
  - {name: a, owned_by: order.number}
  - {name: b, owned_by: orders.numbr}
  - {name: orders}
  - {name: c, cylce: true}
  - {name: a}
tables:
  - name: orders
    columns:
      - {name: number, type: bigint}
)Y") == "models/app.yaml:3:12: sequence 'a' is owned_by table 'order', which no model declares in "
        "the sequence's "
        "schema (did you mean 'orders'?)\n"
        "models/app.yaml:4:12: sequence 'b' is owned_by column 'numbr', which table 'orders' does "
        "not have (did "
        "you mean 'number'?)\n"
        "models/app.yaml:5:12: sequence 'orders' has the name of table 'orders' (declared in "
        "models/app.yaml:9:11); "
        "tables and sequences share names\n"
        "models/app.yaml:6:15: unknown key 'cylce' in sequence 'c' (did you mean 'cycle'?)\n"
        "models/app.yaml:7:12: sequence 'a' is declared twice: in models/app.yaml:3:12 and in "
        "models/app.yaml:7:12\n");
    CHECK(load_errors(R"Y(
sequences:
  - {name: batch_numbers, owned_by: batches.number}
tables:
  - name: batches
    columns:
      - {name: number, type: bigint, server_default: "nextval('batch_numbers'::regclass)"}
)Y") == "models/app.yaml:3:12: sequence 'batch_numbers' is owned_by column 'batches.number', whose "
        "server_default "
        "draws from it: that pair is a serial column, which databases report as autoincrement; "
        "drop owned_by, or "
        "make the column autoincrement\n");
    CHECK_THAT(load_errors("sequences: {name: a}\n"),
               Catch::Contains("'sequences' of a model file must be a list"));
    CHECK_THAT(
        load_errors("sequence: []\n"),
        Catch::Contains("unknown key 'sequence' in a model file (did you mean 'sequences'?)"));
}

TEST_CASE("sequences: the checksum changes with any setting", "[sequences][checksum]") {
    Revision r;
    r.id = "0001";
    Sequence q = seq("order_numbers");
    r.upgrade = {CreateSequence{q}};
    r.downgrade = reverse(r.upgrade);
    std::string before = revision_checksum(r);
    q.cache = 5;
    r.upgrade = {CreateSequence{q}};
    CHECK(revision_checksum(r) != before);
    AlterSequence a;
    a.name = "order_numbers";
    a.cycle = true;
    a.existing_cycle = false;
    r.upgrade = {a};
    std::string cycled = revision_checksum(r);
    a.existing_cycle = true;
    r.upgrade = {a};
    CHECK(revision_checksum(r) != cycled);
}

TEST_CASE("sequences: replaying revision files gives the schema at each revision",
          "[sequences][replay]") {
    auto revision = [](const std::string& id, const std::string& down, const std::string& upgrade) {
        return parse_revision("revision: \"" + id + "\"\ndown_revision: " +
                                  (down.empty() ? "null" : "\"" + down + "\"") +
                                  "\nmessage: m\nupgrade:\n" + upgrade + "downgrade: []\n",
                              "versions/" + id + ".yaml", naming);
    };
    RevisionGraph graph({
        revision("a", "",
                 "  - create_sequence: {name: order_numbers, start: 1000}\n"
                 "  - create_table: {name: orders, columns: [{name: id, type: bigint, primary_key: "
                 "true, "
                 "autoincrement: false, server_default: \"nextval('order_numbers')\"}, {name: "
                 "batch, type: bigint}]}\n"
                 "  - create_sequence: {name: batches}\n"
                 "  - alter_sequence: {name: batches, owned_by: orders.batch, existing_owned_by: "
                 "null}\n"),
        revision(
            "b", "a",
            "  - alter_sequence: {name: order_numbers, increment: 5, existing_increment: 1}\n"),
        revision("c", "b", "  - drop_column: {table: orders, name: batch}\n"),
    });
    ReplayResult at_a = replay_to(graph, {"a"}, "postgresql", naming);
    REQUIRE(at_a.schema.sequences.size() == 2);
    CHECK(at_a.schema.find_sequence("", "batches")->owned_by ==
          std::optional<std::string>("orders.batch"));
    ReplayResult at_b = replay_to(graph, {"b"}, "postgresql", naming);
    CHECK(effective_settings(*at_b.schema.find_sequence("", "order_numbers")) ==
          SequenceSettings{1000, 5, 1, INT64_MAX, 1, false});
    ReplayResult at_c =
        replay_to(graph, {"c"}, "postgresql", naming);  // the owned sequence went with its column
    CHECK_FALSE(at_c.schema.find_sequence("", "batches"));
    CHECK(at_c.schema.find_sequence("", "order_numbers"));
}
