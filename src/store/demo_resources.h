#pragma once
// The demo's SAMPLE bookable resources (demo/sample_resources.json): the sensory reading room of
// seed 002 and the free computers and consultations of seed 000, with made-up capacities and
// hours, each marked is_sample so its page says so. Loading twice keeps one copy (ids derive
// from each sample's key).
#include <string_view>

#include "core/clock.h"
#include "store/database.h"

namespace tilti::store {

// Saves every sample resource whose organisation exists, with its translated texts, hours,
// languages and accessibility features (a resource with "own_location" gets a location of its
// own at its organisation). Returns how many. Throws std::runtime_error naming the problem when
// the file is malformed.
int LoadSampleResources(Database& db, std::string_view json_text, SysTime now);

}  // namespace tilti::store
