// The schema at a revision (see replay.h): each revision's upgrade operations applied in
// memory with apply_operation, in topological order. An `execute` is followed through
// its declared `effect`; one that applies to the dialect and declares none marks its
// revision "not followed".

#include "core/revision/replay.h"

#include "core/base/errors.h"
#include "core/operations/apply_operation.h"
#include "core/revision/revision_graph.h"
#include "core/revision/revision_loader.h"

namespace migrate {

namespace {

enum class ExecuteFate { Followed, NotFollowed };

// Applies one execute. `dialect` "" (unknown) cannot choose between dialect-specific
// variants, so those are skipped, and reported as not followed when they declare a
// schema change (an empty declared effect is a data migration: nothing to follow).
ExecuteFate apply_execute(Schema& schema, const Execute& e, const std::string& dialect,
                          const NamingConvention& naming) {
    if (!e.dialect.empty() && e.dialect != dialect) {
        if (dialect.empty() && !e.effect.empty()) return ExecuteFate::NotFollowed;
        return ExecuteFate::Followed;
    }
    if (!e.has_effect()) return ExecuteFate::NotFollowed;
    for (const auto& op : e.effect) apply_operation(schema, op, naming);
    return ExecuteFate::Followed;
}

}  // namespace

bool replay_revision(Schema& schema, const Revision& revision, const std::string& dialect,
                     const NamingConvention& naming) {
    if (!revision.operations_loaded)
        throw InternalError("replay needs the operations of " + revision.where() +
                            ", but only its header was loaded");
    bool followed = true;
    for (size_t i = 0; i < revision.upgrade.size(); ++i) {
        const Operation& op = revision.upgrade[i];
        try {
            if (const Execute* e = op.as<Execute>()) {
                if (apply_execute(schema, *e, dialect, naming) == ExecuteFate::NotFollowed)
                    followed = false;
            } else {
                apply_operation(schema, op, naming);
            }
        } catch (const InputError& error) {
            throw InputError(revision.where() + ": upgrade operation " + std::to_string(i + 1) +
                             " (" + describe(op) + "): " + error.what());
        }
    }
    return followed;
}

std::vector<std::string> replay_revisions(Schema& schema, const RevisionGraph& graph,
                                          const std::vector<std::string>& revision_ids,
                                          const std::string& dialect,
                                          const NamingConvention& naming) {
    std::vector<std::string> not_followed;
    for (const auto& id : revision_ids)
        if (!replay_revision(schema, graph.get(id), dialect, naming)) not_followed.push_back(id);
    schema.sort();
    return not_followed;
}

ReplayResult replay_loaded(const RevisionLoader& loader, const std::vector<std::string>& heads,
                           const std::string& dialect, const NamingConvention& naming) {
    ReplayResult result;
    for (const auto& id : loader.graph().applied(heads))
        if (!replay_revision(result.schema, *loader.full(id), dialect, naming))
            result.not_followed.push_back(id);
    result.schema.sort();
    return result;
}

ReplayResult replay_to(const RevisionGraph& graph, const std::vector<std::string>& heads,
                       const std::string& dialect, const NamingConvention& naming) {
    ReplayResult result;
    result.not_followed =
        replay_revisions(result.schema, graph, graph.applied(heads), dialect, naming);
    return result;
}

}  // namespace migrate
