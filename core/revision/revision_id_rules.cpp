#include "core/revision/revision_id_rules.h"

#include <cctype>

#include "core/base/errors.h"

namespace migrate {

std::optional<std::string> id_problem(const std::string& id) {
    if (id.empty()) return "is empty";
    if (id.size() > 255) return "is longer than 255 characters (the version table's column)";
    for (char c : id) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            return "contains a control character (" + printable(std::string(1, c)) + ")";
        if (c == '@' || c == '-' || c == '+' || c == ':') {
            std::string problem =
                "contains 'X' (the characters @ - + : are reserved for identifiers such as "
                "label@head, head-1, A:B)";
            problem[10] = c;
            return problem;
        }
        if (std::isspace(static_cast<unsigned char>(c)) || c == '/' || c == '\\' || c == '"' ||
            c == '\'')
            return "contains a space, quote or slash";
    }
    if (id == "head" || id == "heads" || id == "base")
        return "is a reserved word (head, heads, base)";
    return std::nullopt;
}

std::string slugify(const std::string& message) {
    std::string slug;
    bool pending_sep = false;
    for (unsigned char c : message) {
        if (std::isalnum(c)) {
            if (pending_sep && !slug.empty()) slug += '_';
            pending_sep = false;
            slug += static_cast<char>(std::tolower(c));
            if (slug.size() >= 40) break;
        } else {
            pending_sep = true;
        }
    }
    while (!slug.empty() && slug.back() == '_') slug.pop_back();
    return slug;
}

}  // namespace migrate
