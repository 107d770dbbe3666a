#pragma once
// How a path appears in messages and output: relative to the working directory when it
// lies under it (migrations/versions/a1.yaml), else as given. Every layer that names a
// user's file (the revision loader, the script directory, the commands) uses this one.

#include <string>

namespace migrate {

std::string display_path(const std::string& path);

}  // namespace migrate
