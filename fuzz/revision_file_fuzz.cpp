// libFuzzer harness: one revision file through both readers, the header scanner that
// graph commands use and the full parser (every operation). Bad input must end in
// InputError; when both readers accept a file they must agree on its place in the graph.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/base/errors.h"
#include "core/revision/revision_file.h"
#include "core/revision/revision_header_scan.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    auto header = migrate::scan_revision_header(text, "versions/fuzz.yaml");
    try {
        migrate::Revision full =
            migrate::parse_revision(text, "versions/fuzz.yaml", migrate::NamingConvention{});
        if (header &&
            (header->id != full.id || header->down_revisions != full.down_revisions ||
             header->depends_on != full.depends_on || header->branch_labels != full.branch_labels))
            std::abort();  // the fast path read another graph than the parser
    } catch (const migrate::InputError&) {
    }
    return 0;
}
