#pragma once
// Keeping passwords out of output. A password reaches a message only through text
// that quotes a URL; these functions are the only way such text is shown:
// mask_url() for a URL the user gave (whatever its form, malformed included) and
// mask_passwords() for free text that may quote one (a database's error, a usage error).

#include <string>

namespace migrate {

// A URL as given, with anything that may be a password replaced by ***: the text
// between the scheme and the last '@' keeps only a plain user name ("user:***@",
// else "***@"), and query parameters named *password* keep only their key.
//   postgresql:user:pw@host/db    -> postgresql:user:***@host/db
//   postgresql://u:p/w@h/d?password=x -> postgresql://u:***@h/d?password=***
std::string mask_url(const std::string& url);

// Replaces what looks like credentials in free text: in each whitespace-separated word,
// "scheme://user:secret@", "scheme:user:secret@" and "user:secret@" become
// "user:***@", and "?password=secret" (or &...) becomes "?password=***", leaving the
// text around them (quotes, parentheses, punctuation) as it was. Revision identifiers
// such as base:feat@head are left alone.
std::string mask_passwords(const std::string& text);

}  // namespace migrate
