// SQLite quoting (see quote.h).
#include "dialects/sqlite/quote.h"

namespace migrate::sqlite {

std::string quote_identifier(const std::string& name) {
    std::string s = "\"";
    for (char c : name) s += c == '"' ? std::string("\"\"") : std::string(1, c);
    return s + "\"";
}

std::string quote_literal(const std::string& value) {
    std::string s = "'";
    for (char c : value) s += c == '\'' ? std::string("''") : std::string(1, c);
    return s + "'";
}

std::string quote_list(const std::vector<std::string>& names) {
    std::string s;
    for (size_t i = 0; i < names.size(); ++i) s += (i ? ", " : "") + quote_identifier(names[i]);
    return s;
}

}  // namespace migrate::sqlite
