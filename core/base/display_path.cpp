// Paths as users see them in messages (core/base/display_path.h).

#include "core/base/display_path.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace migrate {

std::string display_path(const std::string& path) {
    if (path.empty()) return path;
    static const std::string cwd = [] {
        std::error_code ec;
        std::string dir = fs::current_path(ec).string();
        return ec ? std::string() : dir + "/";
    }();
    if (!cwd.empty() && path.compare(0, cwd.size(), cwd) == 0) return path.substr(cwd.size());
    if (path.front() == '/') return path;  // outside the working directory: keep it absolute
    std::error_code ec;
    fs::path rel = fs::relative(path, cwd, ec);
    if (ec || rel.empty() || *rel.begin() == "..") return path;
    return rel.string();
}

}  // namespace migrate
