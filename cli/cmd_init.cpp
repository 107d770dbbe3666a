// `migrate init [DIR]`: scaffolds a project (migrate.yaml, models/ with an example
// model, migrations/versions/). Refuses to overwrite anything that exists (exit 2).

#include <filesystem>
#include <fstream>

#include "cli/command.h"
#include "core/base/errors.h"

namespace migrate::cli {

namespace {

namespace fs = std::filesystem;

const char* kConfig = R"yaml(# migrate project config. Paths are relative to this file's folder.
# Reference: docs/config.md

# The database: --url overrides it. ${VAR} and ${VAR:-default} read the environment,
# so an application's own DATABASE_URL works unchanged; ${x.KEY} reads `-x KEY=VALUE`
# from the command line (per-tenant runs: sqlite:///${x.tenant}.db).
database: ${DATABASE_URL:-sqlite:///app.db}

# Model files (YAML or JSON): a file or a folder, or a list of them.
models: models

# Revision files: a folder, or a list of folders.
versions: migrations/versions

# version_table: migrate_version
# version_table_schema: null          # PostgreSQL only
# naming_convention:                  # names of unnamed indexes and constraints
#   ix: ix_%(table)s_%(columns)s
#   uq: uq_%(table)s_%(columns)s
#   fk: fk_%(table)s_%(columns)s_%(referred_table)s
#   ck: ck_%(table)s_%(name)s
#   pk: pk_%(table)s
# include_schemas: [public]           # PostgreSQL schemas that are managed
# exclude_tables: []                  # names or globs autogenerate never touches
# transaction_per_migration: true
)yaml";

const char* kExampleModel =
    R"yaml(# An example model: the schema your application wants. Edit or replace it, then
#   migrate models                                   # check it
#   migrate revision --autogenerate -m "create users"  # write a migration
#   migrate upgrade head                             # apply it
# Reference: docs/models.md
tables:
  - name: users
    comment: People who can sign in
    columns:
      # A single integer primary key is autoincrement by default.
      - {name: id, type: integer, primary_key: true}
      # unique: true adds a unique constraint (named uq_users_email).
      - {name: email, type: string(255), nullable: false, unique: true}
      - {name: display_name, type: string(100)}
      # server_default is SQL as written: now(), 0, true, 'text in quotes'.
      - {name: created_at, type: datetime(timezone), nullable: false, server_default: now()}
    # Types with two parameters are quoted inside {...}: type: "numeric(12,2)".
    # Foreign keys: {name: user_id, type: integer, references: users.id, on_delete: cascade}
)yaml";

struct Plan {
    fs::path root, config, models, example, versions;
};

Plan plan_for(const std::string& dir) {
    Plan p;
    p.root = fs::path(dir.empty() ? "." : dir);
    p.config = p.root / "migrate.yaml";
    p.models = p.root / "models";
    p.example = p.models / "example.yaml";
    p.versions = p.root / "migrations" / "versions";
    return p;
}

// Everything is checked before anything is written.
void refuse_existing(const Plan& p) {
    std::error_code ec;
    for (const fs::path& path : {p.config, p.models, p.root / "migrations"})
        if (fs::exists(path, ec))
            throw InputError("'" + path.string() +
                             "' already exists; migrate init never overwrites. Choose an "
                             "empty folder: migrate init DIR");
    if (fs::exists(p.root, ec) && !fs::is_directory(p.root, ec))
        throw InputError("'" + p.root.string() + "' exists and is not a folder");
}

void write_file(const fs::path& path, const char* text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw InputError("cannot write '" + path.string() + "'");
}

int run_init(CommandContext& ctx, const std::string& dir) {
    Plan p = plan_for(dir);
    refuse_existing(p);
    std::error_code ec;
    fs::create_directories(p.models, ec);
    if (!ec) fs::create_directories(p.versions, ec);
    if (ec)
        throw InputError("cannot create folders under '" + p.root.string() + "': " + ec.message());
    write_file(p.config, kConfig);
    write_file(p.example, kExampleModel);
    std::vector<std::string> created = {p.config.string(), p.example.string(),
                                        p.versions.string() + "/"};
    ctx.out.set_result({{"created", created}});
    for (const auto& c : created) ctx.out.print("Created " + c);
    ctx.out.print("Next: edit " + p.example.string() +
                  ", then run `migrate models` and "
                  "`migrate revision --autogenerate -m \"first\"`" +
                  (dir.empty() || dir == "." ? "" : " in " + p.root.string()));
    return 0;
}

const CommandRegistration registration{{
    .name = "init",
    .order = 10,
    .opens_database = false,
    .summary = "Create migrate.yaml, models/ and migrations/versions/ (never overwrites)",
    .example = "migrate init myproject && cd myproject && migrate models",
    .setup = [](CLI::App& sub, CommandContext& ctx) -> CommandRunner {
        auto dir = std::make_shared<std::string>();
        sub.add_option("DIR", *dir,
                       "Folder to create the project in (default: the current folder)");
        return [&ctx, dir] { return run_init(ctx, *dir); };
    },
}};

}  // namespace

}  // namespace migrate::cli
