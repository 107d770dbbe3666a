#include "core/dialect/dialect.h"

#include "core/base/errors.h"

namespace migrate {

size_t QueryResult::column_index(const std::string& name) const {
    for (size_t i = 0; i < columns.size(); ++i)
        if (columns[i] == name) return i;
    throw InternalError("query result has no column '" + name + "'");
}

}  // namespace migrate
