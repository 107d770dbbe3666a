#include "dialects/postgresql/quote.h"

namespace migrate::pg {

std::string quote_identifier(const std::string& name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string quote_literal(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

std::string qualified(const std::string& schema, const std::string& name) {
    return schema.empty() ? quote_identifier(name)
                          : quote_identifier(schema) + "." + quote_identifier(name);
}

}  // namespace migrate::pg
