#include "core/revision/revision_header_scan.h"

#include <algorithm>
#include <string_view>

#include "core/base/errors.h"
#include "core/revision/revision_id_rules.h"

namespace migrate {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// One scalar: "..." (no escapes), '...' (no doubled quotes) or plain. `in_list`: a
// plain scalar ends at a comma. Advances `s`; nullopt when the form is not simple.
std::optional<std::string> scalar(std::string_view& s, bool in_list) {
    s = trim(s);
    if (s.empty()) return std::nullopt;
    char q = s.front();
    if (q == '"' || q == '\'') {
        size_t end = s.find(q, 1);
        if (end == std::string_view::npos) return std::nullopt;
        std::string_view body = s.substr(1, end - 1);
        if ((q == '"' && body.find('\\') != std::string_view::npos) ||
            (q == '\'' && end + 1 < s.size() && s[end + 1] == '\''))
            return std::nullopt;
        if (std::any_of(body.begin(), body.end(),
                        [](char c) { return is_control_character(c) && c != '\t'; }))
            return std::nullopt;  // the full parser reports it
        s.remove_prefix(end + 1);
        return std::string(body);
    }
    if (std::string_view("[]{}&*!|>%@`,#-?:").find(q) != std::string_view::npos)
        return std::nullopt;
    size_t end = in_list ? s.find_first_of(",]") : s.size();
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view body = trim(s.substr(0, end));
    if (body.find(": ") != std::string_view::npos || body.find(" #") != std::string_view::npos ||
        body.back() == ':')
        return std::nullopt;
    s.remove_prefix(end);
    return std::string(body);
}

std::string_view strip_comment(std::string_view s) {
    // A comment starts at " #" outside quotes.
    char quote = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) {
            return trim(s.substr(0, i));
        }
    }
    return trim(s);
}

// null, a scalar, or a flow list of scalars, as a list.
std::optional<std::vector<std::string>> value_list(std::string_view v, bool* is_null) {
    *is_null = v.empty() || v == "null" || v == "~" || v == "Null" || v == "NULL";
    if (*is_null) return std::vector<std::string>{};
    std::vector<std::string> out;
    if (v.front() != '[') {
        auto one = scalar(v, false);
        if (!one || !trim(v).empty()) return std::nullopt;
        return std::vector<std::string>{*one};
    }
    v.remove_prefix(1);
    if (trim(v) == "]") return out;
    while (true) {
        auto item = scalar(v, true);
        if (!item) return std::nullopt;
        out.push_back(*item);
        v = trim(v);
        if (v.empty()) return std::nullopt;
        if (v.front() == ']') return trim(v.substr(1)).empty() ? std::optional(out) : std::nullopt;
        if (v.front() != ',') return std::nullopt;
        v.remove_prefix(1);
    }
}

bool assign(Revision& r, std::string_view key, std::string_view value) {
    bool is_null = false;
    auto list = value_list(value, &is_null);
    if (!list) return false;
    auto single = [&](std::string& out) {
        if (list->size() > 1 || (value.size() && value.front() == '[')) return false;
        out = list->empty() ? "" : list->front();
        return true;
    };
    if (key == "revision") return !is_null && single(r.id);
    if (key == "down_revision") return r.down_revisions = *list, true;
    if (key == "branch_labels") return r.branch_labels = *list, true;
    if (key == "depends_on") return r.depends_on = *list, true;
    if (key == "allow_hazards") return r.allow_hazards = *list, true;
    if (key == "message") return single(r.message);
    if (key == "create_date") return single(r.create_date);
    return false;
}

}  // namespace

std::optional<Revision> scan_revision_header(const std::string& text, const std::string& path) {
    Revision r;
    r.path = path;
    std::vector<std::string_view> seen;
    bool in_block = false;  // inside upgrade:/downgrade:
    std::string_view all(text);
    size_t start = 0;
    while (start < all.size()) {
        size_t end = all.find('\n', start);
        if (end == std::string_view::npos) end = all.size();
        std::string_view line = all.substr(start, end - start);
        start = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        std::string_view content = trim(line);
        if (content.empty() || content.front() == '#') continue;
        if (line.front() == ' ' || line.front() == '\t' || line.front() == '-') {
            if (!in_block) return std::nullopt;  // a multi-line header value
            continue;
        }
        if (content == "---" || content == "...") return std::nullopt;
        size_t colon = line.find(':');
        if (colon == std::string_view::npos || (colon + 1 < line.size() && line[colon + 1] != ' '))
            return std::nullopt;
        std::string_view key = line.substr(0, colon);
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) return std::nullopt;
        seen.push_back(key);
        std::string_view value = strip_comment(line.substr(colon + 1));
        if (key == "upgrade" || key == "downgrade") {
            in_block = true;
            continue;
        }
        in_block = false;
        if (!assign(r, key, value)) return std::nullopt;
    }
    if (r.id.empty() || id_problem(r.id)) return std::nullopt;
    return r;
}

}  // namespace migrate
