#include "tests/e2e/docs_blocks.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

namespace migrate::test {

namespace {

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return "";
    auto e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

bool is_fence(const std::string& line) { return trim(line).rfind("```", 0) == 0; }

std::string fence_language(const std::string& line) { return trim(trim(line).substr(3)); }

// The marker's name and argument: "<!-- runnable: postgresql -->" -> {"runnable", "postgresql"}.
std::optional<std::pair<std::string, std::string>> parse_marker(const std::string& line) {
    std::string t = trim(line);
    if (t.rfind("<!--", 0) != 0 || t.size() < 7 || t.substr(t.size() - 3) != "-->")
        return std::nullopt;
    std::string body = trim(t.substr(4, t.size() - 7));
    auto colon = body.find(':');
    std::string name = trim(body.substr(0, colon));
    std::string arg = colon == std::string::npos ? "" : trim(body.substr(colon + 1));
    if (name != "runnable" && name != "output") return std::nullopt;  // an ordinary comment
    return std::make_pair(name, arg);
}

// The fenced block starting at lines[start] (a fence): its code and the index after it.
std::pair<std::string, size_t> read_fenced(const std::vector<std::string>& lines, size_t start) {
    std::string code;
    size_t i = start + 1;
    for (; i < lines.size() && !is_fence(lines[i]); ++i) code += lines[i] + "\n";
    return {code, i + 1};
}

}  // namespace

DocsPage extract_docs_blocks(const std::string& name, const std::string& markdown) {
    DocsPage page{name, {}, {}};
    auto lines = split_lines(markdown);
    auto problem = [&](size_t i, const std::string& what) {
        page.problems.push_back(name + ":" + std::to_string(i + 1) + ": " + what);
    };
    for (size_t i = 0; i < lines.size();) {
        if (is_fence(lines[i])) {  // skip ordinary blocks whole: markers inside are text
            i = read_fenced(lines, i).second;
            continue;
        }
        auto marker = parse_marker(lines[i]);
        if (!marker) {
            ++i;
            continue;
        }
        const auto& [kind, arg] = *marker;
        if (i + 1 >= lines.size() || !is_fence(lines[i + 1])) {
            problem(i, "<!-- " + kind + " --> must be followed directly by a fenced block");
            ++i;
            continue;
        }
        auto [code, next] = read_fenced(lines, i + 1);
        if (kind == "runnable") {
            std::string lang = fence_language(lines[i + 1]);
            if (lang != "sh" && lang != "bash")
                problem(i, "a runnable block must be ```sh or ```bash, not ```" + lang);
            DocsBlock block{name, static_cast<int>(i + 3), code};
            if (arg == "postgresql")
                block.target = DocsTarget::postgresql;
            else if (!arg.empty())
                problem(i, "unknown runnable target '" + arg + "' (use postgresql or nothing)");
            page.blocks.push_back(block);
        } else if (page.blocks.empty() || page.blocks.back().expected_output) {
            problem(i, "<!-- output --> must follow a runnable block (one output block each)");
        } else {
            page.blocks.back().expected_output = code;
            page.blocks.back().expected_line = static_cast<int>(i + 3);
        }
        i = next;
    }
    return page;
}

std::vector<std::string> docs_pages(const std::string& root) {
    namespace fs = std::filesystem;
    std::vector<std::string> pages{"README.md"};
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(root) / "docs")) {
        if (entry.is_regular_file() && entry.path().extension() == ".md")
            pages.push_back(fs::relative(entry.path(), root).string());
    }
    std::sort(pages.begin() + 1, pages.end());
    return pages;
}

namespace {

// `pattern` with `...` as "any text" found in `line`.
bool line_matches(const std::string& pattern, const std::string& line) {
    size_t pos = 0, from = 0;
    while (true) {
        size_t dots = pattern.find("...", from);
        std::string piece =
            pattern.substr(from, dots == std::string::npos ? std::string::npos : dots - from);
        size_t at = line.find(piece, pos);
        if (at == std::string::npos) return false;
        pos = at + piece.size();
        if (dots == std::string::npos) return true;
        from = dots + 3;
    }
}

}  // namespace

std::optional<int> first_missing_output_line(const std::string& expected,
                                             const std::string& actual) {
    auto want = split_lines(expected);
    auto have = split_lines(actual);
    size_t h = 0;
    for (size_t w = 0; w < want.size(); ++w) {
        std::string pattern = trim(want[w]);
        if (pattern.empty() || pattern == "...") continue;
        while (h < have.size() && !line_matches(pattern, have[h])) ++h;
        if (h == have.size()) return static_cast<int>(w + 1);
        ++h;
    }
    return std::nullopt;
}

}  // namespace migrate::test
