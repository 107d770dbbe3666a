#pragma once
// Checksums of revisions: SHA-256 (FIPS 180-4, implemented here) over a canonical
// serialisation of the parsed operations, so that reformatting a file, its comments
// and its line endings leave the checksum alone while any change of meaning moves it.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/revision/revision.h"

namespace migrate {

// SHA-256 of `data`, as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

// Incremental SHA-256, for data that arrives in pieces.
class Sha256 {
  public:
    Sha256();
    void update(std::string_view data);
    std::string hex_digest();  // finishes; call once

  private:
    void block(const unsigned char* p);
    uint32_t h_[8];
    unsigned char buffer_[64];
    size_t buffered_ = 0;
    uint64_t length_ = 0;
};

// The canonical text a revision's checksum is taken over: its id, parents,
// depends_on and both operation lists, emitted in one fixed style.
std::string canonical_text(const Revision& revision);

// "sha256:<hex>" of canonical_text(revision).
std::string revision_checksum(const Revision& revision);

}  // namespace migrate
