// Standalone sequences in the core: effective settings, the three operations in
// revision-file YAML (round trip, golden text, errors with file:line), reverse and
// describe, replay (ownership through renames and drops). Model files, the checksum and
// replayed revision files: sequences_model_test.cpp.

#include "core/schema/sequences.h"

#include <catch2/catch.hpp>

#include "core/base/errors.h"
#include "core/model/model_emit.h"
#include "core/model/model_loader.h"
#include "core/operations/apply_operation.h"
#include "core/operations/operation_yaml.h"
#include "core/revision/checksum.h"
#include "core/revision/replay.h"
#include "core/revision/revision_file.h"
#include "core/revision/revision_graph.h"

using namespace migrate;

namespace {

const NamingConvention naming;

struct Parsed {
    Operations ops;
    std::vector<Diagnostic> diagnostics;
    std::string errors() const {
        std::string s;
        for (const auto& d : diagnostics) s += d.to_string() + "\n";
        return s;
    }
};

Parsed parse_text(const std::string& yaml) {
    Parsed p;
    ParseContext ctx{"rev.yaml", &p.diagnostics, &naming};
    p.ops = parse_operations(yaml::parse(yaml), ctx);
    return p;
}

Sequence seq(const std::string& name) {
    Sequence q;
    q.name = name;
    return q;
}

Schema with_orders() {
    Table t;
    t.name = "orders";
    t.columns = {Column{"id", ColumnType::of(TypeKind::BigInt), false},
                 Column{"number", ColumnType::of(TypeKind::BigInt)}};
    Schema s;
    s.tables = {t};
    return s;
}

const char* kSequenceOperations = R"Y(
- create_sequence: {name: order_numbers, start: 1000, increment: 10, min_value: 1000, max_value: 999999, cache: 20, cycle: true, owned_by: orders.number}
- create_sequence: {name: countdown, schema: billing, increment: -1}
- drop_sequence: {name: old_numbers, existing: {start: 5, owned_by: orders.id}}
- drop_sequence: {name: unknown_numbers}
- alter_sequence: {name: order_numbers, increment: 5, existing_increment: 10, cycle: false, existing_cycle: true}
- alter_sequence: {name: order_numbers, owned_by: null, existing_owned_by: orders.number}
- alter_sequence: {name: order_numbers, start: -9223372036854775808, min_value: -9223372036854775808, max_value: 9223372036854775807, cache: 1}
)Y";

}  // namespace

TEST_CASE("sequences: effective settings fill in the defaults of each direction", "[sequences]") {
    SequenceSettings up = effective_settings(seq("a"));
    CHECK(up == SequenceSettings{1, 1, 1, INT64_MAX, 1, false});
    Sequence down = seq("b");
    down.increment = -2;
    CHECK(effective_settings(down) == SequenceSettings{-1, -2, INT64_MIN, -1, 1, false});
    Sequence bounded = seq("c");
    bounded.min_value = 100;
    CHECK(effective_settings(bounded).start == 100);  // starts at its minimum

    Sequence reflected = seq("d");
    reflected.start = 1;
    reflected.increment = 1;
    reflected.min_value = 1;
    reflected.max_value = INT64_MAX;
    reflected.cache = 1;
    CHECK(without_defaults(reflected) == seq("d"));
    reflected.max_value = 2147483647;  // an `AS integer` sequence keeps its bound
    CHECK(without_defaults(reflected).max_value == 2147483647);
    CHECK_FALSE(without_defaults(reflected).start);

    Sequence bad = seq("e");
    bad.increment = 0;
    CHECK(sequence_problem(bad) == "'increment' of sequence 'e' cannot be 0");
    bad.increment = 1;
    bad.start = 0;
    CHECK(sequence_problem(bad) ==
          "'start' (0) of sequence 'e' must lie between 'min_value' (1) and 'max_value' "
          "(9223372036854775807)");
    CHECK(split_owner("orders.number") ==
          std::make_pair(std::string("orders"), std::string("number")));
    CHECK_FALSE(split_owner("orders"));
    CHECK_FALSE(split_owner("a.b.c"));
}

