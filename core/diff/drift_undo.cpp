// Drift undone as dialect-bound `execute` steps (core/diff/drift_undo.h).

#include "core/diff/drift_undo.h"

#include "core/operations/apply_operation.h"

namespace migrate {

namespace {

// One `execute` per statement, rendered from `before` as the database has it.
Operations as_executes(const Dialect& dialect, Schema before, const Operations& ops,
                       const NamingConvention& naming) {
    Operations out;
    for (const auto& op : ops) {
        for (auto& sql : dialect.render(op, RenderContext{before, naming})) {
            Execute e;
            e.sql = std::move(sql);
            e.dialect = dialect.name();
            e.effect_declared = true;  // no change to the schema the revisions imply
            out.push_back(std::move(e));
        }
        apply_operation(before, op, naming);
    }
    return out;
}

}  // namespace

DiffResult drift_undo(const Dialect& dialect, const Schema& reflected, const Schema& replayed,
                      const DiffOptions& options, const NamingConvention& naming) {
    DiffResult undo = diff_schemas(reflected, replayed, options);
    DiffResult out;
    out.upgrade = as_executes(dialect, reflected, undo.upgrade, naming);
    out.downgrade = as_executes(dialect, replayed, undo.downgrade, naming);
    for (auto& c : undo.changes) {
        c.description = "drift to undo: " + c.description;
        out.changes.push_back(std::move(c));
    }
    return out;
}

}  // namespace migrate
