// The metadata loader (core/model_loader.h): files and folders to documents,
// documents to tables, enums and sequences, then the merge and the checks that span tables.

#include "core/model_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "core/model_check.h"
#include "core/model_parse.h"
#include "core/yaml_read.h"

namespace migrate {

namespace fs = std::filesystem;

namespace {

bool is_model_extension(const fs::path& p) {
    std::string ext = p.extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

// `path` relative to the working directory when it lies below it.
std::string display_path(const std::string& path) {
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    if (ec || !fs::path(path).is_absolute()) return path;
    fs::path rel = fs::path(path).lexically_relative(cwd);
    if (rel.empty() || *rel.begin() == "..") return path;
    return rel.string();
}

class ModelMerger {
public:
    explicit ModelMerger(const NamingConvention& naming) : naming_(naming) {}

    void add_document(const std::string& file, const std::string& text) {
        YAML::Node root;
        try {
            root = YAML::Load(text);
        } catch (const YAML::Exception& e) {
            diagnostics_.push_back({{file, e.mark.line + 1, e.mark.column + 1}, "invalid YAML: " + e.msg});
            return;
        }
        ParseContext ctx{file, &diagnostics_, &naming_};
        if (is_missing(root)) return;
        if (!expect_map(root, "a model file", ctx)) return;
        try {
            check_keys(root, {"tables", "enums", "sequences"}, "a model file", ctx);
            for_each(root, "enums", ctx, [&](const YAML::Node& item) { add_enum(item, ctx); });
            for_each(root, "sequences", ctx,
                     [&](const YAML::Node& item) { add_sequence(item, ctx); });
            for_each(root, "tables", ctx, [&](const YAML::Node& item) { add_table(item, ctx); });
        } catch (const YAML::Exception& e) {  // a shape no check above foresaw: still an input error
            diagnostics_.push_back({{file, e.mark.line + 1, e.mark.column + 1}, "unexpected structure: " + e.msg});
        }
    }

    Schema finish() {
        Schema schema;
        for (auto& e : enums_) schema.enums.push_back(e.value);
        for (auto& t : tables_) schema.tables.push_back(t.table);
        for (auto& q : sequences_) schema.sequences.push_back(q.value);
        check_model_references(tables_, enums_, diagnostics_);
        check_model_sequences(tables_, sequences_, diagnostics_);
        if (!diagnostics_.empty()) {
            std::stable_sort(diagnostics_.begin(), diagnostics_.end(), [](const Diagnostic& a, const Diagnostic& b) {
                return std::tie(a.where.file, a.where.line, a.where.column) <
                       std::tie(b.where.file, b.where.line, b.where.column);
            });
            throw InputError(diagnostics_);
        }
        schema.sort();
        return schema;
    }

    std::vector<Diagnostic>& diagnostics() { return diagnostics_; }

private:
    template <typename Fn>
    void for_each(const YAML::Node& root, const std::string& key, ParseContext& ctx, Fn fn) {
        const YAML::Node list = root[key];
        if (is_missing(list)) return;
        if (!list.IsSequence()) {
            report(ctx, list, "'" + key + "' of a model file must be a list");
            return;
        }
        for (const auto& item : list) fn(item);
    }

    void add_table(const YAML::Node& item, ParseContext& ctx) {
        LocatedTable located;
        auto table = parse_table(item, ctx, &located.sites);
        if (!table) return;
        located.table = std::move(*table);
        for (const auto& other : tables_) {
            if (other.table.schema != located.table.schema || other.table.name != located.table.name) continue;
            report(ctx, located.sites.table, "table '" + located.table.qualified_name() + "' is declared twice: in " +
                                                 other.sites.table.to_string() + " and in " +
                                                 located.sites.table.to_string());
            return;
        }
        tables_.push_back(std::move(located));
    }

    void add_enum(const YAML::Node& item, ParseContext& ctx) {
        auto e = parse_enum(item, ctx);
        if (!e) return;
        SourceLocation at = location_of(item["name"], ctx.file);
        for (const auto& other : enums_) {
            if (other.value.schema != e->schema || other.value.name != e->name) continue;
            report(ctx, at, "enum '" + e->qualified_name() + "' is declared twice: in " + other.where.to_string() +
                                " and in " + at.to_string());
            return;
        }
        enums_.push_back({std::move(*e), at});
    }

    void add_sequence(const YAML::Node& item, ParseContext& ctx) {
        auto q = parse_sequence(item, ctx);
        if (!q) return;
        SourceLocation at = location_of(item["name"], ctx.file);
        for (const auto& other : sequences_) {
            if (other.value.schema != q->schema || other.value.name != q->name) continue;
            report(ctx, at,
                   "sequence '" + q->qualified_name() + "' is declared twice: in " +
                       other.where.to_string() + " and in " + at.to_string());
            return;
        }
        sequences_.push_back({std::move(*q), at});
    }

    NamingConvention naming_;
    std::vector<Diagnostic> diagnostics_;
    std::vector<LocatedTable> tables_;
    std::vector<LocatedEnum> enums_;
    std::vector<LocatedSequence> sequences_;
};

std::string read_whole_file(const std::string& path, bool& ok) {
    std::ifstream in(path, std::ios::binary);
    ok = static_cast<bool>(in);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace

std::vector<std::string> find_model_files(const std::vector<std::string>& paths, std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> files;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_regular_file(p, ec)) {
            files.push_back(p);
        } else if (fs::is_directory(p, ec)) {
            std::vector<std::string> found;
            for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
                 it.increment(ec))
                if (it->is_regular_file(ec) && is_model_extension(it->path())) found.push_back(it->path().string());
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            diagnostics.push_back({{display_path(p), 0, 0}, "model path '" + display_path(p) +
                                                                "' does not exist; check 'models:' in the config"});
        }
    }
    return files;
}

Schema load_models(const std::vector<std::string>& paths, const NamingConvention& naming) {
    ModelMerger merger(naming);
    for (const auto& file : find_model_files(paths, merger.diagnostics())) {
        bool ok = false;
        std::string text = read_whole_file(file, ok);
        if (!ok) {
            merger.diagnostics().push_back({{display_path(file), 0, 0}, "cannot read model file"});
            continue;
        }
        merger.add_document(display_path(file), text);
    }
    return merger.finish();
}

Schema load_model_documents(const std::vector<ModelDocument>& documents, const NamingConvention& naming) {
    ModelMerger merger(naming);
    for (const auto& [file, text] : documents) merger.add_document(file, text);
    return merger.finish();
}

}  // namespace migrate
