#include "core/runtime/version_table.h"

#include <algorithm>

namespace migrate {

namespace {

Column text_column(const std::string& name, int length, bool nullable = false) {
    Column c;
    c.name = name;
    c.type = ColumnType::of(TypeKind::String);
    c.type.length = length;
    c.nullable = nullable;
    return c;
}

}  // namespace

VersionTable::VersionTable(const Dialect& dialect, VersionTableNames names)
    : dialect_(dialect), names_(std::move(names)) {}

std::string VersionTable::qualified(const std::string& table) const {
    std::string q = dialect_.quote_identifier(table);
    return names_.schema.empty() ? q : dialect_.quote_identifier(names_.schema) + "." + q;
}

std::vector<std::string> VersionTable::create_sql() const {
    Table version;
    version.schema = names_.schema;
    version.name = names_.table;
    version.columns.push_back(text_column("version_num", 255));
    version.primary_key = PrimaryKey{names_.table + "_pkc", {"version_num"}};

    Table log;
    log.schema = names_.schema;
    log.name = names_.log_table();
    Column id;
    id.name = "id";
    id.type = ColumnType::of(TypeKind::Integer);
    id.nullable = false;
    id.autoincrement = true;
    log.columns.push_back(id);
    log.columns.push_back(text_column("revision", 255));
    log.columns.push_back(text_column("direction", 16));
    log.columns.push_back(text_column("checksum", 80, true));
    log.columns.push_back(text_column("applied_at", 32));
    Column duration;
    duration.name = "duration_ms";
    duration.type = ColumnType::of(TypeKind::BigInt);
    duration.nullable = false;
    log.columns.push_back(duration);
    log.columns.push_back(text_column("tool_version", 32));
    log.primary_key = PrimaryKey{names_.log_table() + "_pkc", {"id"}};

    Schema empty;
    NamingConvention naming;
    RenderContext ctx{empty, naming};
    std::vector<std::string> sql;
    for (const Table* t : {&version, &log}) {
        auto statements = dialect_.render(CreateTable{*t}, ctx);
        sql.insert(sql.end(), statements.begin(), statements.end());
    }
    return sql;
}

bool VersionTable::exists(Connection& connection) const {
    return dialect_.table_exists(connection, names_.schema, names_.table);
}

void VersionTable::ensure(Connection& connection) const {
    if (exists(connection)) {
        if (!dialect_.table_exists(connection, names_.schema, names_.log_table())) {
            auto sql = create_sql();
            for (size_t i = sql.size() / 2; i < sql.size(); ++i) connection.execute(sql[i]);
        }
        return;
    }
    for (const auto& s : create_sql()) connection.execute(s);
}

std::vector<std::string> VersionTable::read_heads(Connection& connection) const {
    if (!exists(connection)) return {};
    auto result = connection.query("SELECT version_num FROM " + qualified(names_.table));
    std::vector<std::string> heads;
    for (const auto& row : result.rows)
        if (row[0]) heads.push_back(*row[0]);
    std::sort(heads.begin(), heads.end());
    return heads;
}

std::vector<LogEntry> VersionTable::read_latest_upgrades(Connection& connection) const {
    if (!dialect_.table_exists(connection, names_.schema, names_.log_table())) return {};
    std::string log = qualified(names_.log_table());
    auto result = connection.query(
        "SELECT revision, direction, checksum, applied_at, duration_ms, tool_version FROM " + log +
        " WHERE id IN (SELECT max(id) FROM " + log +
        " WHERE direction = 'upgrade' GROUP BY revision)"
        " ORDER BY id");
    std::vector<LogEntry> entries;
    for (const auto& row : result.rows) {
        LogEntry e;
        e.revision = row[0].value_or("");
        e.direction = row[1].value_or("");
        e.checksum = row[2].value_or("");
        e.applied_at = row[3].value_or("");
        e.duration_ms = row[4] ? std::stoll(*row[4]) : 0;
        e.tool_version = row[5].value_or("");
        entries.push_back(std::move(e));
    }
    return entries;
}

void VersionTable::insert_head(Connection& connection, const std::string& revision) const {
    connection.query("INSERT INTO " + qualified(names_.table) + " (version_num) VALUES ($1)",
                     {revision});
}

void VersionTable::delete_head(Connection& connection, const std::string& revision) const {
    connection.query("DELETE FROM " + qualified(names_.table) + " WHERE version_num = $1",
                     {revision});
}

void VersionTable::update_head(Connection& connection, const std::string& from,
                               const std::string& to) const {
    connection.query(
        "UPDATE " + qualified(names_.table) + " SET version_num = $1 WHERE version_num = $2",
        {to, from});
}

void VersionTable::delete_all(Connection& connection) const {
    connection.execute("DELETE FROM " + qualified(names_.table));
}

void VersionTable::append_log(Connection& connection, const LogEntry& e) const {
    connection.query("INSERT INTO " + qualified(names_.log_table()) +
                         " (revision, direction, checksum, applied_at, duration_ms, tool_version)"
                         " VALUES ($1, $2, $3, $4, $5, $6)",
                     {e.revision, e.direction, e.checksum, e.applied_at,
                      std::to_string(e.duration_ms), e.tool_version});
}

std::string VersionTable::insert_head_sql(const std::string& revision) const {
    return "INSERT INTO " + qualified(names_.table) + " (version_num) VALUES (" +
           dialect_.quote_literal(revision) + ")";
}

std::string VersionTable::delete_head_sql(const std::string& revision) const {
    return "DELETE FROM " + qualified(names_.table) +
           " WHERE version_num = " + dialect_.quote_literal(revision);
}

std::string VersionTable::update_head_sql(const std::string& from, const std::string& to) const {
    return "UPDATE " + qualified(names_.table) +
           " SET version_num = " + dialect_.quote_literal(to) +
           " WHERE version_num = " + dialect_.quote_literal(from);
}

std::string VersionTable::delete_all_sql() const {
    return "DELETE FROM " + qualified(names_.table);
}

std::string VersionTable::append_log_sql(const LogEntry& e) const {
    return "INSERT INTO " + qualified(names_.log_table()) +
           " (revision, direction, checksum, applied_at, duration_ms, tool_version) VALUES (" +
           dialect_.quote_literal(e.revision) + ", " + dialect_.quote_literal(e.direction) + ", " +
           dialect_.quote_literal(e.checksum) + ", " + dialect_.quote_literal(e.applied_at) + ", " +
           std::to_string(e.duration_ms) + ", " + dialect_.quote_literal(e.tool_version) + ")";
}

}  // namespace migrate
