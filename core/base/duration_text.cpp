// Durations in messages (core/base/duration_text.h).

#include "core/base/duration_text.h"

#include <cstdio>

namespace migrate {

std::string seconds_phrase(double seconds) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f", seconds);
    std::string number = buf;
    number.erase(number.find_last_not_of('0') + 1);
    if (!number.empty() && number.back() == '.') number.pop_back();
    if (number == "-0") number = "0";
    return number + (number == "1" ? " second" : " seconds");
}

}  // namespace migrate
