#include "store/search_snapshot.h"

#include <malloc.h>

#include <algorithm>
#include <numeric>
#include <unordered_set>

#include "directory/folding.h"
#include "store/hours_queries.h"
#include "store/localized_sql.h"

namespace tilti::store {
namespace {

using std::chrono::year_month_day;

constexpr std::string_view kRiga = "Europe/Riga";

uint32_t Intern(std::unordered_map<std::string, uint32_t>& ids, const std::string& key) {
  return ids.emplace(key, static_cast<uint32_t>(ids.size())).first->second;
}

void AddSorted(std::vector<uint32_t>& list, uint32_t id) {
  auto it = std::lower_bound(list.begin(), list.end(), id);
  if (it == list.end() || *it != id) list.insert(it, id);
}

}  // namespace

int64_t DirectoryVersion(Connection& c) {
  Statement& st = c.Cached("SELECT version FROM directory_version WHERE id = 1");
  int64_t v = st.Step() ? st.Int(0) : 0;
  st.Reset();
  return v;
}

void BumpDirectoryVersion(Connection& c) {
  c.Cached("UPDATE directory_version SET version = version + 1 WHERE id = 1").Run();
}

std::shared_ptr<const SearchSnapshot> SearchSnapshot::Build(Connection& c,
                                                           const std::vector<NameOrder>& orders) {
  auto s = std::make_shared<SearchSnapshot>();
  s->version_ = DirectoryVersion(c);
  s->zones_.push_back(std::string(kRiga));
  std::unordered_map<std::string, uint32_t> zone_ids{{std::string(kRiga), 0}};

  // The library locations, and which locations each organization has.
  std::unordered_map<std::string, uint32_t> by_location;
  std::unordered_map<std::string, std::vector<uint32_t>> by_org;
  {
    Statement st = c.Prepare(
        "SELECT o.slug, l.id, l.latitude, l.longitude, coalesce(l.municipality_id, ''), "
        "o.country, l.time_zone, l.holiday_calendar_id, o.id FROM organization o "
        "JOIN location l ON l.organization_id = o.id WHERE o.kind = 'library' ORDER BY l.id");
    std::unordered_set<std::string> municipalities;
    while (st.Step()) {
      SnapshotLibrary lib;
      lib.slug = st.Text(0);
      lib.location_id = st.Text(1);
      lib.latitude = st.OptDouble(2);
      lib.longitude = st.OptDouble(3);
      lib.municipality_id = st.Text(4);
      lib.country = st.Text(5);
      std::string zone = st.Text(6);
      lib.zone = zone_ids.emplace(zone, static_cast<uint32_t>(zone_ids.size())).first->second;
      if (lib.zone == s->zones_.size()) s->zones_.push_back(zone);
      auto calendar = st.OptText(7);
      lib.latvian_holidays = calendar == "LV";
      // Another calendar's holidays are dated entries: hours_queries reads them.
      lib.dated = calendar && *calendar != "LV";
      if (!lib.municipality_id.empty()) municipalities.insert(lib.municipality_id);
      auto index = static_cast<uint32_t>(s->libraries_.size());
      by_location.emplace(lib.location_id, index);
      auto& org_locations = by_org[st.Text(8)];
      if (org_locations.empty()) {
        lib.organization = static_cast<uint32_t>(s->organization_count_++);
      } else {
        lib.organization = s->libraries_[org_locations.front()].organization;
      }
      org_locations.push_back(index);
      s->by_slug_[lib.slug].push_back(index);
      s->libraries_.push_back(std::move(lib));
    }
    s->municipalities_.assign(municipalities.begin(), municipalities.end());
    std::sort(s->municipalities_.begin(), s->municipalities_.end());
  }

  // Active services: which locations each belongs to (run by the organization, or offered at
  // the location), as LibraryBySlug and the search index count them.
  std::unordered_map<std::string, std::vector<uint32_t>> service_locations;
  {
    Statement st = c.Prepare("SELECT id, organization_id FROM service WHERE status = 'active'");
    while (st.Step()) {
      auto org = by_org.find(st.Text(1));
      auto& list = service_locations[st.Text(0)];
      if (org != by_org.end()) list = org->second;
    }
    Statement sal = c.Prepare("SELECT service_id, location_id FROM service_at_location");
    while (sal.Step()) {
      auto svc = service_locations.find(sal.Text(0));
      auto loc = by_location.find(sal.Text(1));
      if (svc == service_locations.end() || loc == by_location.end()) continue;
      if (std::find(svc->second.begin(), svc->second.end(), loc->second) == svc->second.end()) {
        svc->second.push_back(loc->second);
      }
    }
  }
  // The locations a linked record (service, location, organization) stands for.
  auto locations_of = [&](std::string_view entity,
                          const std::string& id) -> const std::vector<uint32_t>* {
    static const std::vector<uint32_t> kNone;
    thread_local std::vector<uint32_t> one;
    if (entity == "service") {
      auto it = service_locations.find(id);
      return it == service_locations.end() ? &kNone : &it->second;
    }
    if (entity == "organization") {
      auto it = by_org.find(id);
      return it == by_org.end() ? &kNone : &it->second;
    }
    auto it = by_location.find(id);
    if (it == by_location.end()) return &kNone;
    one = {it->second};
    return &one;
  };
  {
    Statement st = c.Prepare(
        "SELECT a.link_entity, a.link_id, tx.code || '/' || tt.code FROM attribute a "
        "JOIN taxonomy_term tt ON tt.id = a.taxonomy_term_id "
        "JOIN taxonomy tx ON tx.id = tt.taxonomy_id "
        "WHERE a.link_entity IN ('service', 'location', 'organization')");
    while (st.Step()) {
      uint32_t term = Intern(s->term_ids_, st.Text(2));
      for (uint32_t i : *locations_of(st.TextView(0), st.Text(1))) {
        AddSorted(s->libraries_[i].terms, term);
      }
    }
  }
  {
    Statement st = c.Prepare(
        "SELECT CASE WHEN location_id IS NOT NULL THEN 'location' ELSE 'service' END, "
        "coalesce(location_id, service_id), code FROM language "
        "WHERE location_id IS NOT NULL OR service_id IS NOT NULL");
    std::unordered_set<std::string> codes;
    while (st.Step()) {
      std::string code = st.Text(2);
      uint32_t id = Intern(s->language_ids_, code);
      const auto* locations = locations_of(st.TextView(0), st.Text(1));
      for (uint32_t i : *locations) AddSorted(s->libraries_[i].languages, id);
      if (!locations->empty()) codes.insert(code);
    }
    s->language_codes_.assign(codes.begin(), codes.end());
    std::sort(s->language_codes_.begin(), s->language_codes_.end());
  }

  // Name order per interface language.
  for (const NameOrder& order : orders) {
    s->order_locales_.push_back(order.locale);
    static const std::string sql =
        "SELECT l.id, " +
        BestText("organization", "o.id", "name", "o.name", "o.source_locale") +
        " FROM organization o JOIN location l ON l.organization_id = o.id "
        "WHERE o.kind = 'library'";
    Statement st = c.Prepare(sql);
    BindChain(st, order.chain);
    std::vector<std::pair<std::string, uint32_t>> names;
    names.reserve(s->libraries_.size());
    while (st.Step()) {
      auto it = by_location.find(st.Text(0));
      if (it != by_location.end()) names.emplace_back(SplitLocalized(st.TextView(1)).text, it->second);
    }
    std::sort(names.begin(), names.end(), [&](const auto& a, const auto& b) {
      if (order.less(a.first, b.first)) return true;
      if (order.less(b.first, a.first)) return false;
      return s->libraries_[a.second].slug < s->libraries_[b.second].slug;
    });
    for (auto& lib : s->libraries_) lib.rank.push_back(UINT32_MAX);
    std::vector<uint32_t> in_order;
    in_order.reserve(names.size());
    for (size_t pos = 0; pos < names.size(); ++pos) {
      s->libraries_[names[pos].second].rank.back() = static_cast<uint32_t>(pos);
      in_order.push_back(names[pos].second);
    }
    s->name_order_.push_back(std::move(in_order));
  }
  if (s->name_order_.empty()) {  // no orders given: the slug order
    std::vector<uint32_t> in_order(s->libraries_.size());
    std::iota(in_order.begin(), in_order.end(), 0u);
    std::sort(in_order.begin(), in_order.end(), [&](uint32_t a, uint32_t b) {
      return s->libraries_[a].slug < s->libraries_[b].slug;
    });
    s->name_order_.push_back(std::move(in_order));
  }
  {
    Statement st = c.Prepare(
        "SELECT rowid, entity_id FROM search_document WHERE entity = 'location'");
    while (st.Step()) {
      if (auto it = by_location.find(st.Text(1)); it != by_location.end()) {
        s->libraries_[it->second].document = st.Int(0);
        s->by_document_.emplace(st.Int(0), it->second);
      }
    }
  }

  // Weekly hours. A timetable with validity dates, other intervals or dated exceptions is
  // marked `dated`: the search then asks store/hours_queries about that location.
  {
    Statement st = c.Prepare(
        "SELECT location_id, byday, opens_at, closes_at, valid_from IS NOT NULL OR valid_to IS "
        "NOT NULL OR coalesce(interval, 1) <> 1 FROM schedule WHERE location_id IS NOT NULL "
        "AND service_id IS NULL AND service_at_location_id IS NULL AND freq = 'WEEKLY'");
    while (st.Step()) {
      auto it = by_location.find(st.Text(0));
      if (it == by_location.end()) continue;
      SnapshotLibrary& lib = s->libraries_[it->second];
      lib.has_hours = true;
      if (st.Int(4) != 0) {
        lib.dated = true;
        continue;
      }
      // Read as HoursOfLocation reads it; a row it would skip is left to it.
      auto range = ParseScheduleRange(st.OptText(2), st.OptText(3));
      auto days = ParseScheduleWeekdays(st.TextView(1));
      if (!range || days.empty()) {
        lib.dated = true;
        continue;
      }
      if (lib.week == 0) {  // 1-based while building: 0 is "none yet"
        s->weeks_.emplace_back();
        lib.week = static_cast<uint32_t>(s->weeks_.size());
      }
      for (int d : days) s->weeks_[lib.week - 1][d - 1].push_back(*range);
    }
    for (auto& lib : s->libraries_) {
      if (lib.week > 0) --lib.week;
    }
    for (auto& week : s->weeks_) {
      for (auto& day : week) day = directory::MergeRanges(std::move(day));
    }
    Statement ex = c.Prepare("SELECT DISTINCT location_id FROM schedule_exception");
    while (ex.Step()) {
      if (auto it = by_location.find(ex.Text(0)); it != by_location.end()) {
        s->libraries_[it->second].dated = true;
      }
    }
    Statement h = c.Prepare("SELECT date FROM holiday WHERE calendar_id = 'LV' ORDER BY date");
    while (h.Step()) {
      if (auto d = ParseScheduleDate(h.TextView(0))) s->holiday_entries_.push_back(*d);
    }
  }

  // The gazetteer's names, folded, for "near".
  {
    Statement st = c.Prepare(
        "SELECT id, name FROM place UNION ALL SELECT place_id, name FROM place_name");
    while (st.Step()) {
      std::string folded = directory::Fold(st.TextView(1));
      if (folded.empty()) continue;
      auto& ids = s->places_[folded];
      if (std::find(ids.begin(), ids.end(), st.Int(0)) == ids.end()) ids.push_back(st.Int(0));
    }
  }
  return s;
}

const std::vector<uint32_t>* SearchSnapshot::LocationsOf(std::string_view slug) const {
  auto it = by_slug_.find(std::string(slug));
  return it == by_slug_.end() ? nullptr : &it->second;
}

std::optional<uint32_t> SearchSnapshot::TermId(std::string_view taxonomy,
                                               std::string_view term) const {
  auto it = term_ids_.find(std::string(taxonomy) + "/" + std::string(term));
  if (it == term_ids_.end()) return std::nullopt;
  return it->second;
}

std::optional<uint32_t> SearchSnapshot::LanguageId(std::string_view code) const {
  auto it = language_ids_.find(std::string(code));
  if (it == language_ids_.end()) return std::nullopt;
  return it->second;
}

size_t SearchSnapshot::OrderIndex(std::string_view locale) const {
  auto it = std::find(order_locales_.begin(), order_locales_.end(), locale);
  return it == order_locales_.end() ? 0 : static_cast<size_t>(it - order_locales_.begin());
}

const std::vector<int64_t>* SearchSnapshot::PlacesNamed(std::string_view folded) const {
  auto it = places_.find(std::string(folded));
  return it == places_.end() ? nullptr : &it->second;
}

bool SearchSnapshot::IsLatvianHolidayEntry(year_month_day date) const {
  return std::binary_search(holiday_entries_.begin(), holiday_entries_.end(), date);
}

std::shared_ptr<const SearchSnapshot> SearchSnapshotCache::Get(Connection& c) {
  const int64_t version = DirectoryVersion(c);
  std::shared_ptr<const SearchSnapshot> current;
  {
    std::lock_guard lock(current_mutex_);
    current = current_;
  }
  if (current && current->version() == version) return current;
  // Build, unless another request is building and there is a snapshot to answer with.
  std::unique_lock build(build_, std::defer_lock);
  if (current) {
    if (!build.try_lock()) return current;
  } else {
    build.lock();
    std::lock_guard lock(current_mutex_);
    if (current_ && current_->version() == version) return current_;
  }
  auto fresh = SearchSnapshot::Build(c, orders_);
  {
    std::lock_guard lock(current_mutex_);
    current_ = fresh;
  }
  current.reset();
  // Building frees as much as it keeps (maps of every service and attribute); give that back
  // to the system rather than keep it as the process's high-water mark.
  malloc_trim(0);
  return fresh;
}

}  // namespace tilti::store
