#pragma once
// schema.org structured data (JSON-LD) for pages (QUALITY W12).
#include <string>
#include <string_view>

#include "directory/library.h"
#include "store/directory_queries.h"

namespace tilti::web {

// A schema.org `Library` for `library`, its page `url` and names already chosen for the
// reader; with `openingHoursSpecification` from its weekly hours when known (wall-clock times
// of the library's own zone, as schema.org wants them). Its PostalAddress has addressCountry
// from `place` (the organization's country), and streetAddress, addressLocality and
// postalCode from the location's address when it has one (addressLocality falls back to the
// town); addressRegion is the Latvian municipality, else the address's state or province. The
// result is safe inside <script type="application/ld+json">: see ScriptSafeJson.
std::string LibraryJsonLd(const directory::LibraryDetail& library, std::string_view url,
                          const store::LibraryPlace& place = {});

// Serialised JSON made safe to embed in an HTML <script> element: '<', '>', '&' and the line
// separators U+2028/U+2029 are written as \u escapes, so no text can close the element.
// Templates may output a variable unescaped only if its name ends in "_json" and it was made
// by this function (TemplateSet enforces the name).
std::string ScriptSafeJson(std::string_view json);

}  // namespace tilti::web
