// migrate.yaml (core/runtime/config.h): variable expansion, keys, paths.

#include "core/runtime/config.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/base/errors.h"
#include "core/yaml/yaml_read.h"

namespace migrate {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kConfigKeys = {"database",
                                              "models",
                                              "versions",
                                              "version_table",
                                              "version_table_schema",
                                              "naming_convention",
                                              "include_schemas",
                                              "exclude_tables",
                                              "transaction_per_migration"};
const std::vector<std::string> kNamingKeys = {"ix", "uq", "fk", "ck", "pk"};
const std::vector<std::string> kNamingTokens = {
    "table",          "columns", "column_0_name",  "column_0_N_name",
    "referred_table", "name",    "constraint_name"};

class ConfigReader {
  public:
    ConfigReader(Config& config, ReadContext& ctx, const EnvLookup& env, const XArgs& x)
        : config_(config), ctx_(ctx), env_(env), x_(x) {}

    void read(const yaml::Node& root) {
        check_keys(root, kConfigKeys, "the config", ctx_);
        read_database(root);
        if (auto v = strings(root, "models")) config_.models = absolute(*v);
        if (auto v = strings(root, "versions")) config_.versions = absolute(*v);
        if (auto v = name(root, "version_table")) config_.version_table = *v;
        if (auto v = name(root, "version_table_schema")) config_.version_table_schema = *v;
        if (auto v = strings(root, "include_schemas")) {
            config_.include_schemas = *v;
            const yaml::Node at = root["include_schemas"];
            for (size_t i = 0; i < v->size(); ++i)
                check_identifier((*v)[i], "'include_schemas'",
                                 at.IsSequence() && i < at.size() ? at[i] : at, ctx_);
        }
        if (auto v = strings(root, "exclude_tables")) config_.exclude_tables = *v;
        if (auto v = read_bool(root, "transaction_per_migration", "the config", ctx_))
            config_.transaction_per_migration = *v;
        read_naming(root["naming_convention"]);
        if (!is_missing(root["version_table"]) && config_.version_table.empty())
            report(ctx_, root["version_table"], "'version_table' cannot be empty");
    }

  private:
    std::optional<std::string> expand(const std::string& text, const yaml::Node& at) {
        try {
            return expand_variables(text, env_, x_);
        } catch (const InputError& e) {
            report(ctx_, at, e.what());
            return std::nullopt;
        }
    }

    std::optional<std::string> string(const yaml::Node& root, const std::string& key) {
        auto v = read_string(root, key, "the config", ctx_);
        return v ? expand(*v, root[key]) : std::nullopt;
    }

    // A name (version_table, version_table_schema): "" is left to the caller.
    std::optional<std::string> name(const yaml::Node& root, const std::string& key) {
        auto v = string(root, key);
        if (v && !v->empty() && !check_identifier(*v, "'" + key + "'", root[key], ctx_))
            return std::nullopt;
        return v;
    }

    std::optional<std::vector<std::string>> strings(const yaml::Node& root,
                                                    const std::string& key) {
        auto list = read_string_list(root, key, "the config", ctx_, true);
        if (!list) return std::nullopt;
        std::vector<std::string> out;
        for (size_t i = 0; i < list->size(); ++i) {
            const yaml::Node at = root[key].IsSequence() ? root[key][i] : root[key];
            if (auto v = expand((*list)[i], at)) out.push_back(*v);
        }
        return out;
    }

    void read_database(const yaml::Node& root) {
        auto raw = read_string(root, "database", "the config", ctx_);
        if (!raw) return;
        try {
            config_.database = expand_variables(*raw, env_, x_);
        } catch (const InputError& e) {
            config_.database_error =
                location_of(root["database"], ctx_.file).to_string() + ": " + e.what();
        }
    }

    std::vector<std::string> absolute(const std::vector<std::string>& paths) const {
        std::vector<std::string> out;
        for (const auto& p : paths)
            out.push_back((fs::path(config_.dir) / p).lexically_normal().string());
        return out;
    }

    void read_naming(const yaml::Node& node) {
        if (is_missing(node) || !expect_map(node, "'naming_convention'", ctx_)) return;
        check_keys(node, kNamingKeys, "'naming_convention'", ctx_);
        std::string* targets[] = {&config_.naming.ix, &config_.naming.uq, &config_.naming.fk,
                                  &config_.naming.ck, &config_.naming.pk};
        for (size_t i = 0; i < kNamingKeys.size(); ++i) {
            auto v = read_string(node, kNamingKeys[i], "'naming_convention'", ctx_);
            if (!v) continue;
            check_tokens(*v, node[kNamingKeys[i]], kNamingKeys[i]);
            *targets[i] = *v;
        }
    }

