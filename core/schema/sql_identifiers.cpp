// Identifiers inside SQL text (core/schema/sql_identifiers.h).

#include "core/schema/sql_identifiers.h"

#include <cctype>

namespace migrate {

namespace {

bool ident_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80);
}

bool whole_word_at(const std::string& sql, size_t pos, const std::string& name) {
    return sql.compare(pos, name.size(), name) == 0 && (pos == 0 || !ident_char(sql[pos - 1])) &&
           (pos + name.size() >= sql.size() || !ident_char(sql[pos + name.size()]));
}

}  // namespace

bool mentions(const std::string& sql, const std::string& name) {
    if (name.empty()) return false;
    for (size_t pos = sql.find(name); pos != std::string::npos; pos = sql.find(name, pos + 1))
        if (whole_word_at(sql, pos, name)) return true;
    return false;
}

std::string replace_identifier(const std::string& sql, const std::string& from,
                               const std::string& to) {
    if (from.empty()) return sql;
    std::string out;
    bool in_string = false;
    for (size_t i = 0; i < sql.size();) {
        char c = sql[i];
        if (c == '\'') in_string = !in_string;
        if (!in_string && whole_word_at(sql, i, from)) {
            out += to;
            i += from.size();
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

}  // namespace migrate
