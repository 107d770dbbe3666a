#pragma once
// Revisions written inline for unit tests: one revision from its id, parent and operation
// lists, and the users chain several runner tests share.

#include <string>

#include "core/revision/revision_graph.h"

namespace migrate::test {

// A revision `id` whose down_revision is the YAML text `down` (`null`, `"a"`,
// `["b", "c"]`); `upgrade` and `downgrade` are YAML list items indented by two spaces
// (or `  []`), each ending in a newline.
Revision test_revision(const std::string& id, const std::string& down, const std::string& upgrade,
                       const std::string& downgrade);

// a creates users, b adds email, c makes it NOT NULL (a table rebuild on SQLite, which
// needs the live schema to know about email); each has its downgrade.
RevisionGraph users_email_chain();

}  // namespace migrate::test
