// Shared by the autogenerate commands (cli/autogenerate_run.h).

#include "cli/autogenerate_run.h"

#include "core/model/model_loader.h"

namespace migrate::cli {

namespace {

nlohmann::json changes_json(const std::vector<Change>& changes) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : changes)
        list.push_back({{"description", c.description},
                        {"destructive", c.destructive},
                        {"warning", c.warning}});
    return list;
}

nlohmann::json ops_json(const Operations& ops) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& op : ops)
        list.push_back({{"operation", op_name(op)}, {"description", describe(op)}});
    return list;
}

const char* state_name(DatabaseState s) {
    switch (s) {
        case DatabaseState::AtHead:
            return "at_head";
        case DatabaseState::Behind:
            return "behind";
        case DatabaseState::Unversioned:
            return "unversioned";
    }
    return "";
}

}  // namespace

AutogenerateRun run_autogenerate(const GlobalOptions& global, bool offline, bool include_drift,
                                 bool missing_is_empty) {
    ScriptProject project = load_script_project(global, LoadMode::Full);
    AutogenerateRun run{std::move(project.settings), std::move(project.script), {}, nullptr, {}};
    const Config& config = run.settings.config();
    run.models = load_models(config.models, config.naming);
    AutogenerateSettings settings = run.settings.autogenerate_settings(include_drift);
    if (offline) {
        // The configured URL's dialect normalises, when there is one (CI runs offline
        // checks without a database, even with `database:` naming an unset variable).
        if (run.settings.database_configured())
            run.dialect = project_database(run.settings).dialect;
        run.report =
            compare_with_revisions(run.models, run.script.graph(), run.dialect.get(), settings);
        return run;
    }
    Database db =
        open_project_database(run.settings, missing_is_empty ? Access::ReadOrEmpty : Access::Read);
    run.report = compare_with_database(run.models, run.script.graph(), *db.dialect, *db.connection,
                                       settings);
    run.dialect = std::move(db.dialect);
    return run;
}

void print_changes(Output& out, const std::vector<Change>& changes, const std::string& indent) {
    for (const auto& c : changes) {
        out.print(indent + "Detected " + c.description);
        if (!c.warning.empty()) out.warning(c.warning);
    }
}

void print_change_warnings(Output& out, const std::vector<Change>& changes) {
    for (const auto& c : changes)
        if (!c.warning.empty()) out.warning(c.warning);
}

void print_drift(Output& out, const AutogenerateReport& report) {
    if (!report.has_drift()) return;
    out.print(
        "Drift: the database differs from what its applied revisions imply "
        "(as a change from the revisions to the database):");
    for (const auto& c : report.drift->changes) out.print("  " + c.description);
}

void print_drift_policy(Output& out, const AutogenerateReport& report) {
    if (!report.has_drift()) return;
    if (report.drift_included) {
        out.warning(
            "the operations also undo the drift above (--include-drift): a database "
            "without it will fail them; review the revision before committing it");
        return;
    }
    out.warning(
        "the drift above is left out of the operations (it is in no revision): add it "
        "to the models and a revision written by hand, list its tables under "
        "`exclude_tables`, or undo it in the database; `--include-drift` writes "
        "operations that undo it");
}

std::vector<std::string> drift_notes(const AutogenerateReport& report) {
    if (!report.drift_included || !report.has_drift()) return {};
    std::vector<std::string> notes = {
        "WARNING: written with --include-drift. Besides the model changes, these operations",
        "undo drift found in the database it was generated against (changes made outside",
        "any revision); a database without that drift will fail them:"};
    for (const auto& c : report.drift->changes) notes.push_back("  " + c.description);
    return notes;
}

void print_unmerged_heads(Output& out, const AutogenerateReport& report) {
    if (report.unmerged_heads.empty()) return;
    std::string heads;
    for (const auto& h : report.unmerged_heads) heads += (heads.empty() ? "" : ", ") + h;
    out.print("FAILED: the revisions have " + std::to_string(report.unmerged_heads.size()) +
              " unmerged heads (" + heads + "): join them with `migrate merge heads -m MSG`");
}

void print_not_managed(Output& out, const AutogenerateReport& report) {
    if (out.quiet()) return;
    for (const auto& o : report.not_managed)
        out.print("Not managed (never dropped): " + o.kind + " '" + o.name + "'");
}

void print_warnings(Output& out, const AutogenerateReport& report) {
    for (const auto& w : report.warnings) out.warning(w);
}

nlohmann::json report_json(const AutogenerateReport& r) {
    nlohmann::json j;
    j["offline"] = r.offline;
    j["database_state"] = state_name(r.state);
    j["database_heads"] = r.database_heads;
    j["heads"] = r.graph_heads;
    j["changes"] = changes_json(r.diff.changes);
    j["upgrade"] = ops_json(r.diff.upgrade);
    j["downgrade"] = ops_json(r.diff.downgrade);
    j["drift"] = r.drift ? changes_json(r.drift->changes) : nlohmann::json::array();
    j["not_managed"] = nlohmann::json::array();
    for (const auto& o : r.not_managed)
        j["not_managed"].push_back({{"kind", o.kind}, {"name", o.name}});
    j["warnings"] = r.warnings;
    j["drift_included"] = r.drift_included;
    j["unmerged_heads"] = r.unmerged_heads;
    return j;
}

}  // namespace migrate::cli
