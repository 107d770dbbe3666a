// Masking passwords in URLs and in free text (core/dialect/url_mask.h).

#include "core/dialect/url_mask.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string_view>

namespace migrate {

namespace {

bool is_scheme_char(char c, bool first) {
    unsigned char u = static_cast<unsigned char>(c);
    return std::isalpha(u) || (!first && (std::isdigit(u) || c == '+' || c == '-' || c == '.'));
}

// The length of "scheme:" and the slashes (or backslashes) after it at the start of
// `s`; 0 when `s` does not start with a scheme. `slashes` tells whether any followed.
size_t scheme_prefix(std::string_view s, bool& slashes) {
    size_t i = 0;
    while (i < s.size() && is_scheme_char(s[i], i == 0)) ++i;
    slashes = false;
    if (i == 0 || i >= s.size() || s[i] != ':') return 0;
    size_t after = ++i;
    while (i < s.size() && (s[i] == '/' || s[i] == '\\')) ++i;
    slashes = i > after;
    return i;
}

// A user name shown as it is: letters, digits and . _ ~ - only.
bool plain_user(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '~' ||
               c == '-';
    });
}

// What is shown of the text between a URL's scheme and its last '@'.
std::string masked_userinfo(std::string_view userinfo, bool after_slashes) {
    size_t colon = userinfo.find(':');
    if (colon != std::string_view::npos) {
        std::string_view user = userinfo.substr(0, colon);
        return plain_user(user) ? std::string(user) + ":***" : "***";
    }
    // Without "//", "x:secret@host" puts the secret where a user name would be.
    return after_slashes && !userinfo.empty() && plain_user(userinfo) ? std::string(userinfo)
                                                                      : "***";
}

bool is_secret_key(std::string_view key) {
    std::string lower;
    for (char c : key) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower.find("password") != std::string::npos;
}

bool is_key_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

// Masks the values of ?...password=value and &...password=value; a value ends at one
// of `ends` (or the end of `s`), which are kept.
std::string mask_query(std::string_view s, const char* ends) {
    std::string out;
    size_t i = 0;
    while (i < s.size()) {
        char c = s[i++];
        out += c;
        if (c != '?' && c != '&') continue;
        size_t eq = i;
        while (eq < s.size() && is_key_char(s[eq])) ++eq;
        if (eq >= s.size() || s[eq] != '=' || !is_secret_key(s.substr(i, eq - i))) continue;
        out.append(s.substr(i, eq + 1 - i));
        size_t end = eq + 1;
        while (end < s.size() && std::strchr(ends, s[end]) == nullptr) ++end;
        if (end > eq + 1) out += "***";
        i = end;
    }
    return out;
}

// Where a value ends in free text: the next parameter, a fragment, whitespace, or
// the punctuation a message puts around a URL.
constexpr const char* kTextValueEnds = "&# \t\r\n)]}>'\"`";

// "head", "heads", "base", "head-1": what follows '@' in a revision identifier.
bool is_revision_name(std::string_view s) {
    for (std::string_view word : {"head", "base"})
        if (s.substr(0, word.size()) == word &&
            (s.size() == word.size() || !std::isalnum(static_cast<unsigned char>(s[word.size()])) ||
             (word == "head" && s[word.size()] == 's')))
            return true;
    return false;
}

// One whitespace-free word of free text, its credentials masked.
std::string mask_word(std::string_view word) {
    size_t lead = 0;
    while (lead < word.size() && std::strchr("'\"(<[{`", word[lead]) != nullptr) ++lead;
    std::string_view s = word.substr(lead);
    size_t at = s.rfind('@');
    if (at == std::string_view::npos) return std::string(word);
    bool slashes = false;
    size_t p = scheme_prefix(s.substr(0, at), slashes);
    std::string_view userinfo = s.substr(p, at - p);
    bool colon = userinfo.find(':') != std::string_view::npos;
    if (p == 0 && !colon) return std::string(word);  // a@b, user@host
    if (p > 0 && !slashes && !colon && is_revision_name(s.substr(at + 1)))
        return std::string(word);  // base:feat@head
    return std::string(word.substr(0, lead)) + std::string(s.substr(0, p)) +
           masked_userinfo(userinfo, slashes) + "@" + std::string(s.substr(at + 1));
}

}  // namespace

std::string mask_url(const std::string& url) {
    bool slashes = false;
    size_t p = scheme_prefix(url, slashes);
    size_t at = url.rfind('@');
    std::string_view s = url;
    if (at == std::string::npos || at < p) return url.substr(0, p) + mask_query(s.substr(p), "&#");
    return url.substr(0, p) + masked_userinfo(s.substr(p, at - p), slashes) + "@" +
           mask_query(s.substr(at + 1), "&#");
}

std::string mask_passwords(const std::string& text) {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        if (std::isspace(static_cast<unsigned char>(text[i]))) {
            out += text[i++];
            continue;
        }
        size_t end = i;
        while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
        out += mask_word(std::string_view(text).substr(i, end - i));
        i = end;
    }
    return mask_query(out, kTextValueEnds);
}

}  // namespace migrate
