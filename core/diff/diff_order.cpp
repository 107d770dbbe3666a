// Foreign-key order for creating (and, reversed, dropping) a set of tables: referenced
// tables first; ties and cycles resolved by schema and name so the order is
// deterministic. A cycle is broken at its first table by name: its foreign keys to
// tables not yet created wait (they become create_foreign_key after all tables).

#include <algorithm>
#include <map>
#include <tuple>

#include "core/diff/diff_context.h"

namespace migrate::diff {

namespace {

using Key = std::tuple<std::string, std::string>;

// For each foreign key of each table: the index of the referred table in the set, or
// npos when it is outside the set (or the table itself).
std::vector<std::vector<size_t>> referred_indexes(const std::vector<const Table*>& tables,
                                                  const Normalizer& n) {
    std::map<Key, size_t> index;
    for (size_t i = 0; i < tables.size(); ++i) index[{tables[i]->schema, tables[i]->name}] = i;
    std::vector<std::vector<size_t>> out(tables.size());
    for (size_t i = 0; i < tables.size(); ++i) {
        for (const auto& fk : tables[i]->foreign_keys) {
            auto it = index.find({n.referred_schema(*tables[i], fk), fk.referred_table});
            out[i].push_back(it == index.end() || it->second == i ? std::string::npos : it->second);
        }
    }
    return out;
}

}  // namespace

TableOrder order_by_foreign_keys(const std::vector<const Table*>& tables,
                                 const Normalizer& normalizer) {
    // Ties go by (schema, name), whatever order the caller passed.
    std::vector<size_t> by_name(tables.size());
    for (size_t i = 0; i < tables.size(); ++i) by_name[i] = i;
    std::sort(by_name.begin(), by_name.end(), [&](size_t a, size_t b) {
        return std::tie(tables[a]->schema, tables[a]->name) <
               std::tie(tables[b]->schema, tables[b]->name);
    });
    auto refs = referred_indexes(tables, normalizer);
    std::vector<bool> placed(tables.size(), false);
    TableOrder result;
    auto ready = [&](size_t i) {
        for (size_t r : refs[i])
            if (r != std::string::npos && !placed[r]) return false;
        return true;
    };
    while (result.order.size() < tables.size()) {
        size_t pick = std::string::npos;
        for (size_t i : by_name)
            if (!placed[i] && ready(i)) {
                pick = i;
                break;
            }
        if (pick == std::string::npos) {  // a cycle: the first remaining table waits for nothing
            for (size_t i : by_name)
                if (!placed[i]) {
                    pick = i;
                    break;
                }
            for (size_t f = 0; f < refs[pick].size(); ++f)
                if (refs[pick][f] != std::string::npos && !placed[refs[pick][f]])
                    result.deferred.push_back({pick, f});
        }
        placed[pick] = true;
        result.order.push_back(pick);
    }
    return result;
}

}  // namespace migrate::diff
