// A migration operation by operation on a database without transactional DDL
// (StepByStep in runner_internal.h): progress in the partial row as it goes, the undo on
// a failure (runner_undo.cpp), and the words the error ends with.

#include "core/base/errors.h"
#include "core/revision/revision_file.h"
#include "core/runtime/runner_internal.h"

namespace migrate::detail {

namespace {

const Operations& operations_of(const Revision& revision, Direction direction) {
    return direction == Direction::Upgrade ? revision.upgrade : revision.downgrade;
}

std::string capitalized(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = char(text[0] - 'a' + 'A');
    return text;
}

}  // namespace

void StepByStep::start(const Revision& revision, Direction direction, size_t first, size_t total,
                       const std::string& applied_at) {
    revision_ = &revision;
    current_ = PartialStep{revision.id, direction, first, total};
    first_ = first;
    applied_at_ = applied_at;
    failed_ = false;
    undoing_partial_ = false;
    blocker_.clear();
    undone_.clear();
    row_exists_ = false;
    for (const auto& p : partial_) {
        if (p.revision != revision.id) continue;
        row_exists_ = true;
        if (p.total != total && first > 0) progress();  // the file changed: count it anew
    }
}

void StepByStep::progress() {
    if (current_.done == 0) {
        if (row_exists_) ctx_.version_table.delete_partial(ctx_.connection, current_.revision);
        row_exists_ = false;
        return;
    }
    ctx_.version_table.write_partial(ctx_.connection, current_, row_exists_, applied_at_,
                                     ctx_.options.tool_version);
    row_exists_ = true;
}

void StepByStep::operation(const Revision& revision, Direction direction, size_t index,
                           const Operation& op, LiveSchema& schema) {
    const Operations& ops = operations_of(revision, direction);
    std::vector<std::string> statements;
    try {
        statements = render_operation(ctx_, revision, direction, index, op, schema);
    } catch (const DatabaseError&) {
        Undo u = undo(ops, first_, schema);
        fail(u.blocker, std::move(u.undone));
        throw;
    }
    // The schema before a multi-statement operation: what its statements that ran did is
    // undone by comparing the database with it.
    std::optional<Schema> before;
    if (statements.size() > 1) before = schema.get();
    for (size_t j = 0; j < statements.size(); ++j) {
        try {
            ctx_.connection.execute(statements[j]);
        } catch (const DatabaseError& e) {
            std::string place = operation_place(revision, direction, index, op);
            std::string blocker = j > 0 ? undo_statements(*before, schema) : "";
            if (!blocker.empty())
                blocker = std::string(to_string(direction)) + " operation " +
                          std::to_string(index + 1) + " was partly applied (" + std::to_string(j) +
                          " of " + std::to_string(statements.size()) + " statements ran) and " +
                          blocker;
            Undo u = blocker.empty() ? undo(ops, first_, schema) : Undo{blocker, {}};
            fail(u.blocker, std::move(u.undone));
            throw statement_failed(place, statements[j], e);
        }
    }
    schema.apply(op);
    current_.done = index + 1;
    progress();
}

void StepByStep::finished() {
    if (row_exists_) ctx_.version_table.delete_partial(ctx_.connection, current_.revision);
    row_exists_ = false;
    revision_ = nullptr;  // the run drops the revision after its step
    std::erase_if(partial_, [&](const PartialStep& p) { return p.revision == current_.revision; });
}

void StepByStep::undo_partial(const Revision& revision, const PartialStep& partial,
                              LiveSchema& schema, const std::string& applied_at) {
    start(revision, partial.direction, partial.done, partial.total, applied_at);
    undoing_partial_ = true;
    current_ = partial;
    const Operations& ops = operations_of(revision, partial.direction);
    std::string blocker = partial_undo_blocker(partial, revision, ctx_.dialect.name());
    if (partial.done > ops.size())
        blocker = revision.where() + " now has " + std::to_string(ops.size()) + " " +
                  to_string(partial.direction) + " operations, fewer than the " +
                  std::to_string(partial.done) + " applied";
    Undo u = blocker.empty() ? undo(ops, 0, schema) : Undo{blocker, {}};
    if (u.blocker.empty()) return;
    fail(u.blocker, std::move(u.undone));
    throw DatabaseError("cannot undo the partial " + std::string(to_string(partial.direction)) +
                        " of " + revision.where());
}

void StepByStep::fail(const std::string& blocker, std::vector<std::string> undone) {
    failed_ = true;
    blocker_ = blocker;
    undone_ = std::move(undone);
}

std::string StepByStep::note(const std::string& rows) const {
    std::string undone;
    for (const auto& u : undone_) undone += (undone.empty() ? "" : "; ") + u;
    if (failed_ && blocker_.empty()) {
        std::string out = "\nThe migration was rolled back; the database stays at " + rows;
        if (current_.done > 0) out += ", where " + current_.describe();
        out += ".";
        if (!undone.empty())
            out +=
                "\n  Without transactional DDL, it was undone operation by operation, newest "
                "first: " +
                undone + ".";
        return out;
    }
    std::string head = undoing_partial_ ? "\nThe partial step could not be undone: "
                                        : "\nThe migration could not be rolled back: ";
    if (!failed_) head = "\n";  // it failed after its operations (the version table)
    std::string out = head + (failed_ ? blocker_ + "\n" : "");
    if (!undone.empty()) out += "  Undone before that: " + undone + ".\n";
    std::string undo_blocker = blocker_;
    if (revision_) undo_blocker = partial_undo_blocker(current_, *revision_, ctx_.dialect.name());
    if (!undo_blocker.empty() && failed_ &&
        blocker_.find(undo_blocker.substr(undo_blocker.find(':') + 2)) != std::string::npos)
        undo_blocker = "see above";
    return out + capitalized(current_.describe()) + "; the database stays at " + rows +
           " with it.\n" + partial_way_on(current_, rows, undo_blocker);
}

}  // namespace migrate::detail
