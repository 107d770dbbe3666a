// PROVISIONAL implementation of core/naming.h, written on the `sqlite` branch only so
// that apply_operation and the SQLite dialect link and can be tested. The loader branch
// owns this file: on merge, take the loader's version.
#include "core/naming.h"

#include <cctype>
#include <cstdint>
#include <cstdio>

namespace migrate {

namespace {

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (size_t i = 0; i < v.size(); ++i) s += (i ? "_" : "") + v[i];
    return s;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
}

std::string expand(std::string pattern, const std::string& table, const std::vector<std::string>& columns,
                   const std::string& referred, const std::string& name) {
    replace_all(pattern, "%(table)s", table);
    replace_all(pattern, "%(columns)s", join(columns));
    replace_all(pattern, "%(column_0_name)s", columns.empty() ? "" : columns[0]);
    replace_all(pattern, "%(referred_table)s", referred);
    replace_all(pattern, "%(name)s", name);
    return truncate_identifier(pattern);
}

}  // namespace

std::string NamingConvention::index_name(const std::string& table, const std::vector<std::string>& columns) const {
    return expand(ix, table, columns, "", "");
}
std::string NamingConvention::unique_name(const std::string& table, const std::vector<std::string>& columns) const {
    return expand(uq, table, columns, "", "");
}
std::string NamingConvention::foreign_key_name(const std::string& table, const std::vector<std::string>& columns,
                                               const std::string& referred_table) const {
    return expand(fk, table, columns, referred_table, "");
}
std::string NamingConvention::check_name(const std::string& table, const std::string& name) const {
    return expand(ck, table, {}, "", name);
}
std::string NamingConvention::primary_key_name(const std::string& table) const { return expand(pk, table, {}, "", ""); }

std::string truncate_identifier(const std::string& name, size_t max_bytes) {
    if (name.size() <= max_bytes) return name;
    uint32_t h = 2166136261u;
    for (unsigned char c : name) h = (h ^ c) * 16777619u;
    char hex[10];
    std::snprintf(hex, sizeof hex, "%08x", h);
    size_t keep = max_bytes - 9;
    while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;
    return name.substr(0, keep) + "_" + hex;
}

std::string check_token(const std::string& expression) {
    std::vector<std::string> words;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty() && !std::isdigit(static_cast<unsigned char>(cur[0]))) words.push_back(cur);
        cur.clear();
    };
    bool in_string = false;
    for (char c : expression) {
        if (c == '\'') in_string = !in_string;
        if (!in_string && (std::isalnum(static_cast<unsigned char>(c)) || c == '_')) cur += c;
        else flush();
    }
    flush();
    return join(words);
}

}  // namespace migrate
