#include "tests/support/temp_dir.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "tests/support/process.h"

namespace migrate::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "migrate-test.XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

void TempDir::write(const std::string& relative, const std::string& content) const {
    fs::path p = fs::path(path_) / relative;
    fs::create_directories(p.parent_path());
    std::ofstream f(p, std::ios::binary);
    f << content;
}

std::string TempDir::read(const std::string& relative) const {
    return read_file(path_ + "/" + relative);
}

bool TempDir::exists(const std::string& relative) const {
    return fs::exists(fs::path(path_) / relative);
}

std::string read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw std::runtime_error("cannot read " + path);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::string copy_example(const TempDir& dir) {
    fs::path target = fs::path(dir.path()) / "blog";
    fs::copy(fs::path(source_dir()) / "migrations-example", target, fs::copy_options::recursive);
    for (const auto& entry : fs::directory_iterator(target))
        if (entry.path().extension() == ".db") fs::remove(entry.path());
    return target.string();
}

}  // namespace migrate::test
