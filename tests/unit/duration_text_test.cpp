// Durations in messages read as a person writes them.

#include "core/base/duration_text.h"

#include <catch2/catch.hpp>

using migrate::seconds_phrase;

TEST_CASE("seconds_phrase: singular for one, at most three decimals", "[duration]") {
    CHECK(seconds_phrase(1) == "1 second");
    CHECK(seconds_phrase(1.0000001) == "1 second");
    CHECK(seconds_phrase(0) == "0 seconds");
    CHECK(seconds_phrase(0.2) == "0.2 seconds");
    CHECK(seconds_phrase(5) == "5 seconds");
    CHECK(seconds_phrase(1.25) == "1.25 seconds");
    CHECK(seconds_phrase(300) == "300 seconds");
    CHECK(seconds_phrase(86400) == "86400 seconds");
}
