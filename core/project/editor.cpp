// Finding and running the user's editor (core/project/editor.h).

#include "core/project/editor.h"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "core/base/errors.h"

namespace migrate {

namespace {

std::optional<std::string> non_empty(const EnvLookup& env, const std::string& name) {
    auto v = env(name);
    if (!v || v->empty()) return std::nullopt;
    return v;
}

// `text` as one POSIX shell word.
std::string shell_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

}  // namespace

std::string find_editor(const EnvLookup& env) {
    auto term = env("TERM");
    bool dumb = !term || *term == "dumb";
    if (!dumb)
        if (auto visual = non_empty(env, "VISUAL")) return *visual;
    if (auto editor = non_empty(env, "EDITOR")) return *editor;
    if (dumb && non_empty(env, "VISUAL"))
        throw InputError(
            "the terminal is dumb (TERM is unset or 'dumb'), so VISUAL is not used and EDITOR "
            "is not set; set EDITOR (for example EDITOR=vi)");
    throw InputError(
        "no editor: set VISUAL or EDITOR (for example EDITOR=vi, or EDITOR=\"code --wait\")");
}

void run_editor(const std::string& editor, const std::string& path, const std::string& shown) {
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    int status = std::system((editor + " " + shell_quote(path)).c_str());
    if (status == -1) throw InputError("could not start the editor '" + editor + "' for " + shown);
    if (WIFSIGNALED(status))
        throw InputError("the editor '" + editor + "' was killed by signal " +
                         std::to_string(WTERMSIG(status)) + " while editing " + shown);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code == 127)
        throw InputError("the editor '" + editor + "' was not found (the shell exited with 127); " +
                         "check VISUAL/EDITOR");
    if (code != 0)
        throw InputError("the editor '" + editor + "' exited with status " + std::to_string(code) +
                         " while editing " + shown);
}

}  // namespace migrate
