// Online pieces of a run (runner_internal.h): the migration lock, the live schema, one
// operation rendered against it and run, and the version-table changes.

#include <algorithm>
#include <cctype>

#include "core/base/errors.h"
#include "core/operations/apply_operation.h"
#include "core/revision/checksum.h"
#include "core/revision/revision_file.h"
#include "core/runtime/runner_internal.h"

namespace migrate::detail {

namespace {

bool is_inline_enum(const ColumnType& type) {
    if (type.kind != TypeKind::Dialect) return false;
    std::string text = type.to_string();
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text.starts_with("enum(");
}

// The reflected inline-enum columns that the declared schema makes from a named enum
// take that enum's type, and the schema gets the enum (LiveSchema::declared_by).
void adopt_declared_enums(Schema& live, const std::function<Schema()>& declared) {
    bool any = false;
    for (const auto& t : live.tables)
        for (const auto& c : t.columns) any = any || is_inline_enum(c.type);
    if (!any) return;
    Schema wanted;
    try {
        wanted = declared();
    } catch (const InputError&) {
        return;  // revisions that do not replay: the columns stay as reflected
    }
    for (const auto& e : wanted.enums)
        if (!live.find_enum(e.schema, e.name)) live.enums.push_back(e);
    for (const auto& wt : wanted.tables) {
        Table* t = live.find_table(wt.schema, wt.name);
        if (!t) continue;
        for (const auto& wc : wt.columns)
            if (Column* c = t->find_column(wc.name);
                c && wc.type.kind == TypeKind::Enum && is_inline_enum(c->type))
                c->type = wc.type;
    }
}

}  // namespace

MigrationLock::MigrationLock(const Dialect& dialect, Connection& connection, std::string key,
                             std::optional<double> timeout)
    : dialect_(dialect), connection_(connection), key_(std::move(key)) {
    dialect_.acquire_lock(connection_, key_, timeout);
}

MigrationLock::~MigrationLock() {
    try {
        if (connection_.in_transaction()) connection_.rollback();
        dialect_.release_lock(connection_, key_);
    } catch (...) {
        // The session ends with the process, and a session lock with it.
    }
}

LiveSchema::LiveSchema(const Dialect& dialect, Connection& connection, ReflectOptions options,
                       const NamingConvention& naming)
    : dialect_(dialect), connection_(connection), options_(std::move(options)), naming_(naming) {}

const Schema& LiveSchema::get() {
    if (stale_) {
        Reflection reflection = dialect_.reflect(connection_, options_);
        schema_ = std::move(reflection.schema);
        schema_.index_tables();  // a long upgrade looks tables up thousands of times
        objects_ = std::move(reflection.unmanaged);
        if (declared_ && !dialect_.capabilities().enums) adopt_declared_enums(schema_, declared_);
        stale_ = false;
    }
    return schema_;
}

void LiveSchema::apply(const Operation& op) {
    if (stale_) return;
    if (const Execute* e = op.as<Execute>()) {
        if (!e->dialect.empty() && e->dialect != dialect_.name()) return;
        if (!e->has_effect()) return invalidate();
    }
    // A dropped or renamed table's triggers are gone from under that name.
    std::string gone = op.is<DropTable>()     ? op.as<DropTable>()->name
                       : op.is<RenameTable>() ? op.as<RenameTable>()->name
                                              : "";
    if (!gone.empty())
        std::erase_if(objects_, [&](const UnmanagedObject& o) {
            return o.kind == "trigger" && o.table == gone;
        });
    try {
        apply_operation(schema_, op, naming_);
    } catch (const InputError&) {
        invalidate();  // the reflected model and the operation disagree: ask the database
    }
}

std::string operation_place(const Revision& revision, Direction direction, size_t index,
                            const Operation& op) {
    return revision.where() + ", " + to_string(direction) + " operation " +
           std::to_string(index + 1) + " (" + describe(op) + ")";
}

std::vector<std::string> render_operation(const StepContext& ctx, const Revision& revision,
                                          Direction direction, size_t index, const Operation& op,
                                          LiveSchema& schema) {
    try {
        const Schema& before = schema.get();
        return ctx.dialect.render(op, RenderContext{before, ctx.options.naming, &schema.objects()});
    } catch (const InputError& e) {
        // The operation does not fit the database as it stands (a rebuild of a table
        // that is not there): applying the revision to this database failed, as when
        // the database refuses a statement. Exit 3 and the rollback, on every dialect.
        throw DatabaseError(operation_place(revision, direction, index, op) +
                            " failed\n  the database as it stands does not allow it: " + e.what());
    }
}

DatabaseError statement_failed(const std::string& place, const std::string& sql,
                               const DatabaseError& e) {
    // The dialect's message ends with the statement; it is shown once, above.
    std::string said = e.what();
    std::string tail = "\nstatement: " + e.statement();
    if (!e.statement().empty() && said.size() >= tail.size() &&
        said.compare(said.size() - tail.size(), tail.size(), tail) == 0)
        said.erase(said.size() - tail.size());
    return DatabaseError(place + " failed\n  SQL: " + sql + "\n  database said: " + said,
                         e.sqlstate(), sql);
}

void run_operation(const StepContext& ctx, const Revision& revision, Direction direction,
                   size_t index, const Operation& op, LiveSchema& schema) {
    for (const auto& sql : render_operation(ctx, revision, direction, index, op, schema)) {
        try {
            ctx.connection.execute(sql);
        } catch (const DatabaseError& e) {
            throw statement_failed(operation_place(revision, direction, index, op), sql, e);
        }
    }
    schema.apply(op);
}

void apply_version_changes(std::vector<std::string>& rows,
                           const std::vector<VersionChange>& changes) {
    for (const auto& c : changes) {
        if (c.kind != VersionChange::Kind::Insert) std::erase(rows, c.from);
        if (c.kind != VersionChange::Kind::Delete) rows.push_back(c.to);
    }
    std::sort(rows.begin(), rows.end());
}

void write_version_changes(const StepContext& ctx, const std::vector<VersionChange>& changes) {
    for (const auto& c : changes) {
        switch (c.kind) {
            case VersionChange::Kind::Insert:
                ctx.version_table.insert_head(ctx.connection, c.to);
                break;
            case VersionChange::Kind::Delete:
                ctx.version_table.delete_head(ctx.connection, c.from);
                break;
            case VersionChange::Kind::Update:
                ctx.version_table.update_head(ctx.connection, c.from, c.to);
                break;
        }
    }
}

}  // namespace migrate::detail
