#pragma once
// Column types: the portable vocabulary of SPEC.md plus verbatim dialect types.
// A ColumnType is a value; dialects map it to and from their own type names.

#include <optional>
#include <string>

namespace migrate {

enum class TypeKind {
    Integer,
    BigInt,
    SmallInt,
    String,  // string(n) -> varchar(n); string without length -> varchar
    Text,
    Boolean,
    Date,
    DateTime,  // timezone flag: datetime(timezone)
    Time,
    Numeric,  // numeric(p,s), numeric(p), numeric
    Float,
    Double,
    Binary,
    Uuid,
    Json,
    Enum,  // enum(name): `name` holds the enum type's name
    Interval,
    Dialect,  // anything else, kept verbatim in `name` (jsonb, inet, integer[])
};

struct ColumnType {
    TypeKind kind = TypeKind::Text;
    std::optional<int> length;     // String
    std::optional<int> precision;  // Numeric
    std::optional<int> scale;      // Numeric
    bool timezone = false;         // DateTime
    std::string name;              // Enum type name, or the verbatim Dialect type

    // Canonical portable spelling: "string(255)", "numeric(12,2)", "datetime(timezone)",
    // "enum(mood)", or the dialect type as written. parse_type(to_string()) == *this.
    std::string to_string() const;

    bool operator==(const ColumnType&) const = default;

    static ColumnType of(TypeKind k) {
        ColumnType t;
        t.kind = k;
        return t;
    }
};

// Parses a type as written in a model or revision file (case-insensitive for portable
// names). Returns std::nullopt and sets *error for a malformed portable type
// ("string(-1)", "numeric(2,5)", an unbalanced "numeric(12"). Unknown names are
// Dialect types, not errors: the dialect decides whether it knows them.
std::optional<ColumnType> parse_type(const std::string& text, std::string* error);

bool is_integer_kind(TypeKind k);
// An integer kind, or a verbatim type whose first word is an SQL integer type name
// ("int unsigned", "tinyint", "mediumint(8) zerofill"): a column that can autoincrement.
bool is_integer_type(const ColumnType& t);

}  // namespace migrate
