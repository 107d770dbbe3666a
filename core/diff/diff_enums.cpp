// Named enum types (PostgreSQL): created before the tables that use them, dropped
// after. A value added is alter_enum_add_value placed after its predecessor in the
// model (or before its successor); a value removed is alter_enum_drop_value, placed so
// that its reverse puts the value back where it stood. A reordering of kept values is
// not detected (see docs/autogenerate.md).

#include <algorithm>

#include "core/diff/diff_context.h"

namespace migrate::diff {

namespace {

bool contains(const std::vector<std::string>& values, const std::string& v) {
    return std::find(values.begin(), values.end(), v) != values.end();
}

void add_values(Context& ctx, const Enum& was, const Enum& now) {
    for (size_t i = 0; i < now.values.size(); ++i) {
        const std::string& v = now.values[i];
        if (contains(was.values, v)) continue;
        AlterEnumAddValue add{now.schema, now.name, v, std::nullopt, std::nullopt};
        if (i > 0) {
            add.after = now.values[i - 1];
        } else {
            for (size_t j = 1; j < now.values.size() && !add.before; ++j)
                if (contains(was.values, now.values[j])) add.before = now.values[j];
        }
        ctx.change("added value '" + v + "' to enum " + quoted(now.schema, now.name));
        ctx.emit(Phase::CreateEnums, add);
    }
}

void drop_values(Context& ctx, const Enum& was, const Enum& now) {
    for (size_t i = 0; i < was.values.size(); ++i) {
        const std::string& v = was.values[i];
        if (contains(now.values, v)) continue;
        AlterEnumDropValue drop{was.schema, was.name, v, std::nullopt, std::nullopt};
        for (size_t j = i; j-- > 0 && !drop.after;)
            if (contains(now.values, was.values[j])) drop.after = was.values[j];
        for (size_t j = i + 1; j < was.values.size() && !drop.after && !drop.before; ++j)
            if (contains(now.values, was.values[j])) drop.before = was.values[j];
        std::string name = quoted(was.schema, was.name);
        ctx.change("removed value '" + v + "' from enum " + name,
                   "removing value '" + v + "' from enum " + name + " fails if rows still use it");
        ctx.emit(Phase::DropEnums, drop);
    }
}

}  // namespace

void diff_enums(Context& ctx, const Schema& current, const Schema& target) {
    for (const auto& e : target.enums) {
        const Enum* was = current.find_enum(e.schema, e.name);
        if (!was) {
            ctx.change("added enum " + quoted(e.schema, e.name));
            ctx.emit(Phase::CreateEnums, CreateEnum{e});
            continue;
        }
        add_values(ctx, *was, e);
        drop_values(ctx, *was, e);
    }
    for (const auto& e : current.enums) {
        if (target.find_enum(e.schema, e.name)) continue;
        ctx.change("removed enum " + quoted(e.schema, e.name));
        ctx.emit(Phase::DropEnums, DropEnum{e.schema, e.name, e});
    }
}

}  // namespace migrate::diff
