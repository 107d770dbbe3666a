// The metadata loader (core/model/model_loader.h): files and folders to documents,
// documents to tables, enums and sequences, then the merge and the checks that span tables.

#include "core/model/model_loader.h"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <tuple>

#include "core/model/model_check.h"
#include "core/model/model_parse.h"
#include "core/yaml/yaml_read.h"

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

// Tables, enums and sequences are merged as the parser streams them, one item at a time, and
// duplicates are found through an index: loading is linear in the number of tables.
class ModelMerger {
  public:
    explicit ModelMerger(const NamingConvention& naming) : naming_(naming) {}

    void add_document(const std::string& file, const std::string& text) {
        ParseContext ctx{file, &diagnostics_, &naming_};
        size_t diagnostics_before = diagnostics_.size(), tables_before = tables_.size(),
               enums_before = enums_.size(), sequences_before = sequences_.size();
        yaml::Node root;
        try {
            root = yaml::parse(text, {"tables", "enums", "sequences"},
                               [&](const std::string& key, const yaml::Node& item) {
                                   if (key == "tables")
                                       add_table(item, ctx);
                                   else if (key == "enums")
                                       add_enum(item, ctx);
                                   else if (key == "sequences")
                                       add_sequence(item, ctx);
                               });
        } catch (const yaml::ParseError&
                     e) {  // only the syntax error counts, not what was read before it
            forget_since(tables_before, enums_before, sequences_before);
            diagnostics_.resize(diagnostics_before);
            diagnostics_.push_back({{file, e.mark.line + 1, e.mark.column + 1},
                                    std::string("invalid YAML: ") + e.what()});
            return;
        }
        if (is_missing(root)) return;
        if (!expect_map(root, "a model file", ctx)) return;
        check_keys(root, {"tables", "enums", "sequences"}, "a model file", ctx);
        for (const char* key : {"enums", "sequences", "tables"})
            if (!is_missing(root[key]) && !root[key].IsSequence())
                report(ctx, root[key], std::string("'") + key + "' of a model file must be a list");
    }

    Schema finish() {
        check_model_references(tables_, enums_, diagnostics_, naming_.names_per_table);
        check_model_sequences(tables_, sequences_, diagnostics_);
        if (!diagnostics_.empty()) {
            std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                             [](const Diagnostic& a, const Diagnostic& b) {
                                 return std::tie(a.where.file, a.where.line, a.where.column) <
                                        std::tie(b.where.file, b.where.line, b.where.column);
                             });
            throw InputError(diagnostics_);
        }
        Schema schema;
        schema.enums.reserve(enums_.size());
        schema.tables.reserve(tables_.size());
        for (auto& e : enums_) schema.enums.push_back(std::move(e.value));
        for (auto& t : tables_) schema.tables.push_back(std::move(t.table));
        for (auto& q : sequences_) schema.sequences.push_back(std::move(q.value));
        schema.sort();
        return schema;
    }

    std::vector<Diagnostic>& diagnostics() { return diagnostics_; }

  private:
    using Key = std::pair<std::string, std::string>;  // schema, name

    void add_table(const yaml::Node& item, ParseContext& ctx) {
        LocatedTable located;
        auto table = parse_table(item, ctx, &located.sites);
        if (!table) return;
        located.table = std::move(*table);
        auto [it, inserted] =
            table_index_.emplace(Key{located.table.schema, located.table.name}, tables_.size());
        if (!inserted) {
            report(ctx, located.sites.table,
                   "table '" + located.table.qualified_name() + "' is declared twice: in " +
                       tables_[it->second].sites.table.to_string() + " and in " +
                       located.sites.table.to_string());
            return;
        }
        tables_.push_back(std::move(located));
    }

    void add_enum(const yaml::Node& item, ParseContext& ctx) {
        auto e = parse_enum(item, ctx);
        if (!e) return;
        SourceLocation at = location_of(item["name"], ctx.file);
        auto [it, inserted] = enum_index_.emplace(Key{e->schema, e->name}, enums_.size());
        if (!inserted) {
            report(ctx, at,
                   "enum '" + e->qualified_name() + "' is declared twice: in " +
                       enums_[it->second].where.to_string() + " and in " + at.to_string());
            return;
        }
        enums_.push_back({std::move(*e), at});
    }

    void add_sequence(const yaml::Node& item, ParseContext& ctx) {
        auto q = parse_sequence(item, ctx);
        if (!q) return;
        SourceLocation at = location_of(item["name"], ctx.file);
        auto [it, inserted] = sequence_index_.emplace(Key{q->schema, q->name}, sequences_.size());
        if (!inserted) {
            report(ctx, at,
                   "sequence '" + q->qualified_name() + "' is declared twice: in " +
                       sequences_[it->second].where.to_string() + " and in " + at.to_string());
            return;
        }
        sequences_.push_back({std::move(*q), at});
    }

    // Drops what a document added before it turned out to be malformed.
    void forget_since(size_t tables_before, size_t enums_before, size_t sequences_before) {
        for (size_t i = sequences_before; i < sequences_.size(); ++i)
            sequence_index_.erase(Key{sequences_[i].value.schema, sequences_[i].value.name});
        sequences_.resize(sequences_before);
        for (size_t i = tables_before; i < tables_.size(); ++i)
            table_index_.erase(Key{tables_[i].table.schema, tables_[i].table.name});
        for (size_t i = enums_before; i < enums_.size(); ++i)
            enum_index_.erase(Key{enums_[i].value.schema, enums_[i].value.name});
        tables_.resize(tables_before);
        enums_.resize(enums_before);
    }

    NamingConvention naming_;
    std::vector<Diagnostic> diagnostics_;
    std::deque<LocatedTable> tables_;  // a deque: growing never moves the tables read so far
    std::deque<LocatedEnum> enums_;
    std::deque<LocatedSequence> sequences_;
    std::map<Key, size_t> table_index_, enum_index_, sequence_index_;
};

std::string read_whole_file(const std::string& path, bool& ok) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    ok = static_cast<bool>(in);
    if (!ok) return {};
    std::string text(static_cast<size_t>(std::max<std::streamoff>(in.tellg(), 0)), '\0');
    in.seekg(0);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<size_t>(in.gcount()));
    return text;
}

}  // namespace

std::vector<std::string> find_model_files(const std::vector<std::string>& paths,
                                          std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> files;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_regular_file(p, ec)) {
            files.push_back(p);
        } else if (fs::is_directory(p, ec)) {
            std::vector<std::string> found;
            for (auto it = fs::recursive_directory_iterator(p, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
                if (it->is_regular_file(ec) && is_model_extension(it->path()))
                    found.push_back(it->path().string());
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            diagnostics.push_back({{display_path(p), 0, 0},
                                   "model path '" + display_path(p) +
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

Schema load_model_documents(const std::vector<ModelDocument>& documents,
                            const NamingConvention& naming) {
    ModelMerger merger(naming);
    for (const auto& [file, text] : documents) merger.add_document(file, text);
    return merger.finish();
}

}  // namespace migrate
