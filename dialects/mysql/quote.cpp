#include "dialects/mysql/quote.h"

namespace migrate::mysql {

std::string quote_identifier(const std::string& name) {
    std::string out = "`";
    for (char c : name) {
        if (c == '`') out += '`';
        out += c;
    }
    return out + "`";
}

std::string quote_literal(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\') out += c;
        out += c;
    }
    return out + "'";
}

}  // namespace migrate::mysql