TEST_CASE("sequences: the three operations round-trip through revision YAML",
          "[sequences][operation_yaml]") {
    Parsed first = parse_text(kSequenceOperations);
    INFO(first.errors());
    REQUIRE(first.diagnostics.empty());
    REQUIRE(first.ops.size() == 7);
    const CreateSequence* c = first.ops[0].as<CreateSequence>();
    REQUIRE(c);
    CHECK(c->sequence.start == 1000);
    CHECK(c->sequence.increment == 10);
    CHECK(c->sequence.min_value == 1000);
    CHECK(c->sequence.max_value == 999999);
    CHECK(c->sequence.cache == 20);
    CHECK(c->sequence.cycle);
    CHECK(c->sequence.owned_by == std::optional<std::string>("orders.number"));
    CHECK(first.ops[1].as<CreateSequence>()->sequence.schema == "billing");
    const DropSequence* d = first.ops[2].as<DropSequence>();
    REQUIRE(d);
    REQUIRE(d->existing);
    CHECK(d->existing->name == "old_numbers");
    CHECK(d->existing->start == 5);
    CHECK_FALSE(first.ops[3].as<DropSequence>()->existing);
    const AlterSequence* owner = first.ops[5].as<AlterSequence>();
    REQUIRE(owner);
    CHECK(owner->owned_by ==
          std::optional<std::optional<std::string>>(std::optional<std::string>()));
    CHECK(first.ops[6].as<AlterSequence>()->start == INT64_MIN);

    std::string emitted = emit_operations(first.ops);
    Parsed second = parse_text(emitted);
    INFO(emitted);
    REQUIRE(second.diagnostics.empty());
    CHECK(second.ops == first.ops);
    for (const auto& op : first.ops) {
        INFO(op_name(op));
        CHECK(parse_text(emit_operations({op})).ops == Operations{op});
        CHECK(parse_text(emit_operations_canonical({op})).ops == Operations{op});
    }
}

TEST_CASE("sequences: emitted YAML is golden", "[sequences][operation_yaml][golden]") {
    Sequence q = seq("order_numbers");
    q.start = 1000;
    q.increment = 10;
    q.owned_by = "orders.number";
    AlterSequence a;
    a.name = "order_numbers";
    a.increment = 5;
    a.existing_increment = 10;
    a.owned_by = std::optional<std::string>();
    a.existing_owned_by = std::optional<std::string>("orders.number");
    CHECK(emit_operations({CreateSequence{q}, DropSequence{"", "order_numbers", q}, a}) ==
          "- create_sequence: {name: order_numbers, start: 1000, increment: 10, owned_by: "
          "orders.number}\n"
          "- drop_sequence: {name: order_numbers, existing: {start: 1000, increment: 10, owned_by: "
          "orders.number}}\n"
          "- alter_sequence:\n"
          "    name: order_numbers\n"
          "    increment: 5\n"
          "    owned_by: null\n"
          "    existing_increment: 10\n"
          "    existing_owned_by: orders.number\n");
}

TEST_CASE("sequences: bad sequence operations are reported with file:line:column",
          "[sequences][errors]") {
    Parsed p = parse_text(R"Y(
- create_sequence: {name: a, increment: 1.5}
- create_sequence: {name: b, incremnt: 2}
- create_sequence: {name: c, increment: 0}
- create_sequence: {name: d, start: 99999999999999999999}
- create_sequence: {name: e, owned_by: orders}
- alter_sequence: {name: f}
- alter_sequence: {name: g, cache: 0, existing_cache: 1}
- drop_sequence: {name: h, existing: {strat: 1}}
- create_sequence: {name: i, min_value: 10, max_value: 5}
- create_sequence: {name: j, start: abc, increment: 0}
)Y");
    CHECK(p.ops.empty());
    CHECK(p.errors() ==
          "rev.yaml:2:41: 'increment' of sequence 'a' must be a whole number between "
          "-9223372036854775808 and "
          "9223372036854775807, got '1.5'\n"
          "rev.yaml:3:30: unknown key 'incremnt' in sequence 'b' (did you mean 'increment'?)\n"
          "rev.yaml:4:20: 'increment' of sequence 'c' cannot be 0\n"
          "rev.yaml:5:37: 'start' of sequence 'd' must be a whole number between "
          "-9223372036854775808 and "
          "9223372036854775807, got '99999999999999999999'\n"
          "rev.yaml:6:20: 'owned_by' of sequence 'e' must be 'table.column', got 'orders'\n"
          "rev.yaml:7:19: alter_sequence changes nothing; give start, increment, min_value, "
          "max_value, cache, "
          "cycle or owned_by\n"
          "rev.yaml:8:36: 'cache' of alter_sequence must be at least 1\n"
          "rev.yaml:9:39: unknown key 'strat' in the existing definition of drop_sequence (did you "
          "mean 'start'?)\n"
          "rev.yaml:10:20: 'min_value' (10) of sequence 'i' must be less than 'max_value' (5)\n"
          "rev.yaml:11:37: 'start' of sequence 'j' must be a whole number between "
          "-9223372036854775808 and "
          "9223372036854775807, got 'abc'\n"
          "rev.yaml:11:20: 'increment' of sequence 'j' cannot be 0\n");
}

