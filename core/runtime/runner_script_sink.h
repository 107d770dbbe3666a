#pragma once
// The script sink (not a public API): the runner loop's plan written as the --sql script
// for a dialect, without a connection. The version tables' CREATEs when the script starts
// from base, then per migration a "-- Running ..." comment, the dialect's BEGIN, the
// operations' SQL, the version-table changes, the log row and COMMIT. The schema before
// each operation (SQLite rebuilds need it) comes from replaying the revisions. For a
// dialect without transactional DDL the script says so at the top, and each operation's
// statements follow a comment numbering it ("-- upgrade operation 2 of 5: ..."), so
// that whoever runs it knows how far a failed migration got.

#include <string>
#include <vector>

#include "core/runtime/runner_offline.h"
#include "core/runtime/runner_sink.h"

namespace migrate::detail {

class ScriptSink : public RunSink {
  public:
    // `rows`: where the script assumes the database stands; `create_tables`: the script
    // starts from base and creates the version tables first.
    ScriptSink(const Dialect& dialect, RevisionLoader& revisions, const OfflineOptions& options,
               std::vector<std::string> rows, bool create_tables);

    std::vector<std::string> start() override;
    void planned(const RunPlan& plan, bool replanned) override;
    void begin_run() override;
    void begin() override { pending_begin_ = true; }  // written with the step's first statement
    bool commit() override;
    bool rollback() override { return true; }
    void finish() override;
    // A script is the only writer of its rows: they never move under it.
    std::vector<std::string> read_rows() override { return rows_; }
    void ensure_version_table() override {}  // the CREATEs open a script from base
    void step_started(const RunStep& step) override;
    void operation(const Revision& revision, Direction direction, size_t index,
                   const Operation& op) override;
    void purge() override;
    void version_changes(const std::vector<VersionChange>& changes) override;
    LogEntry log(LogEntry entry) override;
    void step_done(const RunStep& step) override;
    const Dialect& dialect() const override { return dialect_; }
    // A migration outside a transaction (runs_outside_transaction) on a database with
    // transactional DDL: COMMIT before its operations, BEGIN after them (as Alembic's
    // autocommit_block writes it), each operation numbered.
    void operations_started(const Revision& revision, Direction direction, size_t,
                            size_t total) override;
    void operations_finished() override;

    OfflineScript take();

  private:
    void statement(std::string sql);
    void blank() { out_ += "\n"; }

    const Dialect& dialect_;
    RevisionLoader& revisions_;
    const OfflineOptions& options_;
    VersionTable table_;
    std::vector<std::string> rows_;
    bool create_tables_;
    bool pending_begin_ = false;
    bool run_open_ = false;
    bool open_ = false;        // a BEGIN written and not yet committed
    bool autocommit_ = false;  // the current migration runs outside a transaction
    bool transactional_;       // Capabilities::transactional_ddl
    size_t total_ = 0;         // operations of the current migration
    Schema schema_;
    std::string out_;
    std::vector<std::string> warnings_;
};

}  // namespace migrate::detail
