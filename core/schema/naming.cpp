// The naming convention (core/schema/naming.h): token substitution, the 63-byte identifier
// limit with a deterministic hash suffix, and the %(name)s token of unnamed checks.

#include "core/schema/naming.h"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <set>

#include "core/base/text.h"

namespace migrate {

namespace {

struct Tokens {
    std::string table;
    std::vector<std::string> columns;
    std::string referred_table;
    std::string name;
};

// Replaces every %(token)s of `pattern`; unknown tokens are left as written.
std::string substitute(const std::string& pattern, const Tokens& t) {
    std::string out;
    size_t i = 0;
    while (i < pattern.size()) {
        size_t start = pattern.find("%(", i);
        if (start == std::string::npos) break;
        size_t end = pattern.find(")s", start);
        if (end == std::string::npos) break;
        out += pattern.substr(i, start - i);
        std::string token = pattern.substr(start + 2, end - start - 2);
        if (token == "table")
            out += t.table;
        else if (token == "columns" || token == "column_0_N_name")
            out += join(t.columns, "_");
        else if (token == "column_0_name")
            out += t.columns.empty() ? "" : t.columns.front();
        else if (token == "referred_table")
            out += t.referred_table;
        else if (token == "name" || token == "constraint_name")
            out += t.name;
        else
            out += pattern.substr(start, end + 2 - start);
        i = end + 2;
    }
    out += pattern.substr(i);
    return truncate_identifier(out);
}

uint32_t fnv1a(const std::string& s) {
    uint32_t h = 2166136261u;
    for (unsigned char c : s) {
        h ^= c;
        h *= 16777619u;
    }
    return h;
}

bool is_continuation_byte(unsigned char c) { return (c & 0xC0) == 0x80; }

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

const std::set<std::string>& sql_words() {
    static const std::set<std::string> words = {
        "and",         "or",       "not",          "null",
        "is",          "in",       "like",         "ilike",
        "between",     "true",     "false",        "case",
        "when",        "then",     "else",         "end",
        "similar",     "to",       "escape",       "cast",
        "as",          "distinct", "from",         "glob",
        "regexp",      "collate",  "any",          "all",
        "some",        "exists",   "current_date", "current_timestamp",
        "current_time"};
    return words;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Position just past a quoted literal or identifier that starts at `i`.
size_t skip_quoted(const std::string& s, size_t i) {
    char quote = s[i];
    for (size_t j = i + 1; j < s.size(); ++j) {
        if (s[j] != quote) continue;
        if (j + 1 < s.size() && s[j + 1] == quote) {
            ++j;
            continue;
        }
        return j + 1;
    }
    return s.size();
}

}  // namespace

std::string NamingConvention::index_name(const std::string& table,
                                         const std::vector<std::string>& columns) const {
    return substitute(ix, {table, columns, "", ""});
}

std::string NamingConvention::unique_name(const std::string& table,
                                          const std::vector<std::string>& columns) const {
    return substitute(uq, {table, columns, "", ""});
}

std::string NamingConvention::foreign_key_name(const std::string& table,
                                               const std::vector<std::string>& columns,
                                               const std::string& referred_table) const {
    return substitute(fk, {table, columns, referred_table, ""});
}

std::string NamingConvention::check_name(const std::string& table, const std::string& name) const {
    return substitute(ck, {table, {}, "", name});
}

std::string NamingConvention::primary_key_name(const std::string& table) const {
    return substitute(pk, {table, {}, "", ""});
}

std::string truncate_identifier(const std::string& name, size_t max_bytes) {
    if (name.size() <= max_bytes) return name;
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "_%08x", fnv1a(name));
    size_t keep = max_bytes > 9 ? max_bytes - 9 : 0;
    while (keep > 0 && is_continuation_byte(static_cast<unsigned char>(name[keep]))) --keep;
    return name.substr(0, keep) + suffix;
}

std::string check_token(const std::string& expression) {
    std::vector<std::string> names;
    std::set<std::string> seen;
    size_t i = 0;
    while (i < expression.size()) {
        char c = expression[i];
        if (c == '\'') {
            i = skip_quoted(expression, i);
        } else if (c == '"') {
            size_t end = skip_quoted(expression, i);
            bool closed = end - i >= 2 && expression[end - 1] == '"';
            std::string ident = expression.substr(i + 1, closed ? end - i - 2 : end - i - 1);
            if (!ident.empty() && seen.insert(ident).second) names.push_back(ident);
            i = end;
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            while (i < expression.size() && is_ident_char(expression[i])) ++i;
        } else if (is_ident_start(c)) {
            size_t start = i;
            while (i < expression.size() && is_ident_char(expression[i])) ++i;
            std::string word = expression.substr(start, i - start);
            size_t next = expression.find_first_not_of(" \t\r\n", i);
            bool is_function = next != std::string::npos && expression[next] == '(';
            bool is_cast_type = start >= 2 && expression.compare(start - 2, 2, "::") == 0;
            if (!is_function && !is_cast_type && !sql_words().count(lower(word)) &&
                seen.insert(word).second)
                names.push_back(word);
        } else {
            ++i;
        }
    }
    return names.empty() ? "check" : join(names, "_");
}

}  // namespace migrate
