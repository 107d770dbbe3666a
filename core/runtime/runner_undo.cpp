// The undo of a failed migration on a database without transactional DDL (StepByStep in
// runner_internal.h): the applied operations by their reverses, newest first, each
// rendered against the live schema as it stands before it; and what the statements of a
// failed multi-statement operation did, by comparing the database with the schema
// before it (only removals of what the operation created are undone that way).

#include "core/base/errors.h"
#include "core/diff/differ.h"
#include "core/runtime/runner_internal.h"

namespace migrate::detail {

namespace {

bool is_removal(const Operation& op) {
    return op.is<DropTable>() || op.is<DropColumn>() || op.is<DropIndex>() ||
           op.is<DropConstraint>() || op.is<DropEnum>() || op.is<DropSequence>();
}

}  // namespace

StepByStep::Undo StepByStep::undo(const Operations& ops, size_t to, LiveSchema& schema) {
    Undo u;
    Direction direction = current_.direction;
    for (size_t i = std::min(current_.done, ops.size()); i-- > to;) {
        const Operation& op = ops[i];
        std::string place = std::string(to_string(direction)) + " operation " +
                            std::to_string(i + 1) + " (" + describe(op) + ")";
        if (!skipped_on(op, ctx_.dialect.name())) {
            std::optional<Operation> back;
            try {
                back = reverse(op);
            } catch (const InputError& e) {
                u.blocker = "undoing " + place + " is not possible: " + e.what();
                return u;
            }
            std::vector<std::string> statements;
            size_t ran = 0;
            try {
                const Schema& now = schema.get();
                statements = ctx_.dialect.render(
                    *back, RenderContext{now, ctx_.options.naming, &schema.objects()});
                for (; ran < statements.size(); ++ran) ctx_.connection.execute(statements[ran]);
            } catch (const Error& e) {
                u.blocker = "undoing " + place + " failed";
                if (ran > 0)
                    u.blocker += " after " + std::to_string(ran) + " of its statements ran";
                if (ran < statements.size()) u.blocker += "\n  SQL: " + statements[ran];
                u.blocker += "\n  database said: " + std::string(e.what());
                return u;
            }
            schema.apply(*back);
        }
        current_.done = i;
        progress();
        u.undone.push_back(place);
    }
    return u;
}

std::string StepByStep::undo_statements(const Schema& before, LiveSchema& schema) {
    try {
        schema.invalidate();
        DiffOptions options;
        options.dialect = &ctx_.dialect;
        options.include_schemas = ctx_.options.include_schemas;
        options.hidden_tables = ctx_.version_table.hidden_tables();
        options.naming = ctx_.options.naming;
        DiffResult back = diff_schemas(schema.get(), before, options);
        for (const auto& op : back.upgrade)
            if (!is_removal(op))
                return "what they did cannot be undone automatically (it would take: " +
                       describe(op) + ")";
        for (const auto& op : back.upgrade) {
            const Schema& now = schema.get();
            for (const auto& sql : ctx_.dialect.render(
                     op, RenderContext{now, ctx_.options.naming, &schema.objects()}))
                ctx_.connection.execute(sql);
            schema.apply(op);
        }
        schema.invalidate();
        return "";
    } catch (const Error& e) {
        return "undoing what they did failed: " + std::string(e.what());
    }
}

}  // namespace migrate::detail
