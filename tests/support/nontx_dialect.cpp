// NonTransactionalDialect (nontx_dialect.h).

#include "tests/support/nontx_dialect.h"

namespace migrate::test {

Capabilities NonTransactionalDialect::capabilities() const {
    Capabilities c = inner_->capabilities();
    c.transactional_ddl = false;
    return c;
}

}  // namespace migrate::test
