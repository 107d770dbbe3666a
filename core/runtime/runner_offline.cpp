// Offline scripts (runner_offline.h): the range read, then the one runner loop run into
// the script sink (runner_script_sink.h).

#include "core/runtime/runner_offline.h"

#include "core/base/errors.h"
#include "core/runtime/runner_script_sink.h"

namespace migrate {

namespace {

struct Range {
    std::vector<std::string> from;  // the version table's rows at the start
    std::string to;
};

Range split_range(const RevisionGraph& graph, const std::string& range, bool from_required,
                  const std::string& command) {
    auto colon = range.find(':');
    if (colon == std::string::npos) {
        if (from_required)
            throw InputError(
                command +
                " --sql needs a range FROM:TO (there is no database to say where it stands), "
                "e.g. `migrate " +
                command + " head:base --sql`");
        return {{}, range};
    }
    std::string from = range.substr(0, colon), to = range.substr(colon + 1);
    if (from.empty() || to.empty())
        throw InputError("bad range '" + range + "': give both ends, FROM:TO (e.g. base:head)");
    return {graph.resolve(from).revisions, to};
}

OfflineScript write_script(const Dialect& dialect, RevisionLoader& revisions, const Range& range,
                           const detail::RunRequest& request, const OfflineOptions& options,
                           bool create_tables) {
    detail::ScriptSink sink(dialect, revisions, options, range.from, create_tables);
    detail::run_plan(sink, revisions, request);
    return sink.take();
}

}  // namespace

OfflineScript offline_upgrade(const Dialect& dialect, RevisionLoader& revisions,
                              const std::string& range, const OfflineOptions& options) {
    Range r = split_range(revisions.graph(), range, false, "upgrade");
    detail::RunRequest request{detail::RunKind::Upgrade, r.to, false,
                               options.transaction_per_migration};
    return write_script(dialect, revisions, r, request, options, r.from.empty());
}

OfflineScript offline_downgrade(const Dialect& dialect, RevisionLoader& revisions,
                                const std::string& range, const OfflineOptions& options) {
    Range r = split_range(revisions.graph(), range, true, "downgrade");
    detail::RunRequest request{detail::RunKind::Downgrade, r.to, false,
                               options.transaction_per_migration};
    return write_script(dialect, revisions, r, request, options, false);
}

OfflineScript offline_stamp(const Dialect& dialect, RevisionLoader& revisions,
                            const std::vector<std::string>& ranges, bool purge,
                            const OfflineOptions& options) {
    Range r = split_range(revisions.graph(), ranges.at(0), false, "stamp");
    std::string from = ranges[0].substr(0, ranges[0].find(':'));
    detail::RunRequest request{detail::RunKind::Stamp, r.to, purge,
                               options.transaction_per_migration};
    for (size_t i = 1; i < ranges.size(); ++i) {
        Range more = split_range(revisions.graph(), ranges[i], false, "stamp");
        bool has_from = ranges[i].find(':') != std::string::npos;
        if (has_from && ranges[i].substr(0, ranges[i].find(':')) != from)
            throw InputError("stamp --sql: '" + ranges[i] +
                             "' starts from another revision than '" + ranges[0] +
                             "'; give every target the same FROM");
        request.more_targets.push_back(more.to);
    }
    return write_script(dialect, revisions, r, request, options, r.from.empty());
}

}  // namespace migrate