    void check_tokens(const std::string& pattern, const yaml::Node& at, const std::string& key) {
        for (size_t start = pattern.find("%("); start != std::string::npos;
             start = pattern.find("%(", start + 2)) {
            size_t end = pattern.find(")s", start);
            std::string token = end == std::string::npos
                                    ? pattern.substr(start + 2)
                                    : pattern.substr(start + 2, end - start - 2);
            if (end != std::string::npos &&
                std::find(kNamingTokens.begin(), kNamingTokens.end(), token) != kNamingTokens.end())
                continue;
            report(ctx_, at,
                   "unknown token '%(" + token + ")s' in naming_convention." + key +
                       did_you_mean(token, kNamingTokens) +
                       "; tokens: " + quoted_list(kNamingTokens));
        }
    }

    Config& config_;
    ReadContext& ctx_;
    const EnvLookup& env_;
    const XArgs& x_;
};

// The value of ${x.KEY}: the -x KEY=VALUE given, else the default, else an error that
// names the key and the keys given.
std::string x_value(const std::string& key, const std::optional<std::string>& fallback,
                    const XArgs& x) {
    auto it = x.find(key);
    if (it != x.end() && !(fallback && it->second.empty())) return it->second;
    if (fallback) return *fallback;
    std::string given;
    for (const auto& [k, v] : x) given += (given.empty() ? "" : ", ") + k;
    throw InputError(
        "${x." + key + "} needs `-x " + key +
        "=VALUE` on the command line (-x keys given: " + (given.empty() ? "none" : given) + ")");
}

}  // namespace

std::optional<std::string> process_env(const std::string& name) {
    const char* v = std::getenv(name.c_str());
    if (!v) return std::nullopt;
    return std::string(v);
}

std::string expand_variables(const std::string& text, const EnvLookup& env, const XArgs& x) {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        size_t start = text.find("${", i);
        if (start == std::string::npos) break;
        size_t end = text.find('}', start);
        // The text itself is not quoted: it may be a URL with a password in it.
        if (end == std::string::npos)
            throw InputError("'${' at character " + std::to_string(start + 1) +
                             " without a closing '}'");
        out += text.substr(i, start - i);
        std::string inner = text.substr(start + 2, end - start - 2);
        size_t sep = inner.find(":-");
        std::string name = inner.substr(0, sep);
        if (name.empty())
            throw InputError("'${' at character " + std::to_string(start + 1) +
                             " names no environment variable");
        if (name.rfind("x.", 0) == 0) {
            std::optional<std::string> fallback;
            if (sep != std::string::npos) fallback = inner.substr(sep + 2);
            out += x_value(name.substr(2), fallback, x);
            i = end + 1;
            continue;
        }
        auto value = env(name);
        if (sep != std::string::npos && (!value || value->empty())) value = inner.substr(sep + 2);
        if (!value)
            throw InputError("environment variable " + name +
                             " is not set; set it, pass --url, or write ${" + name +
                             ":-default} in the config");
        out += *value;
        i = end + 1;
    }
    return out + text.substr(i);
}

Config parse_config(const std::string& text, const std::string& path, const EnvLookup& env,
                    const XArgs& x) {
    Config config;
    config.path = fs::absolute(path).lexically_normal().string();
    config.dir = fs::path(config.path).parent_path().string();
    config.models = {(fs::path(config.dir) / "models").string()};
    config.versions = {(fs::path(config.dir) / "migrations" / "versions").string()};
    std::vector<Diagnostic> diagnostics;
    ReadContext ctx{path, &diagnostics};
    yaml::Node root;
    try {
        root = yaml::parse(text);
    } catch (const yaml::ParseError& e) {
        throw InputError(std::vector<Diagnostic>{{{path, e.mark.line + 1, e.mark.column + 1},
                                                  std::string("invalid YAML: ") + e.what()}});
    }
    if (!is_missing(root) && expect_map(root, "the config", ctx))
        ConfigReader(config, ctx, env, x).read(root);
    if (!diagnostics.empty()) throw InputError(diagnostics);
    return config;
}

Config load_config(const std::string& path, const EnvLookup& env, const XArgs& x) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        throw InputError("config file '" + path +
                         "' not found; run `migrate init` to create a project here, or pass "
                         "-c path/to/migrate.yaml");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError("cannot read config file '" + path + "'");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parse_config(buffer.str(), path, env, x);
}

}  // namespace migrate
