// Cross-table checks of a loaded model (core/model/model_check.h).

#include "core/model/model_check.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/base/text.h"
#include "core/yaml/yaml_read.h"

namespace migrate {

namespace {

class Checker {
  public:
    Checker(const std::deque<LocatedTable>& tables, const std::deque<LocatedEnum>& enums,
            std::vector<Diagnostic>& diagnostics, bool names_per_table)
        : tables_(tables),
          enums_(enums),
          diagnostics_(diagnostics),
          names_per_table_(names_per_table) {
        for (const auto& t : tables_)
            table_index_.emplace(std::make_pair(t.table.schema, t.table.name), &t);
        for (const auto& e : enums_) enum_schemas_[e.value.name].insert(e.value.schema);
    }

    void run() {
        for (const auto& t : tables_) {
            for (const auto& fk : t.table.foreign_keys) check_foreign_key(t, fk);
            for (const auto& c : t.table.columns)
                if (c.type.kind == TypeKind::Enum) check_enum(t, c);
        }
        if (!names_per_table_) check_schema_wide_names();
    }

  private:
    SourceLocation site(const std::map<std::string, SourceLocation>& sites, const std::string& key,
                        const LocatedTable& t) const {
        auto it = sites.find(key);
        return it == sites.end() ? t.sites.table : it->second;
    }

    void add(const SourceLocation& at, std::string message) {
        diagnostics_.push_back({at, std::move(message)});
    }

    const LocatedTable* find_table(const std::string& schema, const std::string& name) const {
        auto it = table_index_.find(std::make_pair(schema, name));
        return it == table_index_.end() ? nullptr : it->second;
    }

    // Every table name, for "did you mean"; gathered once, on the first error.
    const std::vector<std::string>& table_names() {
        if (table_names_.empty())
            for (const auto& t : tables_) table_names_.push_back(t.table.name);
        return table_names_;
    }

    const std::vector<std::string>& enum_names() {
        if (enum_names_.empty())
            for (const auto& e : enums_) enum_names_.push_back(e.value.name);
        return enum_names_;
    }

    // Whether `cols` are the target's primary key or one of its unique constraints/indexes.
    static bool is_unique_key(const Table& target, const std::vector<std::string>& cols) {
        std::set<std::string> wanted(cols.begin(), cols.end());
        auto same = [&](const std::vector<std::string>& other) {
            return std::set<std::string>(other.begin(), other.end()) == wanted;
        };
        if (target.primary_key && same(target.primary_key->columns)) return true;
        for (const auto& u : target.unique_constraints)
            if (same(u.columns)) return true;
        for (const auto& i : target.indexes) {
            if (!i.unique || i.where) continue;
            std::vector<std::string> idx_cols;
            for (const auto& e : i.elements)
                if (!e.is_expression()) idx_cols.push_back(e.column);
            if (idx_cols.size() == i.elements.size() && same(idx_cols)) return true;
        }
        return false;
    }

    void check_foreign_key(const LocatedTable& t, const ForeignKey& fk) {
        SourceLocation at = site(t.sites.foreign_keys, fk.name, t);
        std::string schema = fk.referred_schema.empty() ? t.table.schema : fk.referred_schema;
        std::string what =
            "foreign key '" + fk.name + "' of table '" + t.table.qualified_name() + "'";
        const LocatedTable* target = find_table(schema, fk.referred_table);
        if (!target && schema == "public")
            target = find_table("", fk.referred_table);  // the default schema
        if (!target) {
            std::string shown =
                schema.empty() ? fk.referred_table : schema + "." + fk.referred_table;
            add(at, what + " references table '" + shown + "', which no model declares" +
                        did_you_mean(fk.referred_table, table_names()));
            return;
        }
        bool all_found = true;
        std::vector<std::string> names;
        for (const auto& c : target->table.columns) names.push_back(c.name);
        for (const auto& col : fk.referred_columns) {
            if (target->table.find_column(col)) continue;
            all_found = false;
            add(at, what + " references column '" + col + "', which table '" +
                        target->table.qualified_name() + "' does not have" +
                        did_you_mean(col, names));
        }
        if (all_found && !is_unique_key(target->table, fk.referred_columns))
            add(at,
                what + " references " + target->table.qualified_name() + " (" +
                    join(fk.referred_columns) +
                    "), which is neither its primary key nor unique; the database would refuse it");
    }

    void check_enum(const LocatedTable& t, const Column& c) {
        std::string name = c.type.name, schema = t.table.schema;
        if (size_t dot = name.find('.'); dot != std::string::npos) {
            schema = name.substr(0, dot);
            name = name.substr(dot + 1);
        }
        if (auto it = enum_schemas_.find(name);
            it != enum_schemas_.end() && (it->second.count(schema) || it->second.count("")))
            return;
        add(site(t.sites.column_types, c.name, t),
            "column '" + c.name + "' of table '" + t.table.qualified_name() + "' uses enum '" +
                c.type.name + "', which no model declares under 'enums'" +
                did_you_mean(name, enum_names()));
    }

    // Index, unique constraint and primary key names are relations: one per schema.
    void check_schema_wide_names() {
        std::map<std::pair<std::string, std::string>, std::string> owner;
        for (const auto& t : tables_) {
            std::vector<std::string> names;
            if (t.table.primary_key) names.push_back(t.table.primary_key->name);
            for (const auto& u : t.table.unique_constraints) names.push_back(u.name);
            for (const auto& i : t.table.indexes) names.push_back(i.name);
            std::sort(names.begin(), names.end());
            names.erase(std::unique(names.begin(), names.end()), names.end());
            for (const auto& n : names) {
                auto [it, inserted] =
                    owner.emplace(std::make_pair(t.table.schema, n), t.table.name);
                if (inserted) continue;
                add(site(t.sites.objects, n, t),
                    "the name '" + n + "' of table '" + t.table.qualified_name() +
                        "' is already used by table '" + it->second +
                        "'; index and constraint names are shared by a whole schema");
            }
        }
    }

    const std::deque<LocatedTable>& tables_;
    const std::deque<LocatedEnum>& enums_;
    std::vector<Diagnostic>& diagnostics_;
    bool names_per_table_ = false;
    std::map<std::pair<std::string, std::string>, const LocatedTable*> table_index_;
    std::map<std::string, std::set<std::string>>
        enum_schemas_;  // enum name -> schemas declaring it
    std::vector<std::string> table_names_, enum_names_;
};

}  // namespace

void check_model_references(const std::deque<LocatedTable>& tables,
                            const std::deque<LocatedEnum>& enums,
                            std::vector<Diagnostic>& diagnostics, bool names_per_table) {
    Checker(tables, enums, diagnostics, names_per_table).run();
}

}  // namespace migrate
