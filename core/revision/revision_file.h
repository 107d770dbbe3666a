#pragma once
// Revision files on disk: `<rev>_<slug>.yaml` in the configured version folders.
// Reading validates every key (unknown keys rejected with file:line:column and "did
// you mean"), reads ids as strings whatever they look like, and collects every
// problem of every file before failing. Writing is deterministic (ids quoted), with an
// injectable id generator and clock so tests can compare files byte for byte.

#include <functional>
#include <string>
#include <vector>

#include "core/revision/revision.h"
#include "core/schema/naming.h"

namespace migrate {

// Parses one revision file's text; throws InputError listing every problem.
Revision parse_revision(const std::string& text, const std::string& path,
                        const NamingConvention& naming);
Revision read_revision_file(const std::string& path, const NamingConvention& naming);

// Full: every field and operation, every problem reported. Headers: only what the
// graph needs (ids, parents, labels, message, date), for heads/history/branches;
// files whose header is not in the simple form fall back to the full parser.
enum class LoadMode { Full, Headers };

// Every revision file (*.yaml, *.yml) under `folders`, recursively, in path order.
// Throws InputError with the problems of all files; a missing folder is no error
// (a fresh project has no revisions yet).
std::vector<Revision> load_revisions(const std::vector<std::string>& folders,
                                     const NamingConvention& naming,
                                     LoadMode mode = LoadMode::Full);

// The file's text: header fields, then upgrade and downgrade.
std::string emit_revision(const Revision& revision, const NamingConvention& naming);
// "<rev>_<slug>.yaml" (just "<rev>.yaml" when the message has no slug).
std::string revision_file_name(const Revision& revision);
// Writes the revision into `folder` (created when missing); returns the path written.
// Refuses (InputError) to overwrite an existing file.
std::string write_revision_file(const Revision& revision, const std::string& folder,
                                const NamingConvention& naming);

// Where new ids and dates come from; tests inject fixed ones.
struct RevisionSource {
    std::function<std::string()> new_id;  // 12 lower-case hex digits
    std::function<std::string()> now;     // "2026-11-21T10:15:00Z"
};
RevisionSource default_revision_source();
std::string random_revision_id();
std::string utc_now_iso8601();

}  // namespace migrate
