#pragma once
// Tables of people counted by one dimension, small groups hidden (events::CountsToHide), and
// their CSV download: shared by the participation and booking statistics and the coordinator
// dashboard (issues 5, 6, 7).
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "http/request.h"
#include "store/attendance_store.h"

namespace tilti::web {

struct Tally {
  std::string key, label;
  int64_t people = 0;
  bool hidden = false;
};

struct Table {
  std::string dimension;  // "library", "category", "group", "month", ...
  std::vector<Tally> rows;  // by key
  int64_t total = 0;
};

// The facts summed by `key` (which gives each fact's key and label), small groups hidden.
Table TableBy(std::string dimension, const std::vector<store::ParticipationFact>& facts,
              const std::function<std::pair<std::string, std::string>(const store::ParticipationFact&)>& key);

// A CSV file to download (UTF-8 with a BOM so spreadsheets read it; private, never cached,
// nosniff). `csv` is made of CsvRecord lines, which neutralise cells starting with = + - @.
http::Response CsvDownload(const std::string& filename, const std::string& csv);

}  // namespace tilti::web
