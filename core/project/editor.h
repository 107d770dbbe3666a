#pragma once
// The user's editor, found and run as git finds and runs it: $VISUAL (unless the
// terminal is dumb or unknown), else $EDITOR; the value is a shell command, so
// `EDITOR="code --wait"` works, and the file is passed as one quoted argument.

#include <string>

#include "core/runtime/config.h"

namespace migrate {

// The editor command to run. Throws InputError when neither VISUAL nor EDITOR is set
// (or only VISUAL on a dumb terminal), saying which to set.
std::string find_editor(const EnvLookup& env = process_env);

// Runs `editor` on `path` with the terminal attached and waits for it. Throws
// InputError naming the editor and its exit status (or signal) when it fails;
// `shown` is how the file is named in that message.
void run_editor(const std::string& editor, const std::string& path, const std::string& shown);

}  // namespace migrate
