#include "bench/revision_generator.h"

#include <cstdio>

#include "core/revision/revision_file.h"
#include "core/schema/naming.h"

namespace migrate::bench {

namespace {

std::string id_for(int i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%012x",
                  static_cast<unsigned>(i * 2654435761u));  // spread over the id space
    return buf;
}

Revision make(int i, std::vector<std::string> parents) {
    Revision r;
    r.id = id_for(i);
    r.down_revisions = std::move(parents);
    r.message = "step " + std::to_string(i);
    r.create_date = "2026-11-21T10:15:00Z";
    std::string table = "t" + std::to_string(i);
    Column id{"id", ColumnType::of(TypeKind::Integer), false, std::nullopt, true};
    Column name{"name", ColumnType::of(TypeKind::String), true};
    name.type.length = 100;
    Table t;
    t.name = table;
    t.columns = {id, name};
    t.primary_key = PrimaryKey{"pk_" + table, {"id"}};
    t.indexes = {Index{"ix_" + table + "_name", {IndexElement{"name"}}}};
    r.upgrade = {CreateTable{t}};
    r.downgrade = {DropTable{"", table, t}};
    return r;
}

}  // namespace

std::vector<Revision> generate_revisions(int count, Shape shape, int branch_every) {
    std::vector<Revision> out;
    out.reserve(count);
    std::string head;
    int i = 0;
    while (i < count) {
        bool branch = shape == Shape::Branchy && i > 0 && i % branch_every == 0 && i + 3 <= count;
        if (!branch) {
            out.push_back(make(
                i, head.empty() ? std::vector<std::string>{} : std::vector<std::string>{head}));
            head = out.back().id;
            ++i;
            continue;
        }
        Revision left = make(i, {head}), right = make(i + 1, {head});
        Revision merge = make(i + 2, {left.id, right.id});
        head = merge.id;
        out.push_back(std::move(left));
        out.push_back(std::move(right));
        out.push_back(std::move(merge));
        i += 3;
    }
    return out;
}

int write_revisions(const std::vector<Revision>& revisions, const std::string& folder) {
    NamingConvention naming;
    for (const auto& r : revisions) write_revision_file(r, folder, naming);
    return static_cast<int>(revisions.size());
}

}  // namespace migrate::bench
