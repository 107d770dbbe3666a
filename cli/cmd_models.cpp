// `migrate models`: loads and validates the configured model files and prints the
// resulting schema with every generated name, or every error (exit 2).

#include "cli/command.h"
#include "cli/project.h"
#include "cli/schema_json.h"
#include "core/model/model_loader.h"

namespace migrate::cli {

namespace {

int run_models(CommandContext& ctx) {
    Settings settings = project_settings(ctx.global);
    const Config& config = settings.config();
    Schema schema = load_models(config.models, config.naming);
    std::vector<Diagnostic> unused;
    std::vector<std::string> files = find_model_files(config.models, unused);
    if (ctx.out.json()) {  // built only when asked for: it is several times the schema's size
        nlohmann::json result = schema_to_json(schema);
        result["files"] = files;
        ctx.out.set_result(result);
        return 0;
    }
    std::string text = to_text(schema);
    if (!text.empty() && text.back() == '\n') text.pop_back();
    if (!text.empty()) ctx.out.print(text);
    ctx.out.progress(std::to_string(schema.tables.size()) + " table(s), " +
                     std::to_string(schema.enums.size()) + " enum(s)" +
                     (schema.sequences.empty()
                          ? ""
                          : ", " + std::to_string(schema.sequences.size()) + " sequence(s)") +
                     " from " + std::to_string(files.size()) + " model file(s): OK");
    return 0;
}

const CommandRegistration registration{{
    .name = "models",
    .order = 20,
    .opens_database = false,
    .summary = "Load and validate the model files; print the schema with generated names",
    .example = "migrate models            # or: migrate -c app/migrate.yaml models --json",
    .setup = [](CLI::App&, CommandContext& ctx) -> CommandRunner {
        return [&ctx] { return run_models(ctx); };
    },
}};

}  // namespace

}  // namespace migrate::cli
