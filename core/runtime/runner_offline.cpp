// Offline scripts (runner_offline.h).

#include "core/runtime/runner_offline.h"

#include "core/operations/apply_operation.h"
#include "core/revision/checksum.h"
#include "core/base/errors.h"
#include "core/revision/replay.h"
#include "core/runtime/runner.h"

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

class ScriptWriter {
  public:
    ScriptWriter(const Dialect& dialect, const OfflineOptions& options)
        : dialect_(dialect), options_(options), table_(dialect, options.version_table) {}

    void statement(std::string sql) {
        while (!sql.empty() && (sql.back() == '\n' || sql.back() == ' ')) sql.pop_back();
        out_ += sql + (sql.ends_with(";") ? "\n" : ";\n");
    }
    void blank() { out_ += "\n"; }
    void comment(const std::string& text) { out_ += "-- " + text + "\n"; }
    void create_tables() {
        for (const auto& s : table_.create_sql()) statement(s);
        blank();
    }
    void begin() { statement(dialect_.begin_sql()); }
    void commit() { statement(dialect_.commit_sql()); }
    void version_changes(const std::vector<VersionChange>& changes) {
        for (const auto& c : changes) {
            if (c.kind == VersionChange::Kind::Insert) statement(table_.insert_head_sql(c.to));
            if (c.kind == VersionChange::Kind::Delete) statement(table_.delete_head_sql(c.from));
            if (c.kind == VersionChange::Kind::Update)
                statement(table_.update_head_sql(c.from, c.to));
        }
    }
    void log(const std::string& revision, const std::string& direction,
             const std::string& checksum) {
        statement(table_.append_log_sql(
            LogEntry{revision, direction, checksum, options_.now, 0, options_.tool_version}));
    }
    const VersionTable& table() const { return table_; }
    std::string take() { return std::move(out_); }

  private:
    const Dialect& dialect_;
    const OfflineOptions& options_;
    VersionTable table_;
    std::string out_;
};

void write_operations(ScriptWriter& w, const Dialect& dialect, const Revision& revision,
                      Direction direction, Schema& schema, const NamingConvention& naming) {
    const Operations& ops = direction == Direction::Upgrade ? revision.upgrade : revision.downgrade;
    for (size_t i = 0; i < ops.size(); ++i) {
        try {
            for (const auto& sql : dialect.render(ops[i], RenderContext{schema, naming}))
                w.statement(sql);
            apply_operation(schema, ops[i], naming);
        } catch (const InputError& e) {
            throw InputError(revision.where() + ", " + to_string(direction) + " operation " +
                             std::to_string(i + 1) + " (" + describe(ops[i]) + "): " + e.what());
        }
    }
}

OfflineScript write_plan(const Dialect& dialect, RevisionLoader& revisions, const Plan& plan,
                         const OfflineOptions& options, bool create_tables) {
    const RevisionGraph& graph = revisions.graph();
    OfflineScript script;
    // The schema where the plan starts, replayed one revision at a time: each is read
    // in full, applied and dropped, as are the plan's own steps below.
    Schema schema;
    for (const auto& id : graph.applied(plan.heads_before))
        if (!replay_revision(schema, *revisions.full(id), dialect.name(), options.naming))
            script.warnings.push_back("revision " + id +
                                      " has an execute without a declared effect: the schema the "
                                      "script assumes after it may be incomplete");
    schema.sort();
    ScriptWriter w(dialect, options);
    if (create_tables) w.create_tables();
    if (!options.transaction_per_migration && !plan.steps.empty()) w.begin(), w.blank();
    for (const auto& step : plan.steps) {
        std::shared_ptr<const Revision> revision = revisions.full(step.revision->id);
        const Revision& r = *revision;
        w.comment(progress_line(step));
        if (options.transaction_per_migration) w.begin();
        write_operations(w, dialect, r, step.direction, schema, options.naming);
        w.version_changes(step.version_changes);
        w.log(r.id, to_string(step.direction), revision_checksum(r));
        if (options.transaction_per_migration) w.commit();
        w.blank();
    }
    if (!options.transaction_per_migration && !plan.steps.empty()) w.commit();
    script.sql = w.take();
    return script;
}

}  // namespace

OfflineScript offline_upgrade(const Dialect& dialect, RevisionLoader& revisions,
                              const std::string& range, const OfflineOptions& options) {
    const RevisionGraph& graph = revisions.graph();
    Range r = split_range(graph, range, false, "upgrade");
    return write_plan(dialect, revisions, graph.plan_upgrade(r.from, r.to), options,
                      r.from.empty());
}

OfflineScript offline_downgrade(const Dialect& dialect, RevisionLoader& revisions,
                                const std::string& range, const OfflineOptions& options) {
    const RevisionGraph& graph = revisions.graph();
    Range r = split_range(graph, range, true, "downgrade");
    return write_plan(dialect, revisions, graph.plan_downgrade(r.from, r.to), options, false);
}

OfflineScript offline_stamp(const Dialect& dialect, RevisionLoader& revisions,
                            const std::string& range, bool purge, const OfflineOptions& options) {
    const RevisionGraph& graph = revisions.graph();
    Range r = split_range(graph, range, false, "stamp");
    ScriptWriter w(dialect, options);
    if (r.from.empty()) w.create_tables();
    w.begin();
    if (purge || !r.from.empty()) w.statement(w.table().delete_all_sql());
    for (const auto& id : graph.resolve(r.to, r.from).revisions) {
        w.statement(w.table().insert_head_sql(id));
        w.log(id, "stamp", "");
    }
    w.commit();
    return {w.take(), {}};
}

}  // namespace migrate
