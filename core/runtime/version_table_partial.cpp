// The partial-step rows of the version log (version_table.h, partial_step.h): written
// as a migration runs operation by operation on a database without transactional DDL.

#include "core/runtime/version_table.h"

namespace migrate {

bool VersionTable::log_exists(Connection& connection) const {
    return dialect_.table_exists(connection, names_.schema, names_.log_table());
}

std::vector<PartialStep> VersionTable::read_partial(Connection& connection) const {
    if (!log_exists(connection)) return {};
    auto result =
        connection.query("SELECT revision, checksum FROM " + qualified(names_.log_table()) +
                         " WHERE direction = 'partial' ORDER BY id");
    std::vector<PartialStep> out;
    for (const auto& row : result.rows)
        if (auto p = parse_partial(row[0].value_or(""), row[1].value_or(""))) out.push_back(*p);
    return out;
}

void VersionTable::write_partial(Connection& connection, const PartialStep& partial, bool exists,
                                 const std::string& applied_at,
                                 const std::string& tool_version) const {
    std::string log = qualified(names_.log_table());
    if (exists) {
        connection.query(
            "UPDATE " + log + " SET checksum = $1 WHERE revision = $2 AND direction = 'partial'",
            {partial.progress(), partial.revision});
        return;
    }
    connection.query("INSERT INTO " + log +
                         " (revision, direction, checksum, applied_at, duration_ms, tool_version)"
                         " VALUES ($1, 'partial', $2, $3, 0, $4)",
                     {partial.revision, partial.progress(), applied_at, tool_version});
}

void VersionTable::delete_partial(Connection& connection, const std::string& revision) const {
    connection.query("DELETE FROM " + qualified(names_.log_table()) +
                         " WHERE revision = $1 AND direction = 'partial'",
                     {revision});
}

void VersionTable::delete_all_partial(Connection& connection) const {
    if (!log_exists(connection)) return;
    connection.execute("DELETE FROM " + qualified(names_.log_table()) +
                       " WHERE direction = 'partial'");
}

}  // namespace migrate
