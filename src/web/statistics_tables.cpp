#include "web/statistics_tables.h"

#include <map>

#include "events/statistics.h"

namespace tilti::web {

Table TableBy(std::string dimension, const std::vector<store::ParticipationFact>& facts,
              const std::function<std::pair<std::string, std::string>(const store::ParticipationFact&)>& key) {
  std::map<std::string, Tally> by;
  Table t{std::move(dimension), {}, 0};
  for (const auto& f : facts) {
    auto [k, label] = key(f);
    Tally& row = by[k];
    row.key = k;
    row.label = label;
    row.people += f.people;
    t.total += f.people;
  }
  std::vector<int64_t> counts;
  for (auto& [k, row] : by) {
    t.rows.push_back(row);
    counts.push_back(row.people);
  }
  const std::vector<bool> hide = events::CountsToHide(counts);
  for (size_t i = 0; i < t.rows.size(); ++i) t.rows[i].hidden = hide[i];
  return t;
}

http::Response CsvDownload(const std::string& filename, const std::string& csv) {
  http::Response r;
  r.status = 200;
  r.Set("Content-Type", "text/csv; charset=utf-8");
  r.Set("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  r.Set("Cache-Control", "private, no-store");
  r.Set("X-Content-Type-Options", "nosniff");
  r.body = "\xEF\xBB\xBF" + csv;  // a BOM, so spreadsheets read UTF-8
  return r;
}

}  // namespace tilti::web
