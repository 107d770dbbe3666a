// RecordingConnection (recording_connection.h).

#include "tests/support/recording_connection.h"

#include <algorithm>

#include "core/base/errors.h"

namespace migrate::test {

std::vector<std::string> RecordingConnection::matching(const std::string& fragment) const {
    std::vector<std::string> out;
    for (const auto& entry : log_)
        if (entry.find(fragment) != std::string::npos) out.push_back(entry);
    return out;
}

void RecordingConnection::record(const std::string& sql) {
    log_.push_back(sql);
    ++statements_;
    auto on = std::find_if(fail_on_.begin(), fail_on_.end(),
                           [&](const std::string& f) { return sql.find(f) != std::string::npos; });
    bool fail = statements_ == fail_at_ || on != fail_on_.end();
    if (!fail) return;
    if (on != fail_on_.end()) fail_on_.erase(on);
    if (failed_entry_ == static_cast<size_t>(-1)) failed_entry_ = log_.size() - 1;
    throw DatabaseError("simulated failure at statement " + std::to_string(statements_),
                        "SIMULATED", sql);
}

void RecordingConnection::execute(const std::string& sql) {
    record(sql);
    inner_.execute(sql);
}

QueryResult RecordingConnection::query(const std::string& sql,
                                       const std::vector<SqlValue>& params) {
    if (sql.starts_with("SELECT version_num")) {
        auto move = moves_.find(++rows_reads_);
        if (move != moves_.end())
            for (const auto& other : move->second) inner_.execute(other);
    }
    record(sql);
    return inner_.query(sql, params);
}

void RecordingConnection::begin() {
    log_.push_back("BEGIN");
    inner_.begin();
}

void RecordingConnection::commit() {
    log_.push_back("COMMIT");
    inner_.commit();
}

void RecordingConnection::rollback() {
    log_.push_back("ROLLBACK");
    inner_.rollback();
}

}  // namespace migrate::test
