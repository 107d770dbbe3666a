#pragma once
// A database's client library, loaded when a URL of its dialect is first opened, never
// at start-up: a command that does not talk to PostgreSQL (or MySQL) does not pay for
// loading libpq and the ~20 libraries it pulls in (docs/performance.md, start-up).
// Each dialect's connection.cpp names its library's soname and the symbols it calls.

#include <string>

namespace migrate {

class ClientLibrary {
  public:
    // Opens `soname` (e.g. "libpq.so.5"); throws DatabaseError naming the library and
    // `package` (the Debian package that provides it) when it cannot be loaded.
    ClientLibrary(const std::string& soname, const std::string& package);
    ClientLibrary(const ClientLibrary&) = delete;
    ClientLibrary& operator=(const ClientLibrary&) = delete;
    // The library stays loaded for the life of the process (no dlclose): connections and
    // results may outlive any one owner.

    // The address of `name`, cast to the function type F; throws DatabaseError when the
    // library lacks it (a client library too old for migrate).
    template <typename F>
    F function(const char* name) const {
        return reinterpret_cast<F>(symbol(name));
    }

    // Whether `soname` is loaded in this process now (tests: start-up loads no client).
    static bool is_loaded(const std::string& soname);

  private:
    void* symbol(const char* name) const;

    void* handle_ = nullptr;
    std::string soname_;
    std::string package_;
};

}  // namespace migrate
