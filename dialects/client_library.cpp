#include "dialects/client_library.h"

#include <dlfcn.h>

#include "core/base/errors.h"

namespace migrate {

ClientLibrary::ClientLibrary(const std::string& soname, const std::string& package)
    : soname_(soname), package_(package) {
    handle_ = dlopen(soname.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle_) {
        const char* why = dlerror();
        throw DatabaseError("cannot load the database client library " + soname + " (" +
                            (why ? why : "not found") + "); install the package " + package);
    }
}

void* ClientLibrary::symbol(const char* name) const {
    dlerror();
    void* address = dlsym(handle_, name);
    if (!address)
        throw DatabaseError("the database client library " + soname_ + " has no function " + name +
                            "; install a newer " + package_);
    return address;
}

bool ClientLibrary::is_loaded(const std::string& soname) {
    // RTLD_NOLOAD finds a library already in the process without loading it.
    void* handle = dlopen(soname.c_str(), RTLD_NOW | RTLD_NOLOAD);
    if (!handle) return false;
    dlclose(handle);  // drops only the reference RTLD_NOLOAD took
    return true;
}

}  // namespace migrate
