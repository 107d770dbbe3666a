#pragma once
// The version table (one row per applied head, as Alembic keeps it) and the log table
// beside it (one row per applied step, with the checksum of what was applied). Every
// statement exists twice: run on a connection with bound parameters, or rendered as
// literal SQL for offline (--sql) scripts.

#include <optional>
#include <string>
#include <vector>

#include "core/dialect/dialect.h"
#include "core/runtime/partial_step.h"

namespace migrate {

struct VersionTableNames {
    std::string schema;  // "" = the default schema
    std::string table = "migrate_version";
    std::string log_table() const { return table + "_log"; }
};

struct LogEntry {
    std::string revision;
    std::string direction;   // "upgrade", "downgrade", "stamp"
    std::string checksum;    // of the operations applied ("" for stamp)
    std::string applied_at;  // ISO 8601 UTC
    long long duration_ms = 0;
    std::string tool_version;
};

class VersionTable {
  public:
    VersionTable(const Dialect& dialect, VersionTableNames names);

    const VersionTableNames& names() const { return names_; }

    // CREATE statements for both tables (offline scripts, and ensure()).
    std::vector<std::string> create_sql() const;
    bool exists(Connection& connection) const;
    // Creates both tables when missing (inside the caller's transaction).
    void ensure(Connection& connection) const;

    // The recorded heads, sorted; empty when the table is missing or empty.
    std::vector<std::string> read_heads(Connection& connection) const;
    // The latest upgrade entry per revision, for checksum comparisons.
    std::vector<LogEntry> read_latest_upgrades(Connection& connection) const;

    void insert_head(Connection& connection, const std::string& revision) const;
    void delete_head(Connection& connection, const std::string& revision) const;
    void update_head(Connection& connection, const std::string& from, const std::string& to) const;
    void delete_all(Connection& connection) const;
    void append_log(Connection& connection, const LogEntry& entry) const;

    // Partial steps (core/runtime/partial_step.h; databases without transactional DDL):
    // the log rows whose direction is "partial", oldest first.
    std::vector<PartialStep> read_partial(Connection& connection) const;
    // Inserts the revision's partial row, or updates it when `exists`.
    void write_partial(Connection& connection, const PartialStep& partial, bool exists,
                       const std::string& applied_at, const std::string& tool_version) const;
    void delete_partial(Connection& connection, const std::string& revision) const;
    void delete_all_partial(Connection& connection) const;

    // The same changes as literal SQL for offline scripts.
    std::string insert_head_sql(const std::string& revision) const;
    std::string delete_head_sql(const std::string& revision) const;
    std::string update_head_sql(const std::string& from, const std::string& to) const;
    std::string delete_all_sql() const;
    std::string append_log_sql(const LogEntry& entry) const;

    // Table names the differ and reflection must never report.
    std::vector<std::string> hidden_tables() const { return {names_.table, names_.log_table()}; }

  private:
    bool log_exists(Connection& connection) const;
    std::string qualified(const std::string& table) const;

    const Dialect& dialect_;
    VersionTableNames names_;
};

}  // namespace migrate
