#pragma once
// A number of seconds as a person writes it in a message: "1 second", "0.2 seconds",
// "5 seconds", "1.25 seconds" (at most three decimals, no trailing zeros). Every
// message that names a duration (the lock waits of each dialect) uses this one.

#include <string>

namespace migrate {

std::string seconds_phrase(double seconds);

}  // namespace migrate
