// The clock and id source of new revisions and offline scripts (core/project/clock.h).

#include "core/project/clock.h"

#include <ctime>

namespace migrate {

std::string iso8601_utc(long long seconds_since_epoch) {
    std::time_t t = static_cast<std::time_t>(seconds_since_epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

RevisionSource project_revision_source(const EnvLookup& env) {
    RevisionSource source = default_revision_source();
    std::optional<std::string> epoch = env("SOURCE_DATE_EPOCH");
    if (epoch && !epoch->empty()) {
        std::string value = *epoch;
        source.now = [value] { return iso8601_utc(std::stoll(value)); };
    }
    return source;
}

}  // namespace migrate
