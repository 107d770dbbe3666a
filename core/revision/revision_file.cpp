#include "core/revision/revision_file.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <tuple>

#include "core/base/display_path.h"
#include "core/base/errors.h"
#include "core/model/model_parse.h"
#include "core/operations/operation_yaml.h"
#include "core/revision/revision_header_scan.h"
#include "core/revision/revision_id_rules.h"
#include "core/yaml/yaml_read.h"
#include "core/yaml/yaml_writer.h"

namespace fs = std::filesystem;

namespace migrate {

namespace {

const std::vector<std::string> kRevisionKeys = {
    "revision",    "down_revision", "branch_labels", "depends_on",    "message",
    "create_date", "upgrade",       "downgrade",     "allow_hazards", "transactional"};

// A scalar or a list of scalars as strings (ids stay strings: 0e12 is not a number).
std::vector<std::string> read_ids(const yaml::Node& doc, const std::string& key,
                                  ParseContext& ctx) {
    const yaml::Node v = doc[key];
    if (is_missing(v)) return {};
    std::vector<std::string> out;
    if (v.IsScalar())
        out.push_back(v.Scalar());
    else if (v.IsSequence())
        for (const auto& item : v) {
            if (item.IsScalar())
                out.push_back(item.Scalar());
            else
                report(ctx, item, "'" + key + "' must list revision ids");
        }
    else
        report(ctx, v, "'" + key + "' must be a revision id or a list of them");
    for (size_t i = 0; i < out.size(); ++i)
        if (auto problem = id_problem(out[i]))
            report(ctx, v.IsSequence() ? v[i] : v,
                   "'" + key + "' entry '" + out[i] + "' " + *problem);
    return out;
}

template <typename T>
void append(std::vector<T>& to, std::vector<T> more) {
    to.insert(to.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

// The header fields of `doc` into `r`; the operations were streamed into it already
// (only a malformed `upgrade:`/`downgrade:` that is not a list is left to read here).
void parse_document(const yaml::Node& doc, ParseContext& ctx, Revision& r) {
    if (!expect_map(doc, "a revision file", ctx)) return;
    check_keys(doc, kRevisionKeys, "a revision file", ctx);
    auto id = read_string(doc, "revision", "a revision file", ctx, true);
    if (id) {
        r.id = *id;
        if (auto problem = id_problem(r.id))
            report(ctx, doc["revision"], "revision id '" + r.id + "' " + *problem);
    }
    r.down_revisions = read_ids(doc, "down_revision", ctx);
    r.depends_on = read_ids(doc, "depends_on", ctx);
    r.branch_labels = read_ids(doc, "branch_labels", ctx);
    r.message = read_string(doc, "message", "a revision file", ctx).value_or("");
    r.create_date = read_string(doc, "create_date", "a revision file", ctx).value_or("");
    r.allow_hazards = read_string_list(doc, "allow_hazards", "a revision file", ctx)
                          .value_or(std::vector<std::string>{});
    r.transactional = read_bool(doc, "transactional", "a revision file", ctx).value_or(true);
    append(r.upgrade, parse_operations(doc["upgrade"], ctx));
    append(r.downgrade, parse_operations(doc["downgrade"], ctx));
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError("cannot read revision file " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Each operation is parsed as the YAML parser reaches it and its YAML dropped at once:
// a revision costs the memory of its operations, not of its text's YAML tree.
Revision parse_collecting(const std::string& text, const std::string& path,
                          const NamingConvention& naming, std::vector<Diagnostic>& diagnostics) {
    ParseContext ctx{path, &diagnostics, &naming};
    size_t before = diagnostics.size();
    Revision r;
    r.path = path;
    yaml::Node doc;
    try {
        doc = yaml::parse(text, {"upgrade", "downgrade"},
                          [&](const std::string& key, const yaml::Node& item) {
                              if (key == "upgrade") append(r.upgrade, parse_operation(item, ctx));
                              if (key == "downgrade")
                                  append(r.downgrade, parse_operation(item, ctx));
                          });
    } catch (
        const yaml::ParseError& e) {  // only the syntax error counts, not what was read before it
        diagnostics.resize(before);
        diagnostics.push_back({{path, e.mark.line + 1, e.mark.column + 1},
                               std::string("malformed YAML: ") + e.what()});
        Revision bad;
        bad.path = path;
        return bad;
    }
    parse_document(doc, ctx, r);
    std::stable_sort(diagnostics.begin() + static_cast<std::ptrdiff_t>(before), diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return std::tie(a.where.line, a.where.column) <
                                std::tie(b.where.line, b.where.column);
                     });
    return r;
}

}  // namespace

Revision parse_revision(const std::string& text, const std::string& path,
                        const NamingConvention& naming) {
    std::vector<Diagnostic> diagnostics;
    Revision r = parse_collecting(text, path, naming, diagnostics);
    if (!diagnostics.empty()) throw InputError(std::move(diagnostics));
    return r;
}

Revision read_revision_file(const std::string& path, const NamingConvention& naming) {
    return parse_revision(read_text(path), path, naming);
}

std::vector<Revision> load_revisions(const std::vector<std::string>& folders,
                                     const NamingConvention& naming, LoadMode mode) {
    std::vector<std::string> paths;
    for (const auto& folder : folders) {
        std::error_code ec;
        if (!fs::exists(folder, ec)) continue;
        if (!fs::is_directory(folder, ec))
            throw InputError("versions path " + display_path(folder) + " is not a folder");
        for (auto it = fs::recursive_directory_iterator(folder, ec);
             it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (ec) break;
            const fs::path& p = it->path();
            std::string name = p.filename().string();
            if (name.empty() || name[0] == '.') {
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file() && (p.extension() == ".yaml" || p.extension() == ".yml"))
                paths.push_back(display_path(p.string()));  // as messages name it
        }
        if (ec)
            throw InputError("cannot list versions folder " + display_path(folder) + ": " +
                             ec.message());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<Revision> revisions;
    revisions.reserve(paths.size());
    std::vector<Diagnostic> diagnostics;
    for (const auto& path : paths) {
        std::string text = read_text(path);
        if (mode == LoadMode::Headers) {
            if (auto header = scan_revision_header(text, path)) {
                header->operations_loaded = false;
                revisions.push_back(std::move(*header));
                continue;
            }
        }
        revisions.push_back(parse_collecting(text, path, naming, diagnostics));
    }
    if (!diagnostics.empty()) throw InputError(std::move(diagnostics));
    return revisions;
}

namespace {

YamlValue ids_value(const std::vector<std::string>& ids) {
    YamlValue list = YamlValue::seq(true);
    for (const auto& id : ids) list.push(YamlValue::quoted(id));
    return list;
}

YamlValue date_value(const std::string& date) {
    bool plain = !date.empty() && std::all_of(date.begin(), date.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) ||
               std::string("-:TZ.+").find(c) != std::string::npos;
    });
    return plain ? YamlValue::raw(date) : YamlValue::str(date);
}

}  // namespace

std::string emit_revision(const Revision& r, const NamingConvention& naming) {
    YamlValue doc = YamlValue::map();
    doc.add("revision", YamlValue::quoted(r.id));
    if (r.down_revisions.empty())
        doc.add("down_revision", YamlValue::null());
    else if (r.down_revisions.size() == 1)
        doc.add("down_revision", YamlValue::quoted(r.down_revisions.front()));
    else
        doc.add("down_revision", ids_value(r.down_revisions));
    doc.add("branch_labels", YamlValue::str_list(r.branch_labels));
    doc.add("depends_on", ids_value(r.depends_on));
    doc.add("message", YamlValue::str(r.message));
    doc.add("create_date", date_value(r.create_date));
    if (!r.allow_hazards.empty()) doc.add("allow_hazards", YamlValue::str_list(r.allow_hazards));
    if (!r.transactional) doc.add("transactional", YamlValue::boolean(false));
    EmitOptions options;
    options.naming = &naming;
    doc.add("upgrade", emit_operations_value(r.upgrade, options));
    doc.add("downgrade", emit_operations_value(r.downgrade, options));
    std::string notes;
    for (const auto& line : r.notes) notes += "# " + line + "\n";
    return notes + doc.render();
}

namespace {

Revision with_default_message(Revision r) {
    r.message = "empty message";
    return r;
}

}  // namespace

std::string revision_file_name(const Revision& r) {
    std::string slug = slugify(r.message);
    return r.id + (slug.empty() ? "" : "_" + slug) + ".yaml";
}

std::string write_revision_file(const Revision& r, const std::string& folder,
                                const NamingConvention& naming) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
        throw InputError("cannot create versions folder " + display_path(folder) + ": " +
                         ec.message());
    std::string path = (fs::path(folder) / revision_file_name(r)).string();
    if (fs::exists(path))
        throw InputError("refusing to overwrite " + display_path(path) +
                         "; choose another --rev-id");
    // No message: the file name has no slug and the file says "empty message" (Alembic's).
    std::string text = r.message.empty() ? emit_revision(with_default_message(r), naming)
                                         : emit_revision(r, naming);
    std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary);
        out << text;
        if (!out) throw InputError("cannot write " + display_path(tmp));
    }
    fs::rename(tmp, path, ec);
    if (ec) throw InputError("cannot write " + display_path(path) + ": " + ec.message());
    return path;
}

std::string random_revision_id() {
    std::random_device device;
    std::mt19937_64 rng((uint64_t(device()) << 32) ^ device() ^
                        uint64_t(std::chrono::steady_clock::now().time_since_epoch().count()));
    static const char* hex = "0123456789abcdef";
    std::string id;
    uint64_t bits = rng();
    for (int i = 0; i < 12; ++i, bits >>= 4) id += hex[bits & 0xf];
    return id;
}

std::string utc_now_iso8601() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

RevisionSource default_revision_source() { return {random_revision_id, utc_now_iso8601}; }

}  // namespace migrate
