// Autogenerate reports (core/runtime/autogenerate.h): the online comparison (version table,
// reflection, drift, the runner's checksum check) and the offline one (replay of the heads).

#include "core/runtime/autogenerate.h"

#include <algorithm>

#include "core/base/text.h"
#include "core/diff/drift_undo.h"
#include "core/operations/apply_operation.h"
#include "core/revision/replay.h"
#include "core/runtime/checksum_check.h"

namespace migrate {

namespace {

DiffOptions diff_options(const Dialect* dialect, const AutogenerateSettings& s,
                         const VersionTable* vt) {
    DiffOptions o;
    o.dialect = dialect;
    o.exclude_tables = s.exclude_tables;
    o.include_schemas = s.include_schemas;
    o.naming = s.naming;
    if (vt)
        o.hidden_tables = vt->hidden_tables();
    else
        o.hidden_tables = {s.version_table.table, s.version_table.log_table()};
    return o;
}

void warn_not_followed(AutogenerateReport& report, const std::vector<std::string>& ids,
                       const std::string& what) {
    for (const auto& id : ids)
        report.warnings.push_back("revision '" + id +
                                  "' has an `execute` without a declared `effect`: " + what +
                                  " cannot follow what its SQL did to the schema");
}

// A dialect without identity columns autoincrements only a table's one-column integer
// key: the flag anywhere else is kept in the revisions but has no effect there.
void warn_ignored_autoincrement(AutogenerateReport& report, const Schema& models,
                                const Dialect* dialect) {
    if (!dialect || dialect->capabilities().identity_columns) return;
    for (const auto& t : models.tables)
        for (const auto& c : t.columns)
            if (c.autoincrement && !t.is_sole_integer_key(c))
                report.warnings.push_back(
                    "column '" + t.qualified_name() + "." + c.name + "' has autoincrement, which " +
                    dialect->name() +
                    " cannot honour (only a table's one-column integer primary key "
                    "autoincrements there): inserts must give it a value");
}

bool known_rows(const RevisionGraph& graph, const std::vector<std::string>& rows) {
    return std::all_of(rows.begin(), rows.end(),
                       [&](const std::string& r) { return graph.find(r) != nullptr; });
}

DatabaseState state_of(bool versioned, const std::vector<std::string>& rows,
                       const RevisionGraph& graph, const Schema& reflected) {
    if (!versioned && !reflected.tables.empty()) return DatabaseState::Unversioned;
    return graph.at_heads(rows) ? DatabaseState::AtHead : DatabaseState::Behind;
}

// Drift and checksums, for a database under version control. When the database is at
// head and the replay followed every revision, the models are diffed against the
// replayed schema instead of the reflected one: the changes the models make to what the
// revisions imply, with existing_* details in the model vocabulary ("true", not SQLite's
// "1"), so online and --offline runs write byte-identical files, and drift (an index made
// by hand) stays out of the revision unless settings.include_drift. Returns whether it
// did so.
bool compare_with_revisions_applied(AutogenerateReport& report, const Schema& models,
                                    const RevisionGraph& graph, const Dialect& dialect,
                                    Connection& connection, const AutogenerateSettings& settings,
                                    const DiffOptions& options) {
    ReplayResult replayed =
        replay_to(graph, report.database_heads, dialect.name(), settings.naming);
    warn_not_followed(report, replayed.not_followed, "drift detection");
    report.drift = diff_schemas(replayed.schema, report.current, options);
    RevisionLoader loader(graph, settings.naming);
    for (const auto& c :
         find_changed_revisions(dialect, connection, settings.version_table, loader))
        report.warnings.push_back(changed_revision_warning(c));
    if (!report.at_head() || !replayed.not_followed.empty()) return false;
    DiffOptions full = options;
    full.full_fidelity = true;  // revisions vs models: comments and enums always
    report.diff = diff_schemas(replayed.schema, models, full);
    // Drift is never folded into a revision unless asked for: the revision turns what the
    // revisions imply into the models, so it applies to every database at this head.
    if (settings.include_drift && !report.drift->empty()) {
        DiffResult undo =
            drift_undo(dialect, report.current, replayed.schema, options, settings.naming);
        report.diff.upgrade.insert(report.diff.upgrade.begin(), undo.upgrade.begin(),
                                   undo.upgrade.end());
        report.diff.downgrade.insert(report.diff.downgrade.end(), undo.downgrade.begin(),
                                     undo.downgrade.end());
        report.diff.changes.insert(report.diff.changes.begin(), undo.changes.begin(),
                                   undo.changes.end());
        report.drift_included = true;
    }
    report.current = std::move(replayed.schema);
    return true;
}

}  // namespace

std::string AutogenerateReport::state_message() const {
    switch (state) {
        case DatabaseState::AtHead:
            return "the database is at head (" + join_or(database_heads, "base") + ")";
        case DatabaseState::Behind:
            if (!partial.empty()) {
                std::string out = "the database is not at head: ";
                for (const auto& p : partial) out += p;
                return out;
            }
            // With several heads `upgrade head` is ambiguous: name the command that works.
            return "the database is behind head (at " + join_or(database_heads, "base") +
                   ", head " + join_or(graph_heads, "base") + "): run `migrate upgrade " +
                   (graph_heads.size() > 1 ? "heads" : "head") + "` first";
        case DatabaseState::Unversioned:
            return "the database is not under version control (it has tables but no version "
                   "table): stamp it "
                   "with `migrate stamp head` if it matches the revisions, or compare with "
                   "--offline";
    }
    return {};
}

AutogenerateReport compare_with_database(const Schema& models, const RevisionGraph& graph,
                                         const Dialect& dialect, Connection& connection,
                                         const AutogenerateSettings& settings) {
    VersionTable vt(dialect, settings.version_table);
    AutogenerateReport report;
    report.graph_heads = graph.real_heads();
    report.unmerged_heads = graph.unmerged_heads();
    bool versioned = vt.exists(connection);
    if (versioned) report.database_heads = vt.read_heads(connection);
    warn_ignored_autoincrement(report, models, &dialect);

    ReflectOptions ro{settings.include_schemas, settings.exclude_tables, vt.hidden_tables()};
    Reflection reflection = dialect.reflect(connection, ro);
    report.not_managed = std::move(reflection.unmanaged);
    report.state = state_of(versioned, report.database_heads, graph, reflection.schema);
    if (versioned) {
        RevisionLoader loader(graph, settings.naming);
        for (const auto& p : vt.read_partial(connection))
            report.partial.push_back(
                partial_status(p, loader, report.database_heads, dialect.name()));
        if (!report.partial.empty()) report.state = DatabaseState::Behind;
    }
    report.current = std::move(reflection.schema);
    DiffOptions options = diff_options(&dialect, settings, &vt);
    if (versioned && known_rows(graph, report.database_heads) &&
        compare_with_revisions_applied(report, models, graph, dialect, connection, settings,
                                       options))
        return report;
    // Otherwise the models against the reflected database. One with nothing in it and no
    // revisions is what an empty replay gives: nothing the dialect cannot store was
    // lost, so compare with full fidelity.
    options.full_fidelity =
        graph.size() == 0 && report.current.tables.empty() && report.current.enums.empty();
    report.diff = diff_schemas(report.current, models, options);
    return report;
}

AutogenerateReport compare_with_revisions(const Schema& models, const RevisionGraph& graph,
                                          const Dialect* dialect,
                                          const AutogenerateSettings& settings) {
    AutogenerateReport report;
    warn_ignored_autoincrement(report, models, dialect);
    report.offline = true;
    report.graph_heads = graph.real_heads();
    report.unmerged_heads = graph.unmerged_heads();
    report.database_heads = report.graph_heads;
    ReplayResult replayed =
        replay_to(graph, report.graph_heads, dialect ? dialect->name() : "", settings.naming);
    warn_not_followed(report, replayed.not_followed, "--offline");
    DiffOptions options = diff_options(dialect, settings, nullptr);
    options.full_fidelity = true;  // revisions vs models: comments and enums always
    report.diff = diff_schemas(replayed.schema, models, options);
    report.current = std::move(replayed.schema);
    return report;
}

std::vector<std::string> render_operations(const Dialect& dialect, Schema before,
                                           const Operations& ops, const NamingConvention& naming) {
    std::vector<std::string> sql;
    for (const auto& op : ops) {
        for (auto& s : dialect.render(op, RenderContext{before, naming}))
            sql.push_back(std::move(s));
        apply_operation(before, op, naming);
    }
    return sql;
}

}  // namespace migrate
