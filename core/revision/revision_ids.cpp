// Identifier resolution for the revision graph: full ids, unique prefixes, head,
// heads, base, current, branches named by a label or a revision (X, X@head, X@heads,
// X@base, X@REV) and the errors each can raise. Relative steps (+N, -N, REV+N, REV-N,
// X@+N, X@-N, X@REV-N) are in core/revision/revision_relative.cpp.

#include <algorithm>
#include <cctype>

#include "core/base/errors.h"
#include "core/revision/revision_graph.h"

namespace migrate {

namespace {

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// Alembic's relative form `[X@][SYMBOL](+|-)N` ("feat@+2", "head-1", "abc@head-1",
// "+1"); nullopt when the identifier is not relative.
struct Relative {
    std::string branch;
    std::string symbol;
    char sign;
    int steps;
};

std::optional<Relative> parse_relative(const std::string& s) {
    size_t end = s.size();
    size_t digits = end;
    while (digits > 0 && std::isdigit(static_cast<unsigned char>(s[digits - 1]))) --digits;
    if (digits == end || digits == 0) return std::nullopt;
    char sign = s[digits - 1];
    if (sign != '+' && sign != '-') return std::nullopt;
    if (end - digits > 6) throw RevisionError("'" + s + "': relative step too large");
    std::string base = s.substr(0, digits - 1);
    size_t at = base.find('@');
    Relative rel{"", base, sign, std::stoi(s.substr(digits))};
    if (at != std::string::npos) {
        rel.branch = base.substr(0, at);
        rel.symbol = base.substr(at + 1);
        if (rel.branch.empty())
            throw RevisionError("'" + s + "': nothing before '@'; write BRANCH@" +
                                s.substr(at + 1) + " (a branch label or a revision)");
    }
    return rel;
}

}  // namespace

Target RevisionGraph::resolve(const std::string& identifier,
                              const std::vector<std::string>& current) const {
    std::string s = trim(identifier);
    if (s.empty())
        throw RevisionError(
            "empty revision identifier; use a revision id, head, heads, base or +N/-N");
    if (s == "current") {
        Target t;
        for (const auto& row : current) t.revisions.push_back(get(row).id);
        return t;
    }
    if (auto rel = parse_relative(s))
        return resolve_relative(rel->branch, rel->symbol, rel->sign, rel->steps, current);
    size_t at = s.find('@');
    if (at != std::string::npos) return resolve_labelled(s.substr(0, at), s.substr(at + 1));
    return resolve_plain(s);
}

const Revision& RevisionGraph::resolve_one(const std::string& identifier) const {
    Target t = resolve(identifier);
    if (t.is_base()) throw RevisionError("'" + identifier + "' names base, not a revision");
    if (t.revisions.size() > 1) {
        std::string list;
        for (const auto& id : t.revisions) list += (list.empty() ? "" : ", ") + id;
        throw RevisionError("'" + identifier + "' names several revisions (" + list +
                            "); name one of them");
    }
    return get(t.revisions.front());
}

std::string RevisionGraph::single_head_or_throw(const std::string& identifier) const {
    auto hs = heads();
    if (hs.size() == 1) return hs.front();
    if (hs.empty())
        throw RevisionError(
            "'" + identifier +
            "': there are no revisions yet; create one with `migrate revision -m MESSAGE`");
    std::string list;
    for (const auto& h : hs) list += "\n  " + h + " (" + get(h).where() + ")";
    throw RevisionError("'" + identifier + "' is ambiguous: the graph has " +
                        std::to_string(hs.size()) + " heads:" + list +
                        "\nuse `heads` to target all of them, name one, or join them with `migrate "
                        "merge heads -m MESSAGE`");
}

Target RevisionGraph::resolve_plain(const std::string& s) const {
    if (s == "base") return {};
    if (s == "heads") return Target{heads(), {}};
    if (s == "head") return Target{{single_head_or_throw(s)}, {}};
    if (index_of(s) >= 0) return Target{{s}, {}};
    if (auto label = label_owner_.find(s); label != label_owner_.end())
        return Target{{id_at(label->second)}, {}};
    auto it = std::lower_bound(sorted_ids_.begin(), sorted_ids_.end(), std::make_pair(s, -1));
    std::vector<std::string> matches;
    for (; it != sorted_ids_.end() && it->first.compare(0, s.size(), s) == 0; ++it)
        matches.push_back(it->first);
    if (matches.size() == 1) return Target{{matches.front()}, {}};
    if (matches.size() > 1) {
        std::string list;
        for (size_t i = 0; i < matches.size() && i < 10; ++i)
            list += "\n  " + matches[i] + " (" + get(matches[i]).where() + ")";
        if (matches.size() > 10)
            list += "\n  ... and " + std::to_string(matches.size() - 10) + " more";
        throw RevisionError("revision prefix '" + s + "' is ambiguous; it matches:" + list +
                            "\ngive more characters");
    }
    std::vector<std::string> candidates{"head", "heads", "base"};
    if (sorted_ids_.size() <= 5000)
        for (const auto& p : sorted_ids_) candidates.push_back(p.first);
    for (const auto& p : label_owner_) candidates.push_back(p.first);
    std::string msg = "no revision '" + s + "' (not an id, a unique prefix or a branch label)";
    std::string near = closest_match(s, candidates);
    if (!near.empty()) msg += "; did you mean '" + near + "'?";
    throw RevisionError(msg);
}

Target RevisionGraph::resolve_labelled(const std::string& label, const std::string& rest) const {
    std::string identifier = label + "@" + rest;
    if (label.empty() || rest.empty())
        throw RevisionError("'" + identifier +
                            "': write BRANCH@head, BRANCH@base, BRANCH@REV or BRANCH@+N, "
                            "BRANCH a branch label or a revision");
    bool is_label = label_owner_.count(label) > 0;
    if (!is_label) {
        try {
            resolve_one(label);
        } catch (const RevisionError& e) {
            std::vector<std::string> labels;
            for (const auto& p : label_owner_) labels.push_back(p.first);
            std::string msg = "'" + identifier + "': no branch label or revision '" + label + "'";
            std::string near = closest_match(label, labels);
            msg += near.empty() ? (labels.empty() ? " (no revision declares branch_labels)" : "")
                                : "; did you mean '" + near + "'?";
            throw RevisionError(msg);
        }
    }
    if (rest == "base") return Target{{}, label};
    if (rest == "head" || rest == "heads") {
        std::vector<std::string> hs = heads_of(label);
        if (hs.size() > 1 && rest == "head") {
            std::string list;
            for (const auto& h : hs) list += "\n  " + h + " (" + get(h).where() + ")";
            throw RevisionError("'" + identifier + "' is ambiguous: branch '" + label +
                                "' has several heads:" + list + "\nuse '" + label +
                                "@heads', name one, or merge them");
        }
        return Target{hs, label};
    }
    Target t = resolve_plain(rest);
    Bits on = is_label ? label_members_.at(label) : lineage(branch_anchor(label));
    for (const auto& id : t.revisions)
        if (!on[index_of(id)])
            throw RevisionError("'" + identifier + "': revision '" + id + "' (" + get(id).where() +
                                ") is not on branch '" + label + "'");
    t.branch = label;
    return t;
}

}  // namespace migrate
