#include "core/yaml/yaml_writer.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace migrate {

YamlValue YamlValue::str(std::string text) {
    YamlValue v;
    v.text_ = std::move(text);
    return v;
}

YamlValue YamlValue::quoted(std::string text) {
    YamlValue v = str(std::move(text));
    v.force_quote_ = true;
    return v;
}

YamlValue YamlValue::raw(std::string text) {
    YamlValue v = str(std::move(text));
    v.raw_ = true;
    return v;
}

YamlValue YamlValue::seq(bool flow) {
    YamlValue v;
    v.kind_ = Kind::Sequence;
    v.flow_ = flow;
    return v;
}

YamlValue YamlValue::map(bool flow) {
    YamlValue v;
    v.kind_ = Kind::Mapping;
    v.flow_ = flow;
    return v;
}

YamlValue YamlValue::str_list(const std::vector<std::string>& items, bool flow) {
    YamlValue v = seq(flow);
    for (const auto& s : items) v.push(str(s));
    return v;
}

YamlValue& YamlValue::add(std::string key, YamlValue value) {
    items_.emplace_back(std::move(key), std::move(value));
    return *this;
}

YamlValue& YamlValue::push(YamlValue value) {
    items_.emplace_back(std::string(), std::move(value));
    return *this;
}

namespace {

bool looks_reserved(const std::string& s) {
    std::string l;
    for (char c : s) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static const char* words[] = {"null", "~", "true", "false", "yes",  "no",    "on",
                                  "off",  "y", "n",    ".inf",  ".nan", "-.inf", "+.inf"};
    return std::any_of(std::begin(words), std::end(words), [&](const char* w) { return l == w; });
}

bool looks_numeric(const std::string& s) {
    size_t i = (s[0] == '+' || s[0] == '-') ? 1 : 0;
    if (i < s.size() && s[i] == '.') ++i;
    return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]));
}

bool plain_ok(const std::string& s, bool in_flow) {
    if (s.empty() || looks_reserved(s) || looks_numeric(s)) return false;
    if (std::string("-?:,[]{}#&*!|>'\"%@` ").find(s.front()) != std::string::npos) return false;
    if (s.back() == ' ' || s.back() == ':') return false;
    if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos) return false;
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f) return false;
    if (in_flow && s.find_first_of(",[]{}") != std::string::npos) return false;
    return true;
}

// A literal block keeps multi-line SQL readable; only for text it reproduces exactly.
bool literal_ok(const std::string& s) {
    if (s.find('\n') == std::string::npos) return false;
    if (s.front() == ' ' || s.front() == '\n') return false;
    for (unsigned char c : s)
        if ((c < 0x20 && c != '\n') || c == 0x7f) return false;
    size_t trailing = s.size() - 1 - s.find_last_not_of('\n');
    if (s.find_last_not_of('\n') == std::string::npos || trailing > 1) return false;
    size_t start = 0;
    while (start < s.size()) {
        size_t end = s.find('\n', start);
        if (end == std::string::npos) end = s.size();
        if (end > start && s[end - 1] == ' ') return false;  // trailing spaces are invisible
        start = end + 1;
    }
    return true;
}

}  // namespace

std::string yaml_double_quoted(const std::string& text) {
    std::string out = "\"";
    for (unsigned char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\x%02x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

std::string yaml_scalar(const std::string& text, bool in_flow) {
    return plain_ok(text, in_flow) ? text : yaml_double_quoted(text);
}

struct YamlRenderer {
    static std::string scalar(const YamlValue& v, bool in_flow) {
        if (v.raw_) return v.text_;
        if (v.force_quote_) return yaml_double_quoted(v.text_);
        return yaml_scalar(v.text_, in_flow);
    }

    static std::string flow(const YamlValue& v) {
        if (v.kind_ == YamlValue::Kind::Scalar) return scalar(v, true);
        bool is_map = v.kind_ == YamlValue::Kind::Mapping;
        std::string out = is_map ? "{" : "[";
        for (size_t i = 0; i < v.items_.size(); ++i) {
            if (i) out += ", ";
            if (is_map) out += v.items_[i].first + ": ";
            out += flow(v.items_[i].second);
        }
        return out + (is_map ? "}" : "]");
    }

    static std::string literal(const std::string& text, int indent) {
        std::string pad(indent, ' ');
        std::string out = text.back() == '\n' ? "|" : "|-";
        size_t start = 0;
        std::string body = text.back() == '\n' ? text.substr(0, text.size() - 1) : text;
        while (start <= body.size()) {
            size_t end = body.find('\n', start);
            if (end == std::string::npos) end = body.size();
            std::string line = body.substr(start, end - start);
            out += "\n" + (line.empty() ? std::string() : pad + line);
            start = end + 1;
        }
        return out;
    }

    // The text after "key:" or "- ": " value" inline, or a newline and a block.
    static std::string after(const YamlValue& v, int indent, bool in_sequence) {
        if (v.kind_ == YamlValue::Kind::Scalar) {
            if (!v.raw_ && !v.force_quote_ && !plain_ok(v.text_, false) && literal_ok(v.text_))
                return " " + literal(v.text_, indent + 2);
            return " " + scalar(v, false);
        }
        if (v.flow_ || v.items_.empty()) return " " + flow(v);
        if (in_sequence && v.kind_ == YamlValue::Kind::Mapping) {
            std::string body = block(v, indent + 2);
            return " " + body.substr(indent + 2);  // first key on the dash's line
        }
        return "\n" + block(v, indent + 2);
    }

    static std::string block(const YamlValue& v, int indent) {
        std::string pad(indent, ' ');
        std::string out;
        bool is_map = v.kind_ == YamlValue::Kind::Mapping;
        for (size_t i = 0; i < v.items_.size(); ++i) {
            if (i) out += "\n";
            const auto& [key, value] = v.items_[i];
            if (is_map)
                out += pad + key + ":" + after(value, indent, false);
            else
                out += pad + "-" + after(value, indent, true);
        }
        return out;
    }
};

bool YamlValue::all_inline() const {
    return std::all_of(items_.begin(), items_.end(), [](const auto& item) {
        const YamlValue& v = item.second;
        if (v.kind_ == Kind::Scalar) return v.text_.find('\n') == std::string::npos;
        return v.flow_ || v.items_.empty();
    });
}

std::string YamlValue::render(int indent) const {
    if (kind_ == Kind::Scalar || flow_) return YamlRenderer::flow(*this) + "\n";
    return YamlRenderer::block(*this, indent) + "\n";
}

}  // namespace migrate
