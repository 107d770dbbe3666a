// CREATE TABLE / CREATE INDEX reader (see create_parser.h).
#include "dialects/sqlite/create_parser.h"

#include "dialects/sqlite/tokenizer.h"

namespace migrate::sqlite {

namespace {

using Tokens = std::vector<Token>;

// Identifiers of a parenthesised list starting at `open`; sets `after` past the ')'.
std::vector<std::string> name_list(const Tokens& t, size_t open, size_t& after) {
    std::vector<std::string> names;
    size_t close = matching_paren(t, open);
    for (auto [b, e] : split_top_level(t, open + 1, close))
        if (b < e) names.push_back(t[b].value);
    after = close + 1;
    return names;
}

// Whether tokens [b, e) say DEFERRABLE (not NOT DEFERRABLE).
bool says_deferrable(const Tokens& t, size_t b, size_t e) {
    for (size_t i = b; i < e; ++i)
        if (t[i].is_keyword("DEFERRABLE") && !(i > b && t[i - 1].is_keyword("NOT"))) return true;
    return false;
}

// Skips one expression operand: a parenthesised group, or a signed literal / word.
size_t skip_operand(const Tokens& t, size_t i) {
    if (i < t.size() && t[i].is_punct("(")) return matching_paren(t, i) + 1;
    if (i < t.size() && (t[i].is_punct("-") || t[i].is_punct("+"))) ++i;
    return i + 1;
}

void parse_table_constraint(const std::string& sql, const Tokens& t, size_t b, size_t e,
                            ParsedTable& out) {
    std::string name;
    if (t[b].is_keyword("CONSTRAINT") && b + 1 < e) {
        name = t[b + 1].value;
        b += 2;
    }
    size_t after = b;
    if (b >= e) return;
    if (t[b].is_keyword("PRIMARY") && b + 2 < e) {
        out.primary_key = ParsedConstraint{name, name_list(t, b + 2, after), ""};
    } else if (t[b].is_keyword("UNIQUE") && b + 1 < e) {
        out.uniques.push_back({name, name_list(t, b + 1, after), ""});
    } else if (t[b].is_keyword("FOREIGN") && b + 2 < e) {
        out.foreign_keys.push_back(
            {name, name_list(t, b + 2, after), "", says_deferrable(t, b, e)});
    } else if (t[b].is_keyword("CHECK") && b + 1 < e) {
        size_t close = matching_paren(t, b + 1);
        out.checks.push_back({name, {}, source_text(sql, t, b + 2, close)});
    }
}

void parse_column(const std::string& sql, const Tokens& t, size_t b, size_t e, ParsedTable& out) {
    ParsedColumn col;
    col.name = t[b].value;
    std::string pending;  // a CONSTRAINT name for the next constraint
    for (size_t i = b + 1; i < e;) {
        const Token& k = t[i];
        if (k.is_keyword("CONSTRAINT") && i + 1 < e) {
            pending = t[i + 1].value;
            i += 2;
            continue;
        }
        if (k.is_keyword("DEFAULT")) {
            i = skip_operand(t, i + 1);
            continue;
        }
        if (k.is_keyword("COLLATE") && i + 1 < e) {
            col.collation = t[i + 1].value;
            i += 2;
            continue;
        }
        if (k.is_keyword("AUTOINCREMENT")) col.autoincrement = true;
        if (k.is_keyword("PRIMARY")) out.primary_key = ParsedConstraint{pending, {col.name}, ""};
        if (k.is_keyword("UNIQUE")) out.uniques.push_back({pending, {col.name}, ""});
        if (k.is_keyword("REFERENCES"))
            out.foreign_keys.push_back({pending, {col.name}, "", says_deferrable(t, i, e)});
        if (k.is_keyword("CHECK") && i + 1 < e && t[i + 1].is_punct("(")) {
            size_t close = matching_paren(t, i + 1);
            out.checks.push_back({pending, {}, source_text(sql, t, i + 2, close)});
            pending.clear();
            i = close + 1;
            continue;
        }
        if (k.is_keyword("PRIMARY") || k.is_keyword("UNIQUE") || k.is_keyword("REFERENCES"))
            pending.clear();
        if (k.is_punct("(")) {
            i = matching_paren(t, i) + 1;
            continue;
        }
        ++i;
    }
    out.columns.push_back(std::move(col));
}

bool starts_constraint(const Token& t) {
    return t.is_keyword("CONSTRAINT") || t.is_keyword("PRIMARY") || t.is_keyword("UNIQUE") ||
           t.is_keyword("CHECK") || t.is_keyword("FOREIGN");
}

size_t first_paren(const Tokens& t) {
    for (size_t i = 0; i < t.size(); ++i)
        if (t[i].is_punct("(")) return i;
    return t.size();
}

}  // namespace

ParsedTable parse_create_table(const std::string& sql) {
    ParsedTable out;
    Tokens t = tokenize(sql);
    size_t open = first_paren(t);
    if (open >= t.size()) return out;  // CREATE TABLE ... AS SELECT
    size_t close = matching_paren(t, open);
    for (auto [b, e] : split_top_level(t, open + 1, close)) {
        if (b >= e) continue;
        if (starts_constraint(t[b]))
            parse_table_constraint(sql, t, b, e, out);
        else
            parse_column(sql, t, b, e, out);
    }
    for (size_t i = close + 1; i < t.size(); ++i) {
        if (i + 1 < t.size() && t[i].is_keyword("WITHOUT") && t[i + 1].is_keyword("ROWID"))
            out.without_rowid = true;
        if (t[i].is_keyword("STRICT")) out.strict = true;
    }
    return out;
}

Index parse_create_index(const std::string& sql) {
    Index ix;
    Tokens t = tokenize(sql);
    for (size_t i = 0; i < t.size() && !t[i].is_keyword("INDEX"); ++i)
        if (t[i].is_keyword("UNIQUE")) ix.unique = true;
    size_t open = first_paren(t);
    if (open >= t.size()) return ix;
    size_t close = matching_paren(t, open);
    for (auto [b, e] : split_top_level(t, open + 1, close)) {
        IndexElement el;
        if (e > b && t[e - 1].is_keyword("DESC")) {
            el.order = SortOrder::Desc;
            --e;
        } else if (e > b && t[e - 1].is_keyword("ASC"))
            --e;
        if (e == b + 1 && t[b].is_identifier())
            el.column = t[b].value;
        else
            el.expression = source_text(sql, t, b, e);
        ix.elements.push_back(std::move(el));
    }
    for (size_t i = close + 1; i < t.size(); ++i)
        if (t[i].is_keyword("WHERE")) {
            ix.where = source_text(sql, t, i + 1, t.size());
            break;
        }
    return ix;
}

}  // namespace migrate::sqlite
