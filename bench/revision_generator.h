#pragma once
// Generates revision graphs of N revisions for the benchmark: linear chains, or
// branchy ones (every `branch_every` revisions a two-way branch that merges back),
// each revision with a small upgrade and downgrade, as real projects have.

#include <string>
#include <vector>

#include "core/revision/revision.h"

namespace migrate::bench {

enum class Shape { Linear, Branchy };

std::vector<Revision> generate_revisions(int count, Shape shape, int branch_every = 50);

// Writes them as revision files into `folder`; returns the number written.
int write_revisions(const std::vector<Revision>& revisions, const std::string& folder);

}  // namespace migrate::bench
