// libFuzzer harness: one migrate.yaml through the config loader, with ${VAR} and
// ${VAR:-default} expansion against a fixed environment (HOME and DATABASE_URL set,
// EMPTY set to "", everything else unset). Bad input must end in InputError.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/base/errors.h"
#include "core/runtime/config.h"

namespace {

std::optional<std::string> fixed_env(const std::string& name) {
    if (name == "HOME") return std::string("/home/fuzz");
    if (name == "DATABASE_URL") return std::string("postgresql://app:secret@localhost:5432/app");
    if (name == "EMPTY") return std::string();
    return std::nullopt;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    try {
        migrate::parse_config(text, "/project/migrate.yaml", fixed_env);
    } catch (const migrate::InputError&) {
    }
    try {
        migrate::expand_variables(text, fixed_env);
    } catch (const migrate::InputError&) {
    }
    return 0;
}
