#pragma once
// The demo's SAMPLE training modules (demo/training.json): lessons after the training topics of
// seed 004, check questions written from its facts, each module marked is_sample so its pages
// say so. Loading twice keeps one copy (ids derive from each item's key) and leaves everyone's
// progress alone.
#include <string_view>

#include "store/database.h"

namespace tilti::store {

// Writes every module with its lessons, questions and choices, the Latvian text in the records'
// own columns and the other locales as translations, in one write transaction. Returns how many
// modules. Throws std::runtime_error naming the problem when the file is malformed.
int LoadSampleTraining(Database& db, std::string_view json_text, std::string_view now);

}  // namespace tilti::store
