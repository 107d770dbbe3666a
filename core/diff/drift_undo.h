#pragma once
// Operations that undo drift, for `revision --autogenerate --include-drift`. Drift is a
// fact about one database, not about the revisions: the objects it adds never existed in
// the replayed schema, so operations on them would break every later replay. They are
// written instead as `execute` steps bound to the database's dialect, with the SQL the
// dialect renders and a declared empty effect: the replay follows them (no schema change
// in the revisions' view), and the database gets the real statements.

#include <vector>

#include "core/dialect/dialect.h"
#include "core/diff/differ.h"
#include "core/schema/naming.h"
#include "core/schema/schema.h"

namespace migrate {

// Turns `reflected` (the drifted database) into `replayed` (what its revisions imply):
// upgrade holds the undoing statements, downgrade the statements that bring the drift
// back, changes describe each undone difference ("removed index 'ix' on 't'").
DiffResult drift_undo(const Dialect& dialect, const Schema& reflected, const Schema& replayed,
                      const DiffOptions& options, const NamingConvention& naming);

}  // namespace migrate
