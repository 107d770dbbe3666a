// Catalogue, part 4: standalone sequences — added before the tables whose defaults use
// them, owners set after the owning column exists and released before it goes, settings
// compared as effective values. Numbered from 200.

#include "tests/unit/differ_fixtures.h"

namespace migrate::testing {

namespace {

Sequence seq(const std::string& name, std::optional<std::string> owned_by = std::nullopt) {
    Sequence q;
    q.name = name;
    q.owned_by = std::move(owned_by);
    return q;
}

Schema with_sequence(const Sequence& q) {
    return edit(base_schema(), [&](Schema& s) { s.sequences.push_back(q); });
}

// `invoices` numbers its rows from `invoice_numbers` (not owned: a nextval default).
Schema with_invoices(std::optional<std::string> owned_by = std::nullopt) {
    return edit(base_schema(), [&](Schema& s) {
        s.sequences.push_back(seq("invoice_numbers", owned_by));
        Column number = col("number", "bigint", false);
        number.server_default = "nextval('invoice_numbers')";
        s.tables.push_back(table("invoices", {number}));
    });
}

}  // namespace

std::vector<DiffCase> catalogue_sequences() {
    std::vector<DiffCase> cases;
    cases.push_back({200,
                     "added sequence",
                     base_schema(),
                     with_sequence(seq("order_numbers")),
                     {"create sequence 'order_numbers'"},
                     {"added sequence 'order_numbers'"}});
    cases.push_back({201,
                     "removed sequence",
                     with_sequence(seq("order_numbers")),
                     base_schema(),
                     {"drop sequence 'order_numbers'"},
                     {"removed sequence 'order_numbers'"}});
    Sequence by_ten = seq("order_numbers");
    by_ten.increment = 10;
    by_ten.cache = 5;
    cases.push_back({202,
                     "changed increment and cache",
                     with_sequence(seq("order_numbers")),
                     with_sequence(by_ten),
                     {"alter sequence 'order_numbers': increment 10, cache 5"},
                     {"changed sequence 'order_numbers': increment 1 -> 10, cache 1 -> 5"}});
    Sequence spelled_out = seq("order_numbers");
    spelled_out.start = 1;
    spelled_out.min_value = 1;
    spelled_out.max_value = INT64_MAX;
    spelled_out.cache = 1;
    cases.push_back({203,
                     "defaults given or left out are the same",
                     with_sequence(spelled_out),
                     with_sequence(seq("order_numbers")),
                     {},
                     {}});
    Sequence down_explicit = seq("countdown");
    down_explicit.increment = -1;
    down_explicit.start = -1;
    down_explicit.min_value = INT64_MIN;
    down_explicit.max_value = -1;
    Sequence down = seq("countdown");
    down.increment = -1;
    cases.push_back({204,
                     "a descending sequence's defaults",
                     with_sequence(down_explicit),
                     with_sequence(down),
                     {},
                     {}});
    cases.push_back({205,
                     "new table using a new sequence: the sequence first",
                     base_schema(),
                     with_invoices(),
                     {"create sequence 'invoice_numbers'", "create table 'invoices'"},
                     {"added sequence 'invoice_numbers'", "added table 'invoices'"}});
    cases.push_back({206,
                     "removed table and its sequence: the sequence last",
                     with_invoices(),
                     base_schema(),
                     {"drop table 'invoices'", "drop sequence 'invoice_numbers'"},
                     {"removed sequence 'invoice_numbers'", "removed table 'invoices'"},
                     1});
    cases.push_back({207,
                     "an owned sequence: owner set once the table exists",
                     base_schema(),
                     with_invoices("invoices.number"),
                     {"create sequence 'invoice_numbers'", "create table 'invoices'",
                      "alter sequence 'invoice_numbers': owned by invoices.number"},
                     {"added sequence 'invoice_numbers'", "added table 'invoices'"}});
    cases.push_back({208,
                     "an owned sequence removed with its table: released first",
                     with_invoices("invoices.number"),
                     base_schema(),
                     {"alter sequence 'invoice_numbers': owned by none", "drop table 'invoices'",
                      "drop sequence 'invoice_numbers'"},
                     {"removed sequence 'invoice_numbers'", "removed table 'invoices'"},
                     1});
    cases.push_back({209,
                     "owner moved to another column",
                     with_invoices("invoices.number"),
                     with_invoices("invoices.id"),
                     {"alter sequence 'invoice_numbers': owned by none",
                      "alter sequence 'invoice_numbers': owned by invoices.id"},
                     {"changed sequence 'invoice_numbers': owned by invoices.id"}});
    Sequence cycling = seq("order_numbers");
    cycling.cycle = true;
    cycling.max_value = 999;
    cases.push_back(
        {210,
         "cycle and max_value",
         with_sequence(seq("order_numbers")),
         with_sequence(cycling),
         {"alter sequence 'order_numbers': max_value 999, cycle"},
         {"changed sequence 'order_numbers': max_value 9223372036854775807 -> 999, cycle"}});
    cases.push_back({211,
                     "a sequence in another schema",
                     base_schema(),
                     edit(base_schema(),
                          [](Schema& s) {
                              Sequence q = seq("invoices");
                              q.schema = "billing";
                              s.sequences.push_back(q);
                          }),
                     {"create sequence 'billing.invoices'"},
                     {"added sequence 'billing.invoices'"}});
    return cases;
}

}  // namespace migrate::testing
