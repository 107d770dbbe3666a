// The lexer of the MySQL normalisation (see normalize_lexer.h).
#include "dialects/mysql/normalize_lexer.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>

namespace migrate::mysql {

namespace {

bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
           static_cast<unsigned char>(c) >= 0x80;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// A quoted run starting at s[i] (the quote): its decoded value; i moves past it.
std::string quoted(const std::string& s, size_t& i, bool escapes) {
    char q = s[i++];
    std::string v;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (escapes && c == '\\' && i + 1 < s.size()) {
            char n = s[++i];
            v += n == 'n' ? '\n' : n == 't' ? '\t' : n == 'r' ? '\r' : n == '0' ? '\0' : n;
        } else if (c == q && i + 1 < s.size() && s[i + 1] == q) {
            v += q;
            ++i;
        } else if (c == q) {
            ++i;
            return v;
        } else {
            v += c;
        }
    }
    return v;
}

}  // namespace

std::vector<NToken> lex(const std::string& s) {
    static const char* multi[] = {
        "<=>", "->>", "<>", "!=", "<=", ">=", "<<", ">>", "&&", "||", ":=", "->"};
    std::vector<NToken> out;
    size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (c == '`') {
            out.push_back({NKind::Ident, quoted(s, i, false)});
        } else if (c == '\'' || c == '"') {
            out.push_back({NKind::String, quoted(s, i, true)});
        } else if (std::isdigit(static_cast<unsigned char>(c)) ||
                   (c == '.' && i + 1 < s.size() &&
                    std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
            size_t b = i;
            while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.'))
                ++i;
            if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
                size_t k = i + 1;
                if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
                if (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) {
                    i = k;
                    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
                }
            }
            out.push_back({NKind::Number, s.substr(b, i - b)});
        } else if (word_char(c)) {
            size_t b = i;
            while (i < s.size() && word_char(s[i])) ++i;
            out.push_back({NKind::Word, lower(s.substr(b, i - b))});
        } else {
            std::string op(1, c);
            for (const char* m : multi)
                if (s.compare(i, std::char_traits<char>::length(m), m) == 0) {
                    op = m;
                    break;
                }
            i += op.size();
            out.push_back({NKind::Op, op});
        }
    }
    return out;
}

std::vector<NToken> canonical_tokens(const std::vector<NToken>& in) {
    static const std::map<std::string, std::string> words = {
        {"lower", "lcase"},
        {"upper", "ucase"},
        {"substring", "substr"},
        {"character_length", "char_length"},
        {"length", "octet_length"},  // MariaDB prints length() as octet_length()
        {"mid", "substr"},
        {"localtimestamp", "current_timestamp"},
        {"localtime", "current_timestamp"},
        {"now", "current_timestamp"}};
    static const std::map<std::string, std::string> ops = {
        {"!=", "<>"}, {"&&", "and"}, {"||", "or"}, {"%", "mod"}, {"!", "not"}};
    std::vector<NToken> out;
    for (size_t i = 0; i < in.size(); ++i) {
        NToken t = in[i];
        if (t.kind == NKind::Word && t.text.size() > 1 && t.text[0] == '_' && i + 1 < in.size() &&
            in[i + 1].kind == NKind::String)
            continue;  // a charset introducer
        if (t.kind == NKind::Ident) t.text = lower(t.text);
        if (t.kind == NKind::Word) {
            if (t.text == "true" || t.text == "false")
                t = {NKind::Number, t.text == "true" ? "1" : "0"};
            else if (auto it = words.find(t.text); it != words.end())
                t.text = it->second;
        }
        if (t.kind == NKind::Op)
            if (auto it = ops.find(t.text); it != ops.end())
                t = {it->second[0] == '<' ? NKind::Op : NKind::Word, it->second};
        out.push_back(t);
    }
    return out;
}

namespace {

bool is(const NToken& t, const char* text) {
    return (t.kind == NKind::Op || t.kind == NKind::Word) && t.text == text;
}

bool spaced_word(const NToken& t) {
    static const std::set<std::string> s = {"and",    "or",      "xor",  "not",  "in",   "is",
                                            "like",   "between", "when", "then", "else", "exists",
                                            "regexp", "rlike",   "mod",  "div",  "case", "end"};
    return t.kind == NKind::Word && s.count(t.text);
}

std::string text_of(const NToken& t) {
    static const std::regex simple("[a-z_][a-z0-9_$]*");
    switch (t.kind) {
        case NKind::String: {
            std::string out = "'";
            for (char c : t.text) {
                if (c == '\'' || c == '\\') out += c;
                out += c;
            }
            return out + "'";
        }
        case NKind::Ident: {
            if (std::regex_match(t.text, simple)) return t.text;
            std::string out = "`";
            for (char c : t.text) {
                if (c == '`') out += c;
                out += c;
            }
            return out + "`";
        }
        default:
            return t.text;
    }
}

}  // namespace

std::string join_tokens(const std::vector<NToken>& t) {
    std::string out;
    for (size_t i = 0; i < t.size(); ++i) {
        const NToken* prev = i ? &t[i - 1] : nullptr;
        bool space = prev != nullptr;
        if (prev && (is(*prev, "(") || is(*prev, ".") || is(*prev, ","))) space = false;
        if (is(t[i], ")") || is(t[i], ",") || is(t[i], ".")) space = false;
        if (prev && is(t[i], "(") && (prev->kind == NKind::Word || prev->kind == NKind::Ident) &&
            !spaced_word(*prev))
            space = false;
        // A unary sign attaches to what follows.
        if (prev && (is(*prev, "-") || is(*prev, "+") || is(*prev, "~")) &&
            (i < 2 || (t[i - 2].kind == NKind::Op && !is(t[i - 2], ")")) || spaced_word(t[i - 2])))
            space = false;
        if (space) out += ' ';
        out += text_of(t[i]);
    }
    return out;
}

}  // namespace migrate::mysql
