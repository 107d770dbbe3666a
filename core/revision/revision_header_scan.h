#pragma once
// A fast path for reading only a revision file's header (revision, down_revision,
// branch_labels, depends_on, message, create_date, allow_hazards) without a YAML
// parser, for the commands that need only the graph (heads, history, branches,
// revision, merge): a full parse costs tens of microseconds a file, this a few. It understands the
// simple line forms migrate writes and people type (`key: value`, quoted scalars,
// flow lists of scalars, comments) and gives up (nullopt) on anything else, so the
// caller falls back to the full parser and its diagnostics.

#include <optional>
#include <string>

#include "core/revision/revision.h"

namespace migrate {

std::optional<Revision> scan_revision_header(const std::string& text, const std::string& path);

}  // namespace migrate
