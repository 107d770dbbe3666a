#pragma once
// A SQLite file behind the test dialect without transactional DDL
// (tests/support/nontx_dialect.h) and the recording connection, with a two-revision
// graph: `a` creates `accounts`; `b` has nine operations of every kind the undo must
// handle (tables, a column, an index, a foreign key and a rename, which SQLite applies by
// table rebuilds of many statements, an execute with a reverse, one without, a column).
// Shared by the runner tests of databases without transactional DDL.

#include <memory>
#include <string>
#include <vector>

#include "core/revision/revision_graph.h"
#include "core/revision/revision_loader.h"
#include "core/runtime/runner.h"
#include "tests/support/nontx_dialect.h"
#include "tests/support/recording_connection.h"
#include "tests/support/temp_dir.h"

namespace migrate::test {

// The SQL fragment of the first statement of each of b's nine upgrade operations.
extern const std::vector<std::string> kFirstStatementOf;

struct NonTxFixture {
    NonTxFixture();

    TempDir dir;
    NonTransactionalDialect dialect;
    std::unique_ptr<Connection> real;
    RecordingConnection connection{*real};
    RevisionGraph graph;
    NamingConvention naming;
    RevisionLoader loader{graph, naming};

    Runner runner();
    // "type name: sql" of every object of the database but the version tables, sorted.
    std::vector<std::string> schema_text();
    // "revision direction checksum" of every log row, in order.
    std::vector<std::string> log_text();
    std::vector<std::string> version_rows();
    // The DDL sent after the first failed statement: no reads, no version-log rows.
    std::vector<std::string> undo_statements();
    // What the undo of b's operations ops[to..from) must send: each reverse rendered by
    // the dialect against the schema replayed up to it, newest first.
    std::vector<std::string> expected_undo(size_t from, size_t to);
};

}  // namespace migrate::test
