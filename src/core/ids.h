#pragma once
// Identifiers. HSDS requires UUID strings for every record id.
#include <string>
#include <string_view>

namespace tilti {

// A UUID (RFC 9562 version 8, "custom") derived from `name` by a 128-bit FNV-1a hash: the
// same name always gives the same id, so the demo data and re-runnable imports keep stable
// ids. Not for secrets. Example: DeterministicUuid("organization:latgales-centrala-biblioteka").
std::string DeterministicUuid(std::string_view name);

// A random UUID (version 4) from the operating system's entropy (std::random_device reads
// getrandom/urandom with libstdc++ on Linux). For record ids, not for secrets.
std::string RandomUuid();

// `bytes` random bytes from the operating system, as lower-case hex (2 characters a byte).
std::string RandomHex(size_t bytes);

// FNV-1a 64-bit hash of `bytes` as 16 lower-case hex digits. Stable across processes and
// machines (cache keys, ETags, pseudonymous rate-limit keys); not a security boundary.
std::string Fnv1a64Hex(std::string_view bytes);

// True if `s` has the 8-4-4-4-12 lower-case hex shape of a UUID.
bool LooksLikeUuid(std::string_view s);

}  // namespace tilti
