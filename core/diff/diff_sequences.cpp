// Standalone sequences (PostgreSQL). A new sequence is created before the tables whose
// defaults call nextval on it, and a removed one dropped after them; settings are
// compared as effective values (core/schema/sequences.h), so a setting left to its default
// matches the value a database reports. OWNED BY needs the owning column: a new owner
// is set by an alter_sequence after the tables and columns are made, and an owner that
// goes is released first, so that dropping its table does not take the sequence along.

#include "core/diff/diff_context.h"
#include "core/schema/sequences.h"

namespace migrate::diff {

namespace {

// Sets the changed member of `a` and its existing_* twin; describes the change.
void compare(std::int64_t was, std::int64_t now, const char* label, std::optional<std::int64_t>& to,
             std::optional<std::int64_t>& existing, std::vector<std::string>& what) {
    if (was == now) return;
    to = now;
    existing = was;
    what.push_back(std::string(label) + " " + std::to_string(was) + " -> " + std::to_string(now));
}

std::string joined(const std::vector<std::string>& parts) {
    std::string s;
    for (const auto& p : parts) s += (s.empty() ? "" : ", ") + p;
    return s;
}

AlterSequence alter(const Sequence& q) { return AlterSequence{.schema = q.schema, .name = q.name}; }

void own(Context& ctx, const Sequence& q) {
    AlterSequence a = alter(q);
    a.owned_by = q.owned_by;
    a.existing_owned_by = std::optional<std::string>();
    ctx.emit(Phase::OwnSequences, a);
}

void changed(Context& ctx, const Sequence& was, const Sequence& now) {
    SequenceSettings w = effective_settings(was), n = effective_settings(now);
    AlterSequence a = alter(now);
    std::vector<std::string> what;
    compare(w.start, n.start, "start", a.start, a.existing_start, what);
    compare(w.increment, n.increment, "increment", a.increment, a.existing_increment, what);
    compare(w.min_value, n.min_value, "min_value", a.min_value, a.existing_min_value, what);
    compare(w.max_value, n.max_value, "max_value", a.max_value, a.existing_max_value, what);
    compare(w.cache, n.cache, "cache", a.cache, a.existing_cache, what);
    if (w.cycle != n.cycle) {
        a.cycle = n.cycle;
        a.existing_cycle = w.cycle;
        what.push_back(n.cycle ? "cycle" : "no cycle");
    }
    bool new_owner = was.owned_by != now.owned_by;
    if (new_owner) what.push_back("owned by " + now.owned_by.value_or("none"));
    if (new_owner && was.owned_by) {
        a.owned_by = std::optional<std::string>();
        a.existing_owned_by = was.owned_by;
    }
    if (what.empty()) return;
    ctx.change("changed sequence " + quoted(now.schema, now.name) + ": " + joined(what));
    if (!a.changes_nothing()) ctx.emit(Phase::CreateSequences, a);
    if (new_owner && now.owned_by) own(ctx, now);
}

void removed(Context& ctx, const Sequence& q) {
    ctx.change("removed sequence " + quoted(q.schema, q.name));
    Sequence existing = q;
    if (q.owned_by) {
        AlterSequence release = alter(q);
        release.owned_by = std::optional<std::string>();
        release.existing_owned_by = q.owned_by;
        ctx.emit(Phase::CreateSequences, release);
        existing.owned_by.reset();
    }
    ctx.emit(Phase::DropSequences, DropSequence{q.schema, q.name, existing});
}

}  // namespace

void diff_sequences(Context& ctx, const Schema& current, const Schema& target) {
    for (const auto& q : target.sequences) {
        if (const Sequence* was = current.find_sequence(q.schema, q.name)) {
            changed(ctx, *was, q);
            continue;
        }
        ctx.change("added sequence " + quoted(q.schema, q.name));
        Sequence created = q;
        created.owned_by.reset();
        ctx.emit(Phase::CreateSequences, CreateSequence{created});
        if (q.owned_by) own(ctx, q);
    }
    for (const auto& q : current.sequences)
        if (!target.find_sequence(q.schema, q.name)) removed(ctx, q);
}

}  // namespace migrate::diff
