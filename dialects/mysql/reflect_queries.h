#pragma once
// The information_schema queries of MySQL/MariaDB reflection (reflect.h): each reads one
// kind of object for every table of the current database at once. SELECT * where the
// columns differ between servers (STATISTICS.EXPRESSION exists on MySQL 8.0.13+ only,
// CHECK_CONSTRAINTS.TABLE_NAME and LEVEL on MariaDB only); the readers look columns up
// by name.

namespace migrate::mysql::queries {

// DEFAULT_COLLATION: what a table or column created with migrate's DEFAULT
// CHARSET=utf8mb4 and no COLLATE gets; other collations are reported.
#define MIGRATE_MYSQL_DEFAULT_COLLATION                                    \
    "(SELECT DEFAULT_COLLATE_NAME FROM information_schema.CHARACTER_SETS " \
    "WHERE CHARACTER_SET_NAME = 'utf8mb4') AS DEFAULT_COLLATION"

inline constexpr const char* kTables =
    "SELECT TABLE_NAME, TABLE_TYPE, TABLE_COMMENT, "
    "TABLE_COLLATION, " MIGRATE_MYSQL_DEFAULT_COLLATION
    " FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME";

// CHARSET_MAXLEN: bytes per character, for the prefix a TEXT column's index gets.
inline constexpr const char* kColumns =
    "SELECT c.*, cs.MAXLEN AS CHARSET_MAXLEN, " MIGRATE_MYSQL_DEFAULT_COLLATION
    " FROM information_schema.COLUMNS c"
    " LEFT JOIN information_schema.CHARACTER_SETS cs"
    " ON cs.CHARACTER_SET_NAME = c.CHARACTER_SET_NAME"
    " WHERE c.TABLE_SCHEMA = DATABASE()"
    " ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION";
#undef MIGRATE_MYSQL_DEFAULT_COLLATION

inline constexpr const char* kIndexes = R"SQL(
SELECT *
FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA = DATABASE()
ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX)SQL";

inline constexpr const char* kForeignKeys = R"SQL(
SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.ORDINAL_POSITION,
       k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME,
       r.UPDATE_RULE, r.DELETE_RULE, DATABASE() AS CURRENT_DB
FROM information_schema.KEY_COLUMN_USAGE k
JOIN information_schema.REFERENTIAL_CONSTRAINTS r
  ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
 AND r.TABLE_NAME = k.TABLE_NAME
WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION)SQL";

// MariaDB: CHECK_CONSTRAINTS names its table (check names are per table there).
inline constexpr const char* kChecks = R"SQL(
SELECT *
FROM information_schema.CHECK_CONSTRAINTS
WHERE CONSTRAINT_SCHEMA = DATABASE()
ORDER BY CONSTRAINT_NAME)SQL";

// MySQL 8: the table of a check comes from TABLE_CONSTRAINTS (names are per schema).
inline constexpr const char* kChecksByTable = R"SQL(
SELECT tc.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE
FROM information_schema.TABLE_CONSTRAINTS tc
JOIN information_schema.CHECK_CONSTRAINTS cc
  ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
WHERE tc.TABLE_SCHEMA = DATABASE() AND tc.CONSTRAINT_TYPE = 'CHECK'
ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME)SQL";

inline constexpr const char* kTriggers = R"SQL(
SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE
FROM information_schema.TRIGGERS
WHERE TRIGGER_SCHEMA = DATABASE()
ORDER BY TRIGGER_NAME)SQL";

inline constexpr const char* kRoutines = R"SQL(
SELECT ROUTINE_NAME, ROUTINE_TYPE
FROM information_schema.ROUTINES
WHERE ROUTINE_SCHEMA = DATABASE()
ORDER BY ROUTINE_NAME)SQL";

}  // namespace migrate::mysql::queries
