#pragma once
// Joining names into the lists that messages print ("a, b, c").

#include <string>
#include <vector>

namespace migrate {

// The items with `sep` between them; "" for none.
inline std::string join(const std::vector<std::string>& items, const std::string& sep = ", ") {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += sep;
        out += items[i];
    }
    return out;
}

// The same, or `none` when there are no items (version rows print "base").
inline std::string join_or(const std::vector<std::string>& items, const std::string& none) {
    return items.empty() ? none : join(items);
}

}  // namespace migrate
