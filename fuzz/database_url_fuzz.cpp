// libFuzzer harness: one database URL through the URL parser, its masked form, and the
// password masking applied to free text. Bad input must end in InputError.

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/base/errors.h"
#include "core/dialect/database_url.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    migrate::mask_passwords(text);
    try {
        migrate::DatabaseUrl url = migrate::parse_database_url(text, "/project");
        url.masked();
    } catch (const migrate::InputError&) {
    }
    return 0;
}
