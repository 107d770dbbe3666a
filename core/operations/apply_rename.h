#pragma once
// The renames of the replay (core/operations/apply_operation.h): a table or a column renamed as a
// database renames it, with everything that follows. References follow (other tables'
// foreign keys, index and constraint columns, check and index expressions, partial-index
// predicates), and so do the index and constraint names the naming convention derived
// from the old name: `ix_tags_label` becomes `ix_labels_label` when tags becomes labels,
// and `ix_labels_title` when label becomes title. The dialects rename the same names
// (core/schema/derived_names.h), so the database and the replay agree.

#include <string>

#include "core/schema/naming.h"
#include "core/schema/schema.h"

namespace migrate {

// `table` (in `schema`) takes `new_name`; the caller checked that the name is free.
void rename_table_in(Schema& schema, Table& table, const std::string& new_name,
                     const NamingConvention& naming);

// Column `from` of `table` (in `schema`) becomes `to`; the caller checked both names.
void rename_column_in(Schema& schema, Table& table, const std::string& from, const std::string& to,
                      const NamingConvention& naming);

}  // namespace migrate
