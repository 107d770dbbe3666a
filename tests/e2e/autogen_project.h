#pragma once
// A throwaway migrate project for the autogenerate end-to-end tests: a temp folder with
// migrate.yaml, models/ and migrations/versions/, on a fresh SQLite file or a fresh
// PostgreSQL or MariaDB database. Runs the built binary with a fixed clock, and reads or writes
// rows through a real connection (to insert data and to check that it survives).

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tests/support/mariadb.h"
#include "tests/support/postgres.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace migrate::test {

class AutogenProject {
  public:
    // dialect "sqlite", or "postgresql" / "mysql" with the URL of that test server.
    AutogenProject(const std::string& dialect, const std::string& server = "",
                   const std::string& extra_config = "");

    const TempDir& dir() const { return dir_; }
    const std::string& dialect() const { return dialect_; }
    const std::string& url() const { return url_; }

    void write_models(const std::string& yaml) const;
    ProcessResult run(const std::vector<std::string>& args) const;
    // Runs and requires `expected_exit`, with the output in the failure message.
    ProcessResult expect(const std::vector<std::string>& args, int expected_exit = 0) const;

    // Runs SQL on the project's database (statements separated by ';' in one string).
    void exec(const std::string& sql) const;
    // The first column of the first row, "" for no row, "NULL" for NULL.
    std::string scalar(const std::string& sql) const;

  private:
    TempDir dir_;
    std::string dialect_;
    std::unique_ptr<PgTestDatabase> pg_;
    std::unique_ptr<MysqlTestDatabase> mysql_;
    std::string url_;
};

// The files under `folder` of the project (names only, sorted).
std::vector<std::string> list_files(const std::string& folder);

}  // namespace migrate::test
