#pragma once
// What a revision id (or branch label) may look like. `@ - + :` are taken by the
// identifier syntax (label@head, head-1, +2, A:B), so they cannot appear in ids.

#include <optional>
#include <string>

namespace migrate {

// Why `id` is not a valid revision id or branch label ("contains ':'"), or nullopt.
std::optional<std::string> id_problem(const std::string& id);

// A file-name slug of a message: "Add posts table!" -> "add_posts_table" (at most 40
// characters, ASCII letters, digits and '_'; "" when nothing is left).
std::string slugify(const std::string& message);

}  // namespace migrate
