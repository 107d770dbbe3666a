#pragma once
// Where new revision ids and dates come from, for the whole binary: random ids and the
// wall clock, except that SOURCE_DATE_EPOCH (seconds since 1970, as reproducible builds
// use it) fixes the clock so that written files and offline scripts can be compared
// byte for byte. Tests pass their own environment lookup, or a RevisionSource outright.

#include <string>

#include "core/revision/revision_file.h"
#include "core/runtime/config.h"

namespace migrate {

// "2026-11-21T10:15:00Z" for a time in seconds since 1970.
std::string iso8601_utc(long long seconds_since_epoch);

// default_revision_source(), its clock fixed by SOURCE_DATE_EPOCH when `env` sets it.
RevisionSource project_revision_source(const EnvLookup& env = process_env);

}  // namespace migrate
