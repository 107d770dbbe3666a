#pragma once
// The error policy of migrate. Everything that ends a command is one of these four
// exception kinds, and the CLI's single top-level handler maps each to its exit code:
//   InputError    -> 2  usage, config, model files, revision files, graph problems
//   DatabaseError -> 3  connection failures, SQL errors
//   LockTimeout   -> 4  the migration lock was not acquired in time
//   InternalError -> 70 a bug in migrate (never expected)
// Exit code 1 ("the check failed") is not an error: commands return it.
// Expected misses use std::optional or a try_ twin, not exceptions.

#include <stdexcept>
#include <string>
#include <vector>

namespace migrate {

// A place in a user's file, for messages: "models/users.yaml:12:7".
struct SourceLocation {
    std::string file;
    int line = 0;    // 1-based; 0 when unknown
    int column = 0;  // 1-based; 0 when unknown

    std::string to_string() const;
    bool known() const { return !file.empty(); }
};

// One problem found in user input. Loaders collect all of them before failing.
struct Diagnostic {
    SourceLocation where;
    std::string message;  // names the bad key or value; may end in "did you mean ...?"

    std::string to_string() const;  // "file:line:col: message"
};

class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
    virtual int exit_code() const = 0;
    virtual const char* kind() const = 0;  // stable machine name used in --json output
};

// Bad flags, config, model or revision files, a broken revision graph.
class InputError : public Error {
  public:
    explicit InputError(std::string message) : Error(std::move(message)) {}
    // Several problems found at once (every bad key of every model file).
    explicit InputError(std::vector<Diagnostic> diagnostics);
    int exit_code() const override { return 2; }
    const char* kind() const override { return "input"; }
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

  private:
    std::vector<Diagnostic> diagnostics_;
};

// The revision graph is broken or an identifier cannot be resolved. Exit 2 as input.
class RevisionError : public InputError {
  public:
    using InputError::InputError;
    const char* kind() const override { return "revision"; }
};

// Connection failures and SQL errors. Carries what the database said.
class DatabaseError : public Error {
  public:
    explicit DatabaseError(std::string message, std::string sqlstate = {},
                           std::string statement = {})
        : Error(std::move(message)),
          sqlstate_(std::move(sqlstate)),
          statement_(std::move(statement)) {}
    int exit_code() const override { return 3; }
    const char* kind() const override { return "database"; }
    const std::string& sqlstate() const {
        return sqlstate_;
    }  // PostgreSQL SQLSTATE or SQLite result code name
    const std::string& statement() const { return statement_; }  // the failing SQL, if any

  private:
    std::string sqlstate_;
    std::string statement_;
};

class LockTimeout : public Error {
  public:
    using Error::Error;
    int exit_code() const override { return 4; }
    const char* kind() const override { return "lock_timeout"; }
};

class InternalError : public Error {
  public:
    using Error::Error;
    int exit_code() const override { return 70; }
    const char* kind() const override { return "internal"; }
};

// Control characters (bytes below 0x20, and 0x7f).
bool is_control_character(char c);

// `text` with control characters written as \0, \t, \n, \r or \xNN, for messages that
// quote user input: a NUL byte would cut a message short, a newline break its line.
std::string printable(const std::string& text);

// "did you mean 'x'?" support: the closest candidate within a small edit distance, or "".
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace migrate
