// libFuzzer harness: one model file through the model loader (YAML parsing, table and
// column shorthands, the cross-table checks). Bad input must end in InputError; any
// other exception, crash or sanitizer report is a finding.

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/base/errors.h"
#include "core/model/model_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    try {
        migrate::load_model_documents({{"models/fuzz.yaml", text}});
    } catch (const migrate::InputError&) {
    }
    return 0;
}
