// Revisions written inline for unit tests (test_revisions.h).

#include "tests/support/test_revisions.h"

#include "core/revision/revision_file.h"

namespace migrate::test {

Revision test_revision(const std::string& id, const std::string& down, const std::string& upgrade,
                       const std::string& downgrade) {
    std::string text = "revision: \"" + id + "\"\ndown_revision: " + down + "\nmessage: m " + id +
                       "\nupgrade:\n" + upgrade + "downgrade:\n" + downgrade;
    return parse_revision(text, "versions/" + id + ".yaml", NamingConvention{});
}

RevisionGraph users_email_chain() {
    return RevisionGraph({
        test_revision(
            "a", "null",
            "  - create_table: {name: users, columns: [{name: id, type: integer, primary_key: "
            "true}]}\n",
            "  - drop_table: {name: users}\n"),
        test_revision("b", "\"a\"",
                      "  - add_column: {table: users, column: {name: email, type: text}}\n",
                      "  - drop_column: {table: users, name: email}\n"),
        test_revision(
            "c", "\"b\"",
            "  - alter_column: {table: users, name: email, nullable: false, existing_type: text, "
            "existing_nullable: true}\n",
            "  - alter_column: {table: users, name: email, nullable: true, existing_type: text, "
            "existing_nullable: false}\n"),
    });
}

}  // namespace migrate::test
