#pragma once
// The naming convention: names for unnamed indexes and constraints, as SQLAlchemy's
// naming_convention does, so every constraint has a stable name a later migration can
// drop on either dialect. Tokens: %(table)s, %(columns)s (joined with "_"),
// %(column_0_name)s, %(referred_table)s, %(name)s. Results longer than 63 bytes are
// cut and end in a short hash of the full name, so they stay unique and deterministic.

#include <string>
#include <vector>

namespace migrate {

struct NamingConvention {
    std::string ix = "ix_%(table)s_%(columns)s";
    std::string uq = "uq_%(table)s_%(columns)s";
    std::string fk = "fk_%(table)s_%(columns)s_%(referred_table)s";
    std::string ck = "ck_%(table)s_%(name)s";
    std::string pk = "pk_%(table)s";
    // Index names are unique within their table only (the database's
    // Capabilities::index_names_per_table, MySQL), not within the schema.
    bool names_per_table = false;

    std::string index_name(const std::string& table, const std::vector<std::string>& columns) const;
    std::string unique_name(const std::string& table,
                            const std::vector<std::string>& columns) const;
    std::string foreign_key_name(const std::string& table, const std::vector<std::string>& columns,
                                 const std::string& referred_table) const;
    // `name` is the token for %(name)s: for an unnamed check, derived from the
    // expression's column names (see check_token).
    std::string check_name(const std::string& table, const std::string& name) const;
    std::string primary_key_name(const std::string& table) const;

    bool operator==(const NamingConvention&) const = default;
};

// Cuts names over max_bytes to max_bytes, ending in "_" + 8 hex digits of a hash of
// the whole name. Never splits a UTF-8 sequence.
std::string truncate_identifier(const std::string& name, size_t max_bytes = 63);

// The %(name)s token for an unnamed check: the identifiers of the expression, joined
// with "_" ("balance >= 0" -> "balance").
std::string check_token(const std::string& expression);

}  // namespace migrate
