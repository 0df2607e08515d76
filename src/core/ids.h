#pragma once
// Identifiers. HSDS requires UUID strings for every record id.
#include <string>
#include <string_view>

namespace tilti {

// A UUID (RFC 9562 version 8, "custom") derived from `name` by a 128-bit FNV-1a hash: the
// same name always gives the same id, so the demo data and re-runnable imports keep stable
// ids. Not for secrets. Example: DeterministicUuid("organization:latgales-centrala-biblioteka").
std::string DeterministicUuid(std::string_view name);

// True if `s` has the 8-4-4-4-12 lower-case hex shape of a UUID.
bool LooksLikeUuid(std::string_view s);

}  // namespace tilti
