#pragma once
// A temporary folder that removes itself, with helpers to write and read files in it.

#include <string>

namespace migrate::test {

class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::string& path() const { return path_; }
    std::string operator/(const std::string& relative) const { return path_ + "/" + relative; }
    // Writes `content` to `relative`, creating parent folders.
    void write(const std::string& relative, const std::string& content) const;
    std::string read(const std::string& relative) const;
    bool exists(const std::string& relative) const;

  private:
    std::string path_;
};

std::string read_file(const std::string& path);

// A copy of the project in migrations-example/, without its database files, in
// `dir`/blog; returns its path.
std::string copy_example(const TempDir& dir);

}  // namespace migrate::test
