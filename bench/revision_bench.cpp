// migrate_bench: times the revision engine on generated projects. For each shape
// (linear, branchy) and size it writes N revision files to a temp folder, then
// reports the median of several runs of: full parse (every file and operation, as
// upgrade needs), headers (what graph commands read), graph
// (build + validate), resolve (head, a prefix, head-100, heads), heads, history,
// and an upgrade plan from base to heads.
//
//   migrate_bench [N=10000] [RUNS=5]      (MIGRATE_BIN=build/migrate also times the binary)

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bench/revision_generator.h"
#include "core/revision/revision_file.h"
#include "core/revision/revision_graph.h"

namespace fs = std::filesystem;
using namespace migrate;

namespace {

double ms_of(const std::function<void()>& f) {
    auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// With MIGRATE_BIN set, also times the real binary (`heads`, `history`) on the project.
void time_binary(const fs::path& dir, int runs) {
    const char* bin = std::getenv("MIGRATE_BIN");
    if (!bin || !*bin) return;
    {
        std::ofstream cfg(dir / "migrate.yaml");
        cfg << "database: sqlite:///app.db\nmodels: models\nversions: versions\n";
    }
    for (const char* cmd : {"heads", "history", "history --json"}) {
        std::string line = std::string(bin) + " -c " + (dir / "migrate.yaml").string() + " " + cmd +
                           " > /dev/null";
        std::vector<double> times;
        for (int run = 0; run < runs; ++run)
            times.push_back(ms_of([&] {
                if (std::system(line.c_str()) != 0)
                    std::fprintf(stderr, "failed: %s\n", line.c_str());
            }));
        std::printf("           binary `migrate %s`: %.1f ms (median of %d)\n", cmd, median(times),
                    runs);
    }
    std::fflush(stdout);
}

void bench_shape(const char* name, bench::Shape shape, int count, int runs) {
    fs::path dir =
        fs::temp_directory_path() / ("migrate_bench_" + std::to_string(::getpid()) + "_" + name);
    fs::remove_all(dir);
    double write_ms = ms_of([&] {
        bench::write_revisions(bench::generate_revisions(count, shape),
                               (dir / "versions").string());
    });
    std::vector<double> full, load, build, resolve, heads, history, plan, total;
    NamingConvention naming;
    for (int run = 0; run < runs; ++run) {
        std::vector<Revision> revs;
        full.push_back(
            ms_of([&] { load_revisions({(dir / "versions").string()}, naming, LoadMode::Full); }));
        load.push_back(ms_of([&] {
            revs = load_revisions({(dir / "versions").string()}, naming, LoadMode::Headers);
        }));
        std::string prefix = revs[revs.size() / 2].id.substr(0, 8);
        std::unique_ptr<RevisionGraph> graph;
        build.push_back(ms_of([&] { graph = std::make_unique<RevisionGraph>(std::move(revs)); }));
        resolve.push_back(ms_of([&] {
            graph->resolve("head");
            graph->resolve(prefix);
            graph->resolve(shape == bench::Shape::Linear ? "head-100" : "head-1");
            graph->resolve("heads");
        }));
        heads.push_back(ms_of([&] { graph->heads(); }));
        history.push_back(ms_of([&] { graph->history(); }));
        plan.push_back(ms_of([&] { graph->plan_upgrade({}, "heads"); }));
        total.push_back(load.back() + build.back() + resolve.back());
    }
    std::printf(
        "%-8s %6d revisions (written in %.0f ms): full parse %.0f ms; headers %.1f ms, graph %.1f "
        "ms, resolve %.3f ms, "
        "heads %.3f ms, history %.2f ms, upgrade plan %.2f ms; load+graph+resolve %.1f ms (median "
        "of %d)\n",
        name, count, write_ms, median(full), median(load), median(build), median(resolve),
        median(heads), median(history), median(plan), median(total), runs);
    std::fflush(stdout);
    time_binary(dir, runs);
    fs::remove_all(dir);
}

}  // namespace

int main(int argc, char** argv) {
    int count = argc > 1 ? std::atoi(argv[1]) : 10000;
    int runs = argc > 2 ? std::atoi(argv[2]) : 5;
    if (count < 10 || runs < 1) {
        std::fprintf(stderr, "usage: migrate_bench [N>=10] [RUNS>=1]\n");
        return 2;
    }
    bench_shape("linear", bench::Shape::Linear, count, runs);
    bench_shape("branchy", bench::Shape::Branchy, count, runs);
    return 0;
}
