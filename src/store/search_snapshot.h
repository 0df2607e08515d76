#pragma once
// What the library search filters and sorts on, for every library location, held in memory so
// that one search costs microseconds per library instead of queries per library: the terms
// (service types, target groups, accessibility) and staff languages each library has, its
// municipality, country and coordinates, its place in name order for each interface language,
// its weekly hours, and the gazetteer's folded place names for "near".
//
// Built from the database (Build) and immutable afterwards; SearchSnapshotCache keeps the
// newest one and builds a new one when the directory version (DirectoryVersion) changed, so
// every node of a cluster follows the database and nothing lives only in one node's memory.
// The full-text index stays in the database (store/search_index.h).
#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/localized_text.h"
#include "directory/grouping.h"
#include "directory/opening_hours.h"
#include "store/search_index.h"
#include "store/sql.h"

namespace tilti::store {

// The directory's version: a number that grows whenever something the search sees changes.
// RebuildLibraryIndex bumps it (every directory write runs that in its transaction), and so do
// triggers on the schedule tables (migration 0008).
int64_t DirectoryVersion(Connection& c);
// Bumps the version; for writes that change what the search sees without rebuilding the index.
void BumpDirectoryVersion(Connection& c);

// One interface language's name order: the chain its pages read names with, and its collation.
struct NameOrder {
  std::string locale;
  LocaleChain chain;
  directory::TextLess less;
};

struct SnapshotLibrary {
  std::string slug;         // the organization's
  std::string location_id;
  uint32_t organization = 0;  // index of its organization among the snapshot's libraries
  int64_t document = 0;       // rowid of its search_document (store/search_index.h); 0: none
  std::optional<double> latitude, longitude;
  std::string municipality_id;             // "" outside Latvia
  std::string country;                     // ISO 3166-1 alpha-2
  std::vector<uint32_t> terms;             // sorted ids of "taxonomy/term" keys (TermId)
  std::vector<uint32_t> languages;         // sorted ids of language codes (LanguageId)
  std::vector<uint32_t> rank;              // position in name order, one per NameOrder
  // Opening hours, when the location has a weekly timetable (its ranges in weeks()[week]).
  // `dated` is set when the timetable has validity dates or the
  // location has dated exceptions: then only store/hours_queries can say whether it is open.
  bool has_hours = false;
  bool dated = false;
  bool latvian_holidays = false;  // the LV calendar closes it
  uint32_t zone = 0;              // index into SearchSnapshot::zones()
  uint32_t week = 0;              // with has_hours and not dated: index into weeks()
};

// A week's opening ranges: [d] holds ISO weekday d + 1's, sorted and merged.
using WeekRanges = std::array<std::vector<directory::TimeRange>, 7>;

class SearchSnapshot {
 public:
  // Reads everything in one read snapshot of `c` (call it in a read lease or a transaction).
  // Cost grows with the directory: about a second for 60,000 libraries.
  static std::shared_ptr<const SearchSnapshot> Build(Connection& c,
                                                     const std::vector<NameOrder>& orders);

