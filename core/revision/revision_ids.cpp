// Identifier resolution for the revision graph: full ids, unique prefixes, head,
// heads, base, branch labels (label, label@head, label@base, label@REV), relative
// steps (+N, -N, REV+N, REV-N, head-N) and the errors each can raise.

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

struct Relative {
    std::string base;
    char sign;
    int steps;
};

// "head-2" -> {head, '-', 2}; "+1" -> {"", '+', 1}; "abc" -> nullopt.
std::optional<Relative> parse_relative(const std::string& s) {
    size_t end = s.size();
    size_t digits = end;
    while (digits > 0 && std::isdigit(static_cast<unsigned char>(s[digits - 1]))) --digits;
    if (digits == end || digits == 0) return std::nullopt;
    char sign = s[digits - 1];
    if (sign != '+' && sign != '-') return std::nullopt;
    if (end - digits > 6) throw RevisionError("'" + s + "': relative step too large");
    return Relative{s.substr(0, digits - 1), sign, std::stoi(s.substr(digits))};
}

}  // namespace

Target RevisionGraph::resolve(const std::string& identifier,
                              const std::vector<std::string>& current) const {
    std::string s = trim(identifier);
    if (s.empty())
        throw RevisionError(
            "empty revision identifier; use a revision id, head, heads, base or +N/-N");
    if (auto rel = parse_relative(s))
        return resolve_relative(rel->base, rel->sign, rel->steps, current);
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

std::vector<int> RevisionGraph::label_heads(const std::string& label) const {
    const Bits& members = label_members_.at(label);
    std::vector<int> out;
    for (int i : topo_)
        if (members[i] && up_[i].empty()) out.push_back(i);
    return out;
}

Target RevisionGraph::resolve_labelled(const std::string& label, const std::string& rest) const {
    if (!label_owner_.count(label)) {
        std::vector<std::string> labels;
        for (const auto& p : label_owner_) labels.push_back(p.first);
        std::string msg = "no branch label '" + label + "'";
        std::string near = closest_match(label, labels);
        msg += near.empty() ? (labels.empty() ? " (no revision declares branch_labels)" : "")
                            : "; did you mean '" + near + "'?";
        throw RevisionError(msg);
    }
    if (rest == "base") return Target{{}, label};
    if (rest == "head" || rest == "heads") {
        std::vector<int> hs = label_heads(label);
        if (hs.size() > 1 && rest == "head") {
            std::string list;
            for (int h : hs) list += "\n  " + id_at(h) + " (" + revs_[h].where() + ")";
            throw RevisionError("'" + label + "@head' is ambiguous: branch '" + label +
                                "' has several heads:" + list + "\nuse '" + label +
                                "@heads', name one, or merge them");
        }
        Target t{{}, label};
        for (int h : hs) t.revisions.push_back(id_at(h));
        return t;
    }
    Target t = resolve_plain(rest);
    for (const auto& id : t.revisions)
        if (!label_members_.at(label)[index_of(id)])
            throw RevisionError("revision '" + id + "' (" + get(id).where() +
                                ") is not on branch '" + label + "'");
    t.branch = label;
    return t;
}

Target RevisionGraph::resolve_relative(const std::string& base, char sign, int steps,
                                       const std::vector<std::string>& current) const {
    std::string identifier = base + sign + std::to_string(steps);
    Target from;
    if (base.empty()) {
        for (const auto& row : current) from.revisions.push_back(get(row).id);
        if (from.revisions.size() > 1) {
            std::string list;
            for (const auto& r : from.revisions) list += (list.empty() ? "" : ", ") + r;
            throw RevisionError("'" + identifier +
                                "' is ambiguous: the database is at several heads (" + list +
                                "); step from one of them, e.g. " + from.revisions.front() + sign +
                                std::to_string(steps));
        }
    } else {
        from = resolve(base);
    }
    if (steps == 0) return from;
    return sign == '+' ? step_up(std::move(from), steps, identifier)
                       : step_down(std::move(from), steps, identifier);
}

namespace {

std::string list_with_files(const std::vector<int>& nodes, const std::vector<Revision>& revs) {
    std::string list;
    for (int n : nodes) list += "\n  " + revs[n].id + " (" + revs[n].where() + ")";
    return list;
}

}  // namespace

Target RevisionGraph::step_up(Target from, int steps, const std::string& identifier) const {
    for (int k = 0; k < steps; ++k) {
        std::vector<int> next;
        std::string here;
        if (from.is_base()) {
            for (int i : topo_)
                if (down_[i].empty()) next.push_back(i);
            here = "base";
        } else if (from.revisions.size() > 1) {
            throw RevisionError("'" + identifier +
                                "' is ambiguous: it steps from several revisions; name one");
        } else {
            next = up_[index_of(from.revisions.front())];
            here = "'" + from.revisions.front() + "' (" + get(from.revisions.front()).where() + ")";
        }
        if (next.empty())
            throw RevisionError("'" + identifier + "' steps past head: " + here +
                                " is a head after " + std::to_string(k) + " of " +
                                std::to_string(steps) + " steps");
        if (next.size() > 1)
            throw RevisionError("'" + identifier + "' is ambiguous: " + here +
                                " has several children:" + list_with_files(next, revs_) +
                                "\nname the revision to go to");
        from.revisions = {id_at(next.front())};
    }
    return from;
}

Target RevisionGraph::step_down(Target from, int steps, const std::string& identifier) const {
    for (int k = 0; k < steps; ++k) {
        if (from.is_base())
            throw RevisionError("'" + identifier + "' steps past base: only " + std::to_string(k) +
                                " revision(s) lie below the starting point");
        if (from.revisions.size() > 1) {
            std::vector<int> nodes;
            for (const auto& r : from.revisions) nodes.push_back(index_of(r));
            throw RevisionError("'" + identifier +
                                "' is ambiguous: the step reaches several revisions:" +
                                list_with_files(nodes, revs_) + "\nstep from one of them instead");
        }
        std::vector<std::string> next;
        for (int p : down_[index_of(from.revisions.front())]) next.push_back(id_at(p));
        from.revisions = std::move(next);
    }
    return from;
}

}  // namespace migrate
