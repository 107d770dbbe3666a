// The migration lock of the SQLite dialect (see lock.h).
#include "dialects/sqlite/lock.h"

namespace migrate::sqlite {

std::string lock_scope(const DatabaseUrl& url) { return url.path; }

void acquire_lock(Connection&, const std::string&, std::optional<double>) {}

void release_lock(Connection&, const std::string&) {}

}  // namespace migrate::sqlite