  int64_t version() const { return version_; }
  const std::vector<SnapshotLibrary>& libraries() const { return libraries_; }
  // The library location of a search document (its rowid); nullopt for another document.
  std::optional<uint32_t> LibraryOfDocument(int64_t document) const {
    auto it = by_document_.find(document);
    if (it == by_document_.end()) return std::nullopt;
    return it->second;
  }
  // Indices into libraries() of the locations of the organization with this slug.
  const std::vector<uint32_t>* LocationsOf(std::string_view slug) const;
  // The id of a "taxonomy code/term code" key or a language code; nullopt when no library
  // has it.
  std::optional<uint32_t> TermId(std::string_view taxonomy, std::string_view term) const;
  std::optional<uint32_t> LanguageId(std::string_view code) const;
  // Index of `locale` among the NameOrders it was built with; 0 when unknown.
  size_t OrderIndex(std::string_view locale) const;
  const std::vector<WeekRanges>& weeks() const { return weeks_; }
  // The time zones of libraries (IANA names); zones()[0] is "Europe/Riga".
  const std::vector<std::string>& zones() const { return zones_; }
  // The libraries (indices into libraries()) in name order for OrderIndex(locale).
  const std::vector<uint32_t>& InNameOrder(size_t order) const { return name_order_.at(order); }
  size_t organization_count() const { return organization_count_; }
  // The slugs of the libraries matching a text query, cached per query for this snapshot (the
  // directory does not change under it): `compute` runs on a miss. At most kTextCacheSize
  // queries are kept; the least recently used one goes first.
  static constexpr size_t kTextCacheSize = 256;
  template <typename Compute>
  std::shared_ptr<const TextMatches> TextSearch(const std::string& folded_query,
                                                Compute compute) const {
    {
      std::lock_guard lock(text_mutex_);
      if (auto it = text_cache_.find(folded_query); it != text_cache_.end()) {
        it->second.second = ++text_clock_;
        return it->second.first;
      }
    }
    auto result = std::make_shared<const TextMatches>(compute());
    std::lock_guard lock(text_mutex_);
    if (text_cache_.size() >= kTextCacheSize) {
      auto oldest = std::min_element(text_cache_.begin(), text_cache_.end(),
                                     [](const auto& a, const auto& b) {
                                       return a.second.second < b.second.second;
                                     });
      text_cache_.erase(oldest);
    }
    text_cache_[folded_query] = {result, ++text_clock_};
    return result;
  }
  // Municipalities with at least one library, by id.
  const std::vector<std::string>& municipalities() const { return municipalities_; }
  // Language codes any library has, sorted.
  const std::vector<std::string>& language_codes() const { return language_codes_; }
  // The gazetteer places whose Latvian or other name folds (directory::Fold) to `folded`.
  const std::vector<int64_t>* PlacesNamed(std::string_view folded) const;
  // Dated entries of the `holiday` table for the LV calendar (one-off days off).
  bool IsLatvianHolidayEntry(std::chrono::year_month_day date) const;

 private:
  int64_t version_ = 0;
  std::vector<SnapshotLibrary> libraries_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_slug_;
  std::unordered_map<int64_t, uint32_t> by_document_;
  std::unordered_map<std::string, uint32_t> term_ids_;
  std::unordered_map<std::string, uint32_t> language_ids_;
  std::vector<std::string> order_locales_;
  std::vector<std::string> zones_;
  std::vector<WeekRanges> weeks_;
  std::vector<std::string> municipalities_;
  std::vector<std::string> language_codes_;
  std::unordered_map<std::string, std::vector<int64_t>> places_;
  std::vector<std::chrono::year_month_day> holiday_entries_;  // sorted
  std::vector<std::vector<uint32_t>> name_order_;  // per NameOrder
  size_t organization_count_ = 0;
  mutable std::mutex text_mutex_;
  mutable uint64_t text_clock_ = 0;
  mutable std::unordered_map<std::string, std::pair<std::shared_ptr<const TextMatches>, uint64_t>>
      text_cache_;
};

// The newest snapshot, shared by every request of a node. Thread-safe.
class SearchSnapshotCache {
 public:
  explicit SearchSnapshotCache(std::vector<NameOrder> orders) : orders_(std::move(orders)) {}

  // The snapshot for the directory as `c` sees it: the cached one when its version is current
  // (one indexed read), else a new one. While one request builds a new snapshot, the others
  // keep answering with the previous one; only the very first requests wait.
  std::shared_ptr<const SearchSnapshot> Get(Connection& c);

 private:
  std::vector<NameOrder> orders_;
  std::mutex build_;  // one builder at a time
  std::mutex current_mutex_;
  std::shared_ptr<const SearchSnapshot> current_;
};

}  // namespace tilti::store
