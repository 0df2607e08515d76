#pragma once
// The demo's SAMPLE events (demo/sample_events.json): made up from the kinds of events the seed
// documents name, placed relative to the day the demo is loaded, each marked is_sample so its
// page says so. Loading twice keeps one copy (ids derive from each sample's key).
#include <string_view>

#include "core/clock.h"
#include "store/database.h"

namespace tilti::store {

// Saves every sample event whose library exists (through store::SaveEvent, so occurrences are
// materialised and the audit trail says "demo"), with its translated texts. Returns how many.
// Throws std::runtime_error naming the problem when the file is malformed.
int LoadSampleEvents(Database& db, std::string_view json_text, SysTime now);

}  // namespace tilti::store