TEST_CASE("sequences: operations reverse and describe themselves", "[sequences][operations]") {
    Sequence q = seq("order_numbers");
    q.increment = 10;
    Operation create = CreateSequence{q};
    CHECK(reverse(create) == Operation(DropSequence{"", "order_numbers", q}));
    CHECK(reverse(reverse(create)) == create);
    CHECK_THROWS_WITH(
        reverse(Operation(DropSequence{"", "x", std::nullopt})),
        "cannot reverse drop sequence 'x': the operation does not record the sequence's "
        "definition; write the downgrade by hand");

    AlterSequence a;
    a.schema = "billing";
    a.name = "order_numbers";
    a.increment = 5;
    a.existing_increment = 10;
    a.owned_by = std::optional<std::string>("orders.number");
    a.existing_owned_by = std::optional<std::string>();
    a.existing_cache = 3;  // unchanged, carried along
    Operation r = reverse(Operation(a));
    const AlterSequence* back = r.as<AlterSequence>();
    REQUIRE(back);
    CHECK(back->increment == 10);
    CHECK(back->existing_increment == 5);
    CHECK(back->owned_by ==
          std::optional<std::optional<std::string>>(std::optional<std::string>()));
    CHECK(back->existing_owned_by ==
          std::optional<std::optional<std::string>>(std::string("orders.number")));
    CHECK(back->existing_cache == 3);
    CHECK(reverse(r) == Operation(a));
    CHECK(describe(Operation(a)) ==
          "alter sequence 'billing.order_numbers': increment 5, owned by orders.number");
    CHECK(describe(r) == "alter sequence 'billing.order_numbers': increment 10, owned by none");
    CHECK(describe(create) == "create sequence 'order_numbers'");

    AlterSequence missing;
    missing.name = "s";
    missing.start = 5;
    CHECK_THROWS_WITH(reverse(Operation(missing)), Catch::Contains("existing_start"));
}

TEST_CASE("sequences: replay creates, alters and drops them; ownership follows the owner",
          "[sequences][apply_operation]") {
    Schema s = with_orders();
    Sequence q = seq("order_numbers");
    q.owned_by = "orders.number";
    apply_operation(s, CreateSequence{q}, naming);
    REQUIRE(s.find_sequence("", "order_numbers"));

    AlterSequence down;
    down.name = "order_numbers";
    down.increment = -1;
    apply_operation(s, down, naming);
    // The bounds of the ascending sequence are kept, as the database keeps them.
    CHECK(effective_settings(*s.find_sequence("", "order_numbers")) ==
          SequenceSettings{1, -1, 1, INT64_MAX, 1, false});

    AlterColumn rename;
    rename.table = "orders";
    rename.name = "number";
    rename.new_name = "no";
    apply_operation(s, rename, naming);
    CHECK(s.find_sequence("", "order_numbers")->owned_by ==
          std::optional<std::string>("orders.no"));
    apply_operation(s, RenameTable{"", "orders", "purchases"}, naming);
    CHECK(s.find_sequence("", "order_numbers")->owned_by ==
          std::optional<std::string>("purchases.no"));

    apply_operation(s, CreateSequence{seq("free")}, naming);
    apply_operation(s, DropTable{"", "purchases", std::nullopt},
                    naming);  // takes its owned sequence along
    CHECK_FALSE(s.find_sequence("", "order_numbers"));
    REQUIRE(s.find_sequence("", "free"));
    apply_operation(s, DropSequence{"", "free", std::nullopt}, naming);
    CHECK(s.sequences.empty());
}

TEST_CASE("sequences: replay refuses operations that do not fit",
          "[sequences][apply_operation][errors]") {
    Schema s = with_orders();
    apply_operation(s, CreateSequence{seq("order_numbers")}, naming);
    CHECK_THROWS_WITH(
        apply_operation(s, CreateSequence{seq("order_numbers")}, naming),
        "cannot apply create sequence 'order_numbers': sequence 'order_numbers' already exists");
    CHECK_THROWS_WITH(apply_operation(s, CreateSequence{seq("orders")}, naming),
                      Catch::Contains("a table named 'orders' already exists"));
    CHECK_THROWS_WITH(
        apply_operation(s, DropSequence{"", "order_number", std::nullopt}, naming),
        "cannot apply drop sequence 'order_number': sequence 'order_number' does not exist "
        "(did you mean 'order_numbers'?)");
    AlterSequence owner;
    owner.name = "order_numbers";
    owner.owned_by = std::optional<std::string>("orders.nope");
    CHECK_THROWS_WITH(
        apply_operation(s, owner, naming),
        Catch::Contains("owned_by names column 'nope', which table 'orders' does not have"));
    AlterSequence bounds;
    bounds.name = "order_numbers";
    bounds.max_value = 0;
    CHECK_THROWS_WITH(apply_operation(s, bounds, naming),
                      Catch::Contains("must be less than 'max_value' (0)"));
}
