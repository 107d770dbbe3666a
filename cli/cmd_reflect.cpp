// `migrate reflect [-o DIR] [--single-file] [--force]`: writes model files from an
// existing database (adopting it), one per table or one in all, and lists what the
// models cannot express ("not managed": views, triggers, ...). Never overwrites a file
// without --force.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include "cli/command.h"
#include "cli/project.h"
#include "core/base/errors.h"
#include "core/model/model_files.h"

namespace migrate::cli {

namespace {

namespace fs = std::filesystem;

struct ReflectArgs {
    std::string output;
    bool single_file = false;
    bool force = false;
};

bool looks_like_file(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    return ext == ".yaml" || ext == ".yml";
}

// Where the files go: -o, else the config's first models entry, else ./models. A
// destination that names a .yaml/.yml file means one file.
struct Destination {
    std::string dir;
    std::string single_name;  // set: everything goes into this one file
};

Destination destination(const ReflectArgs& args, const Config* config) {
    std::string out = args.output;
    if (out.empty()) out = config && !config->models.empty() ? config->models.front() : "models";
    if (!looks_like_file(out)) return {out, args.single_file ? "models.yaml" : ""};
    fs::path p(out);
    return {p.parent_path().empty() ? "." : p.parent_path().string(), p.filename().string()};
}

void refuse_overwrite(const std::vector<std::string>& paths, bool force) {
    std::vector<std::string> existing;
    std::error_code ec;
    for (const auto& p : paths)
        if (fs::exists(p, ec)) existing.push_back(display_path(p));
    if (existing.empty() || force) return;
    std::string list;
    for (const auto& p : existing) list += "\n  " + p;
    throw InputError(
        "reflect would overwrite " + std::to_string(existing.size()) + " existing file(s):" + list +
        "\nmove them away, choose another folder with -o, or pass --force to overwrite");
}

void write_file(const std::string& path, const std::string& text) {
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    std::ofstream f(path, std::ios::binary);
    f << text;
    if (!f)
        throw InputError("cannot write '" + display_path(path) +
                         "'; check that the folder is writable");
}

void report(CommandContext& ctx, const Database& db, const Schema& schema,
            const std::vector<std::string>& written,
            const std::vector<UnmanagedObject>& unmanaged) {
    nlohmann::json files = nlohmann::json::array(), others = nlohmann::json::array();
    for (const auto& p : written) files.push_back(display_path(p));
    for (const auto& u : unmanaged) others.push_back({{"kind", u.kind}, {"name", u.name}});
    ctx.out.set_result({{"database", db.url.masked()},
                        {"files", files},
                        {"tables", schema.tables.size()},
                        {"enums", schema.enums.size()},
                        {"sequences", schema.sequences.size()},
                        {"not_managed", others}});
    if (written.empty())
        ctx.out.print("No tables in " + db.url.masked() + "; no model files written");
    else
        ctx.out.print("Reflected " + std::to_string(schema.tables.size()) + " table(s), " +
                      std::to_string(schema.enums.size()) + " enum(s)" +
                      (schema.sequences.empty()
                           ? ""
                           : ", " + std::to_string(schema.sequences.size()) + " sequence(s)") +
                      " from " + db.url.masked() + " into " + std::to_string(written.size()) +
                      " file(s):");
    for (const auto& p : files) ctx.out.print("  " + p.get<std::string>());
    if (unmanaged.empty() || ctx.out.quiet()) return;  // --quiet: the files only
    ctx.out.print("Not managed (the models cannot express these; they are left alone):");
    for (const auto& u : unmanaged) ctx.out.print("  " + u.kind + " " + u.name);
}

int run_reflect(CommandContext& ctx, const ReflectArgs& args) {
    Settings settings = load_settings_optional(overrides_of(ctx.global));
    const Config* cfg = settings.config_or_null();
    Database db = open_project_database(settings, Access::Read);
    Reflection reflection = db.dialect->reflect(*db.connection, settings.reflect_options());
    const NamingConvention naming = settings.naming();
    Destination dest = destination(args, cfg);

    std::vector<ModelFile> files;
    if (!reflection.schema.tables.empty() || !reflection.schema.enums.empty() ||
        !reflection.schema.sequences.empty()) {
        if (!dest.single_name.empty())
            files.push_back(single_model_file(reflection.schema, dest.single_name, naming));
        else
            files = split_model_files(reflection.schema, naming);
    }
    std::vector<std::string> paths;
    for (const auto& f : files)
        paths.push_back((fs::path(dest.dir) / f.name).lexically_normal().string());
    refuse_overwrite(paths, args.force);
    for (size_t i = 0; i < files.size(); ++i) write_file(paths[i], files[i].text);
    report(ctx, db, reflection.schema, paths, reflection.unmanaged);
    // `migrate init`'s example model, left next to the reflected files, would join the
    // models and the baseline revision.
    std::string example = (fs::path(dest.dir) / "example.yaml").lexically_normal().string();
    std::error_code ec;
    if (!files.empty() && fs::exists(example, ec) &&
        std::find(paths.begin(), paths.end(), example) == paths.end())
        ctx.out.warning(display_path(example) +
                        " (the example `migrate init` writes) is still next to the reflected "
                        "files: its tables would become part of the models and of the baseline; "
                        "delete it: rm " +
                        display_path(example));
    return 0;
}

const CommandRegistration registration{{
    .name = "reflect",
    .order = 80,
    .summary = "Write model files from an existing database (adopting a database)",
    .example = "migrate reflect -o models   # then review the files, and record the baseline:\n"
               "  migrate revision --autogenerate --offline -m baseline\n"
               "  migrate stamp head           # docs/adopting.md",
    .setup = [](CLI::App& sub, CommandContext& ctx) -> CommandRunner {
        auto args = std::make_shared<ReflectArgs>();
        sub.add_option(
            "-o,--output", args->output,
            "Folder to write into (default: the config's first models entry, else ./models); "
            "a .yaml/.yml name writes one file");
        sub.add_flag("--single-file", args->single_file,
                     "Write every table into one file (models.yaml)");
        sub.add_flag("--force", args->force, "Overwrite existing files");
        return [&ctx, args] { return run_reflect(ctx, *args); };
    },
}};

}  // namespace

}  // namespace migrate::cli
