#pragma once
// The checks a guide for newcomers (issue 8) must pass before it is stored, pure: the address
// (slug) and the order within its topic, as the back-office form gives them.
#include <cstdint>
#include <optional>
#include <string_view>

namespace tilti::programme {

// Lower-case Latin letters and digits in groups joined by single hyphens, at most 80
// characters: "lasitaja-karte", "e-pakalpojumi-2". Not "", "-a", "a--b", "Karte", "kārte".
bool IsGuideSlug(std::string_view slug);

// The order within a topic as typed: a whole number from 0 to 999 (digits only, no sign or
// spaces); nullopt otherwise.
std::optional<int64_t> ParseGuidePosition(std::string_view typed);

}  // namespace tilti::programme
