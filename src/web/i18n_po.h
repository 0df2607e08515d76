#pragma once
// The subset of the gettext PO format that Tilti's catalogues use (web/locales/*.po).
//
//   # translator comment          #. extracted comment     #: reference    #~ obsolete
//   #, fuzzy                      (flags; "fuzzy" is reported in PoEntry::fuzzy)
//   msgctxt "optional context"
//   msgid "home.title"
//   msgstr ""
//   "text continued on the next line with escapes \" \\ \n \t \r"
//
// Entries are separated by blank lines or simply by the next msgctxt/msgid. gettext's own
// plural forms (msgid_plural, msgstr[N]) are rejected: our plurals are written in ICU
// MessageFormat inside msgstr. Pure; no ICU.
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace tilti::web::i18n {

struct PoEntry {
  std::string context;  // msgctxt, empty when absent
  std::string id;       // msgid; "" for the header entry
  std::string str;      // msgstr, escapes resolved and continuation lines joined
  int id_line = 0;      // 1-based line of the msgid keyword
  int str_line = 0;     // 1-based line of the msgstr keyword
  bool fuzzy = false;   // a "#, fuzzy" flag preceded the entry
};

// Parses `bytes` (UTF-8; a leading byte-order mark is skipped; CRLF accepted). On a syntax
// error returns kInvalidInput with detail "<path>:<line>: <what>", e.g.
// "locales/ru.po:42: unterminated string". Stops at the first error. Does not check for
// duplicate ids or interpret the header; that is the catalogue's job.
Result<std::vector<PoEntry>> ParsePo(std::string_view path, std::string_view bytes);

}  // namespace tilti::web::i18n
