#include "store/booking_store.h"

#include <algorithm>
#include <map>

#include "core/ids.h"
#include "core/riga_time.h"
#include "events/event.h"
#include "store/hours_queries.h"
#include "store/localized_sql.h"

namespace tilti::store {
namespace {

using namespace std::chrono;
using bookings::Slot;

SysTime Stored(std::string_view s) { return ParseStoredRfc3339(s).value_or(SysTime{}); }

const std::string& ResourceSql() {
  static const std::string sql =
      "SELECT r.id, r.organization_id, r.location_id, org.slug, " +
      BestText("organization", "org.id", "name", "org.name", "org.source_locale") + ", " +
      BestText("resource", "r.id", "name", "r.name", "r.source_locale") + ", " +
      BestText("resource", "r.id", "description", "r.description", "r.source_locale") + ", " +
      BestText("resource", "r.id", "what_to_expect", "r.what_to_expect", "r.source_locale") +
      ", r.kind, r.capacity, r.slot_minutes, r.buffer_minutes, r.book_ahead_days, "
      "r.min_notice_minutes, r.approval, r.is_sample, r.last_modified "
      "FROM resource r JOIN organization org ON org.id = r.organization_id ";
  return sql;
}

ResourceView ReadResource(Connection& c, const Statement& st, const LocaleChain& chain) {
  ResourceView r;
  r.id = st.Text(0);
  r.organization_id = st.Text(1);
  r.location_id = st.Text(2);
  r.library_slug = st.Text(3);
  r.library_name = SplitLocalized(st.TextView(4));
  r.name = SplitLocalized(st.TextView(5));
  r.description = SplitLocalized(st.TextView(6));
  r.what_to_expect = SplitLocalized(st.TextView(7));
  r.kind = bookings::ParseResourceKind(st.TextView(8)).value_or(bookings::ResourceKind::kRoom);
  r.capacity = static_cast<int>(st.Int(9));
  r.rules.slot_minutes = static_cast<int>(st.Int(10));
  r.rules.buffer_minutes = static_cast<int>(st.Int(11));
  r.rules.book_ahead_days = static_cast<int>(st.Int(12));
  r.rules.min_notice_minutes = static_cast<int>(st.Int(13));
  r.approval = st.Int(14) != 0;
  r.is_sample = st.Int(15) != 0;
  r.last_modified = st.Text(16);
  {
    Statement h = c.Prepare(
        "SELECT weekday, opens_min, closes_min, quiet FROM resource_hours WHERE resource_id = ?1 "
        "ORDER BY quiet, weekday, opens_min");
    h.Bind(1, r.id);
    while (h.Step()) {
      r.periods.push_back({static_cast<int>(h.Int(0)), static_cast<int>(h.Int(1)),
                           static_cast<int>(h.Int(2)), h.Int(3) != 0});
    }
  }
  {
    Statement l = c.Prepare(
        "SELECT language_code FROM resource_language WHERE resource_id = ?1 ORDER BY language_code");
    l.Bind(1, r.id);
    while (l.Step()) r.languages.push_back(l.Text(0));
  }
  {
    static const std::string sql =
        "SELECT " + BestText("taxonomy_term", "tt.id", "name", "tt.name", "'en'") +
        " FROM resource_feature f JOIN taxonomy_term tt ON tt.id = f.taxonomy_term_id "
        "WHERE f.resource_id = ?4 ORDER BY tt.position";
    Statement f = c.Prepare(sql);
    BindChain(f, chain);
    f.Bind(4, r.id);
    while (f.Step()) r.features.push_back(SplitLocalized(f.TextView(0)));
  }
  return r;
}

// The resource's own weekly hours as opening periods (for a location whose hours are unknown).
std::vector<directory::Period> OwnPeriods(const ResourceView& r) {
  std::vector<directory::Period> out;
  for (const auto& p : r.periods) {
    if (!p.quiet) out.push_back({p.weekday, p.opens_min, p.closes_min});
  }
  return out;
}

// The hours that decide the resource's days from `first` to `last`: the location's, or the
// resource's own where the location keeps none (with the location's holidays and exceptions).
std::optional<directory::WeeklyHours> HoursFor(Connection& c, const ResourceView& r,
                                               year_month_day first, year_month_day last) {
  if (auto hours = HoursOfLocationBetween(c, r.location_id, first, last)) return hours;
  const std::vector<directory::Period> own = OwnPeriods(r);
  if (own.empty()) return std::nullopt;
  return HoursOfLocationBetween(c, r.location_id, first, last, &own);
}

struct Taken {
  SysTime ends_at{};
  int taken = 0;
};

// Slot rows of the resource overlapping [from, to): start -> taken.
std::map<SysTime, Taken> TakenBetween(Connection& c, std::string_view resource_id, SysTime from,
                                      SysTime to) {
  std::map<SysTime, Taken> out;
  Statement& st = c.Cached(
      "SELECT starts_at, ends_at, taken FROM slot WHERE resource_id = ?1 AND starts_at < ?3 "
      "AND ends_at > ?2");
  st.Bind(1, resource_id).Bind(2, FormatRfc3339(from)).Bind(3, FormatRfc3339(to));
  while (st.Step()) out[Stored(st.TextView(0))] = {Stored(st.TextView(1)), static_cast<int>(st.Int(2))};
  st.Reset();
  return out;
}

std::vector<bookings::Busy> BlocksBetween(Connection& c, std::string_view resource_id, SysTime from,
                                          SysTime to) {
  std::vector<bookings::Busy> out;
  Statement& st = c.Cached(
      "SELECT starts_at, ends_at FROM resource_block WHERE resource_id = ?1 AND starts_at < ?3 "
      "AND ends_at > ?2");
  st.Bind(1, resource_id).Bind(2, FormatRfc3339(from)).Bind(3, FormatRfc3339(to));
  while (st.Step()) out.push_back({Stored(st.TextView(0)), Stored(st.TextView(1))});
  st.Reset();
  return out;
}

std::map<SysTime, int> HeldBetween(Connection& c, std::string_view resource_id, SysTime from,
                                   SysTime to, SysTime now, std::string_view except_hold) {
  std::map<SysTime, int> out;
  Statement& st = c.Cached(
      "SELECT starts_at, sum(party_size) FROM slot_hold WHERE resource_id = ?1 AND starts_at >= ?2 "
      "AND starts_at < ?3 AND expires_at > ?4 AND token_hash <> ?5 GROUP BY starts_at");
  st.Bind(1, resource_id).Bind(2, FormatRfc3339(from)).Bind(3, FormatRfc3339(to));
  st.Bind(4, FormatRfc3339(now)).Bind(5, except_hold);
  while (st.Step()) out[Stored(st.TextView(0))] = static_cast<int>(st.Int(1));
  st.Reset();
  return out;
}

// The day's laid slots (no window applied) with what decides them.
struct LaidDay {
  DayView view;
  std::vector<Slot> slots;
  TimeZone zone;
};

LaidDay LayDay(Connection& c, const ResourceView& r, year_month_day date) {
  LaidDay d;
  d.view.date = date;
  auto hours = HoursFor(c, r, date, date);
  if (!hours) return d;
  d.view.hours_known = true;
  d.zone = hours->time_zone();
  const directory::DayHours day = hours->Day(date);
  d.view.holiday_key = day.holiday_key;
  d.view.note = day.note;
  d.slots = bookings::LaySlots(date, bookings::BookableRanges(day, r.periods), r.rules, d.zone);
  return d;
}

DayView Availability(Connection& c, const ResourceView& r, LaidDay d, SysTime now,
                     std::string_view except_hold, bool window) {
  DayView view = std::move(d.view);
  if (d.slots.empty()) return view;
  const SysTime from = d.slots.front().starts_at, to = d.slots.back().ends_at;
  const auto taken = TakenBetween(c, r.id, from - days{1}, to + days{1});
  const auto blocks = BlocksBetween(c, r.id, from, to);
  const auto held = HeldBetween(c, r.id, from, to, now, except_hold);
  for (const Slot& s : d.slots) {
    if (window && !bookings::WithinBookingWindow(s, r.rules, d.zone, now)) continue;
    bool busy = std::any_of(blocks.begin(), blocks.end(),
                            [&](const bookings::Busy& b) { return bookings::Overlaps(s, b); });
    int used = 0;
    for (const auto& [start, t] : taken) {
      if (start == s.starts_at) {
        used += t.taken;
      } else if (t.taken > 0 && bookings::Overlaps(s, {start, t.ends_at})) {
        busy = true;  // booked under earlier hours: never two starts at once
      }
    }
    if (busy) continue;
    if (auto h = held.find(s.starts_at); h != held.end()) used += h->second;
    view.slots.push_back({s, std::max(0, r.capacity - used)});
  }
  view.closed = view.slots.empty();
  return view;
}

Error NoSuchSlot() {
  return Error{ErrorCode::kNotFound, "no such slot", {{"start", "bookings.error.no_such_slot"}}};
}
Error SlotTaken() {
  return Error{ErrorCode::kConflict, "slot taken", {{"start", "bookings.error.slot_taken"}}};
}

// The slot of a day starting at `start` and its free places, or nullopt.
std::optional<SlotView> FindSlot(Connection& c, const ResourceView& r, SysTime start, SysTime now,
                                 std::string_view except_hold, bool window) {
  const TimeZone zone;  // the day is looked up by the Riga date; any zone is within a day of it
  for (int offset : {0, -1, 1}) {
    const year_month_day date = AddDays(zone.LocalDate(start), offset);
    DayView day = Availability(c, r, LayDay(c, r, date), now, except_hold, window);
    for (const SlotView& s : day.slots) {
      if (s.slot.starts_at == start) return s;
    }
  }
  return std::nullopt;
}

void AddTaken(Connection& c, std::string_view resource_id, SysTime start, int delta) {
  // The CHECK (taken <= capacity) fails the whole transaction on an impossible count.
  Statement& st = c.Cached("UPDATE slot SET taken = taken + ?3 WHERE resource_id = ?1 AND starts_at = ?2");
  st.Bind(1, resource_id).Bind(2, FormatRfc3339(start)).Bind(3, delta).Run();
}

const char* kBookingColumns =
    "b.id, b.resource_id, b.starts_at, s.ends_at, b.party_size, b.name, coalesce(b.contact, ''), "
    "b.language, b.needs, b.target_group, b.status, coalesce(b.reason, ''), b.came, "
    "b.booked_by IS NOT NULL, b.created FROM booking b JOIN slot s ON s.resource_id = b.resource_id "
    "AND s.starts_at = b.starts_at ";

BookingView ReadBooking(const Statement& st) {
  BookingView b;
  b.id = st.Text(0);
  b.resource_id = st.Text(1);
  b.starts_at = Stored(st.TextView(2));
  b.ends_at = Stored(st.TextView(3));
  b.party_size = static_cast<int>(st.Int(4));
  b.name = st.Text(5);
  b.contact = st.Text(6);
  b.language = st.Text(7);
  events::DecodeNeeds(st.TextView(8), &b.needs, &b.note);
  b.target_group = st.Text(9);
  b.status = st.Text(10);
  b.reason = st.Text(11);
  if (!st.IsNull(12)) b.came = st.Int(12) != 0;
  b.at_desk = st.Int(13) != 0;
  b.created = st.Text(14);
  return b;
}

std::optional<BookingView> BookingWhere(Connection& c, std::string_view where, std::string_view arg) {
  Statement st = c.Prepare(std::string("SELECT ") + kBookingColumns + "WHERE " + std::string(where));
  st.Bind(1, arg);
  if (!st.Step()) return std::nullopt;
  return ReadBooking(st);
}

std::optional<std::string> OneText(Connection& c, std::string_view sql, std::string_view arg) {
  Statement st = c.Prepare(sql);
  st.Bind(1, arg);
  if (!st.Step()) return std::nullopt;
  return st.Text(0);
}

}  // namespace

std::optional<ResourceView> LoadResource(Connection& c, std::string_view id, const LocaleChain& chain) {
  Statement st = c.Prepare(ResourceSql() + "WHERE r.id = ?4");
  BindChain(st, chain);
  st.Bind(4, id);
  if (!st.Step()) return std::nullopt;
  return ReadResource(c, st, chain);
}

std::optional<bookings::ResourceDraft> LoadResourceDraft(Connection& c, std::string_view id) {
  Statement st = c.Prepare(
      "SELECT kind, name, description, what_to_expect, capacity, slot_minutes, buffer_minutes, "
      "book_ahead_days, min_notice_minutes, approval FROM resource WHERE id = ?1");
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  bookings::ResourceDraft d;
  d.kind = bookings::ParseResourceKind(st.TextView(0)).value_or(bookings::ResourceKind::kRoom);
  d.name = st.Text(1);
  d.description = st.Text(2);
  d.what_to_expect = st.Text(3);
  d.capacity = static_cast<int>(st.Int(4));
  d.rules = {static_cast<int>(st.Int(5)), static_cast<int>(st.Int(6)), static_cast<int>(st.Int(7)),
             static_cast<int>(st.Int(8))};
  d.approval = st.Int(9) != 0;
  Statement h = c.Prepare(
      "SELECT weekday, opens_min, closes_min, quiet FROM resource_hours WHERE resource_id = ?1 "
      "ORDER BY quiet, weekday, opens_min");
  h.Bind(1, id);
  while (h.Step()) {
    d.periods.push_back({static_cast<int>(h.Int(0)), static_cast<int>(h.Int(1)),
                         static_cast<int>(h.Int(2)), h.Int(3) != 0});
  }
  Statement l = c.Prepare("SELECT language_code FROM resource_language WHERE resource_id = ?1 ORDER BY 1");
  l.Bind(1, id);
  while (l.Step()) d.languages.push_back(l.Text(0));
  Statement f = c.Prepare("SELECT taxonomy_term_id FROM resource_feature WHERE resource_id = ?1 ORDER BY 1");
  f.Bind(1, id);
  while (f.Step()) d.feature_ids.push_back(f.Text(0));
  return d;
}

std::string SaveResource(Connection& c, std::string_view id_in, std::string_view organization_id,
                         std::string_view location_id, const bookings::ResourceDraft& d,
                         std::string_view source_locale, SysTime now) {
  const std::string id = id_in.empty() ? RandomUuid() : std::string(id_in);
  const std::string at = FormatRfc3339(now);
  Statement st = c.Prepare(
      "INSERT INTO resource (id, organization_id, location_id, kind, name, description, "
      "what_to_expect, source_locale, capacity, slot_minutes, buffer_minutes, book_ahead_days, "
      "min_notice_minutes, approval, position, last_modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
      "?8, ?9, ?10, ?11, ?12, ?13, ?14, (SELECT coalesce(max(position), -1) + 1 FROM resource "
      "WHERE organization_id = ?2), ?15) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, "
      "name = excluded.name, description = excluded.description, what_to_expect = "
      "excluded.what_to_expect, capacity = excluded.capacity, slot_minutes = "
      "excluded.slot_minutes, buffer_minutes = excluded.buffer_minutes, book_ahead_days = "
      "excluded.book_ahead_days, min_notice_minutes = excluded.min_notice_minutes, approval = "
      "excluded.approval, last_modified = excluded.last_modified");
  st.Bind(1, id).Bind(2, organization_id).Bind(3, location_id).Bind(4, bookings::ResourceKindName(d.kind));
  st.Bind(5, d.name).Bind(6, d.description).Bind(7, d.what_to_expect).Bind(8, source_locale);
  st.Bind(9, d.capacity).Bind(10, d.rules.slot_minutes).Bind(11, d.rules.buffer_minutes);
  st.Bind(12, d.rules.book_ahead_days).Bind(13, d.rules.min_notice_minutes).Bind(14, d.approval ? 1 : 0);
  st.Bind(15, at).Run();
  // The source texts are the originals; translations made from them become outdated when they
  // change (the translation table's trigger).
  Statement tr = c.Prepare(
      "INSERT INTO translation (entity, entity_id, field, locale, value, source, outdated, updated_at) "
      "VALUES ('resource', ?1, ?2, ?3, ?4, 'original', 0, ?5) ON CONFLICT (entity, entity_id, field, "
      "locale) DO UPDATE SET value = excluded.value, source = 'original', updated_at = "
      "excluded.updated_at WHERE translation.value IS DISTINCT FROM excluded.value");
  for (const auto& [field, value] : {std::pair{"name", &d.name}, std::pair{"description", &d.description},
                                     std::pair{"what_to_expect", &d.what_to_expect}}) {
    tr.Reset();
    tr.Bind(1, id).Bind(2, field).Bind(3, source_locale).Bind(4, *value).Bind(5, at).Run();
  }
  for (const char* table : {"resource_hours", "resource_language", "resource_feature"}) {
    Statement del = c.Prepare(std::string("DELETE FROM ") + table + " WHERE resource_id = ?1");
    del.Bind(1, id).Run();
  }
  Statement hours = c.Prepare(
      "INSERT INTO resource_hours (resource_id, weekday, opens_min, closes_min, quiet) VALUES (?1, ?2, ?3, ?4, ?5)");
  for (const auto& p : d.periods) {
    hours.Reset();
    hours.Bind(1, id).Bind(2, p.weekday).Bind(3, p.opens_min).Bind(4, p.closes_min).Bind(5, p.quiet ? 1 : 0).Run();
  }
  Statement lang = c.Prepare("INSERT INTO resource_language (resource_id, language_code) VALUES (?1, ?2)");
  for (const auto& code : d.languages) {
    lang.Reset();
    lang.Bind(1, id).Bind(2, code).Run();
  }
  Statement feat = c.Prepare("INSERT INTO resource_feature (resource_id, taxonomy_term_id) VALUES (?1, ?2)");
  for (const auto& term : d.feature_ids) {
    feat.Reset();
    feat.Bind(1, id).Bind(2, term).Run();
  }
  return id;
}

std::string SourceLocaleOfResource(Connection& c, std::string_view id) {
  return OneText(c, "SELECT source_locale FROM resource WHERE id = ?1", id).value_or("lv");
}

std::vector<ResourceView> AllResources(Connection& c, const LocaleChain& chain) {
  Statement st = c.Prepare(ResourceSql() + "ORDER BY org.slug NULLS FIRST, r.position, r.id");
  BindChain(st, chain);
  std::vector<ResourceView> out;
  while (st.Step()) out.push_back(ReadResource(c, st, chain));
  return out;
}

std::vector<ResourceView> ResourcesOfLibrary(Connection& c, std::string_view slug,
                                             const LocaleChain& chain) {
  Statement st = c.Prepare(ResourceSql() + "WHERE org.slug = ?4 ORDER BY r.position, r.id");
  BindChain(st, chain);
  st.Bind(4, slug);
  std::vector<ResourceView> out;
  while (st.Step()) out.push_back(ReadResource(c, st, chain));
  return out;
}

DayView SlotsOfDay(Connection& c, const ResourceView& r, year_month_day date, SysTime now,
                   std::string_view except_hold) {
  return Availability(c, r, LayDay(c, r, date), now, except_hold, true);
}

std::vector<DateFree> FreeDates(Connection& c, const ResourceView& r, SysTime now) {
  std::vector<DateFree> out;
  const TimeZone riga;
  const auto dates = bookings::BookableDates(r.rules, riga, now);
  if (dates.empty()) return out;
  // One read of the hours for the whole window.
  auto hours = HoursFor(c, r, dates.front(), dates.back());
  for (const year_month_day& date : dates) {
    LaidDay d;
    d.view.date = date;
    if (hours) {
      d.view.hours_known = true;
      d.zone = hours->time_zone();
      const directory::DayHours day = hours->Day(date);
      d.slots = bookings::LaySlots(date, bookings::BookableRanges(day, r.periods), r.rules, d.zone);
    }
    const DayView v = Availability(c, r, std::move(d), now, "", true);
    DateFree f{date, 0, v.slots.empty()};
    for (const SlotView& s : v.slots) f.slots_free += s.free > 0 ? 1 : 0;
    out.push_back(f);
  }
  return out;
}

Result<SysTime> HoldSlot(Connection& c, const ResourceView& r, const HoldRequest& h, SysTime now) {
  {
    Statement& st = c.Cached("DELETE FROM slot_hold WHERE resource_id = ?1 AND expires_at <= ?2");
    st.Bind(1, r.id).Bind(2, FormatRfc3339(now)).Run();
  }
  auto slot = FindSlot(c, r, h.starts_at, now, "", true);
  if (!slot) return NoSuchSlot();
  if (slot->free < h.party_size) return SlotTaken();
  {
    Statement& st = c.Cached(
        "INSERT INTO slot (resource_id, starts_at, ends_at, local_date, capacity) "
        "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (resource_id, starts_at) DO UPDATE SET "
        "capacity = greatest(excluded.capacity, slot.taken), ends_at = excluded.ends_at");
    st.Bind(1, r.id).Bind(2, FormatRfc3339(slot->slot.starts_at));
    st.Bind(3, FormatRfc3339(slot->slot.ends_at)).Bind(4, events::FormatDate(slot->slot.date));
    st.Bind(5, r.capacity).Run();
  }
  const SysTime expires = now + kHoldFor;
  Statement& st = c.Cached(
      "INSERT INTO slot_hold (token_hash, resource_id, starts_at, party_size, expires_at, "
      "move_booking) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  st.Bind(1, h.token_hash).Bind(2, r.id).Bind(3, FormatRfc3339(h.starts_at));
  st.Bind(4, h.party_size).Bind(5, FormatRfc3339(expires)).Bind(6, h.move_booking).Run();
  return expires;
}

std::optional<HoldView> HoldByTokenHash(Connection& c, std::string_view hash) {
  Statement& st = c.Cached(
      "SELECT h.resource_id, h.starts_at, s.ends_at, h.expires_at, h.party_size, "
      "coalesce(h.answers, ''), h.move_booking FROM slot_hold h JOIN slot s ON "
      "s.resource_id = h.resource_id AND s.starts_at = h.starts_at WHERE h.token_hash = ?1");
  st.Bind(1, hash);
  std::optional<HoldView> out;
  if (st.Step()) {
    out = HoldView{st.Text(0), Stored(st.TextView(1)), Stored(st.TextView(2)),
                   Stored(st.TextView(3)), static_cast<int>(st.Int(4)), st.Text(5), st.OptText(6)};
  }
  st.Reset();
  return out;
}

void SaveHoldAnswers(Connection& c, std::string_view hash, int party_size, std::string_view answers_json) {
  Statement& st = c.Cached("UPDATE slot_hold SET answers = ?2, party_size = ?3 WHERE token_hash = ?1");
  st.Bind(1, hash).Bind(2, answers_json).Bind(3, party_size).Run();
}

Result<std::string> ConfirmHold(Connection& c, const ResourceView& r, std::string_view hold_hash,
                                const BookingRequest& b, SysTime now) {
  auto hold = HoldByTokenHash(c, hold_hash);
  if (!hold || hold->resource_id != r.id) {
    return Error{ErrorCode::kNotFound, "no such hold", {{"start", "bookings.error.hold_gone"}}};
  }
  // The visitor may have taken longer than the minimum notice to fill in the form: the slot
  // only has to lie ahead now.
  if (hold->starts_at <= now) return NoSuchSlot();
  auto slot = FindSlot(c, r, hold->starts_at, now, hold_hash, false);
  if (!slot) return NoSuchSlot();
  const int party = b.person.party_size;
  if (slot->free < party) return SlotTaken();
  if (hold->move_booking) {
    auto old = BookingWhere(c, "b.id = ?1", *hold->move_booking);
    if (old && (old->status == "confirmed" || old->status == "pending")) {
      (void)CancelBooking(c, old->id, "", now);
    }
  }
  AddTaken(c, r.id, hold->starts_at, party);
  const std::string id = RandomUuid();
  const std::string at = FormatRfc3339(now);
  Statement& st = c.Cached(
      "INSERT INTO booking (id, token_hash, resource_id, starts_at, party_size, name, contact, "
      "language, needs, target_group, status, booked_by, created, last_modified) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)");
  std::optional<std::string> contact;
  if (!b.person.contact.empty()) contact = b.person.contact;
  st.Bind(1, id).Bind(2, b.token_hash).Bind(3, r.id).Bind(4, FormatRfc3339(hold->starts_at));
  st.Bind(5, party).Bind(6, b.person.name).Bind(7, contact).Bind(8, b.person.language);
  st.Bind(9, events::EncodeNeeds(b.person.needs, b.person.note)).Bind(10, b.target_group);
  st.Bind(11, r.approval && !b.booked_by ? "pending" : "confirmed").Bind(12, b.booked_by);
  st.Bind(13, at).Run();
  Statement& del = c.Cached("DELETE FROM slot_hold WHERE token_hash = ?1");
  del.Bind(1, hold_hash).Run();
  return id;
}

std::optional<BookingView> BookingByTokenHash(Connection& c, std::string_view hash) {
  return BookingWhere(c, "b.token_hash = ?1", hash);
}

Status CancelBooking(Connection& c, std::string_view booking_id, std::string_view reason, SysTime now) {
  auto b = BookingWhere(c, "b.id = ?1", booking_id);
  if (!b || (b->status != "confirmed" && b->status != "pending")) {
    return Error{ErrorCode::kNotFound, "no live booking"};
  }
  AddTaken(c, b->resource_id, b->starts_at, -b->party_size);
  Statement& st = c.Cached(
      "UPDATE booking SET status = 'cancelled', reason = nullif(?2, ''), last_modified = ?3 WHERE id = ?1");
  st.Bind(1, booking_id).Bind(2, reason).Bind(3, FormatRfc3339(now)).Run();
  return Ok();
}

Status ChangeBooking(Connection& c, std::string_view booking_id, const events::RegistrationForm& form,
                     std::string_view target_group, SysTime now) {
  auto b = BookingWhere(c, "b.id = ?1", booking_id);
  if (!b || (b->status != "confirmed" && b->status != "pending") || b->starts_at <= now) {
    return Error{ErrorCode::kNotFound, "no live booking"};
  }
  const int delta = form.party_size - b->party_size;
  if (delta > 0) {
    Statement& st = c.Cached("SELECT capacity - taken FROM slot WHERE resource_id = ?1 AND starts_at = ?2");
    st.Bind(1, b->resource_id).Bind(2, FormatRfc3339(b->starts_at));
    const int free = st.Step() ? static_cast<int>(st.Int(0)) : 0;
    st.Reset();
    if (free < delta) {
      return Error{ErrorCode::kConflict, "party", {{"party_size", "bookings.error.no_room_for_party"}}};
    }
  }
  if (delta != 0) AddTaken(c, b->resource_id, b->starts_at, delta);
  std::optional<std::string> contact;
  if (!form.contact.empty()) contact = form.contact;
  Statement& st = c.Cached(
      "UPDATE booking SET name = ?2, contact = ?3, language = ?4, needs = ?5, party_size = ?6, "
      "target_group = ?7, last_modified = ?8 WHERE id = ?1");
  st.Bind(1, booking_id).Bind(2, form.name).Bind(3, contact).Bind(4, form.language);
  st.Bind(5, events::EncodeNeeds(form.needs, form.note)).Bind(6, form.party_size);
  st.Bind(7, target_group).Bind(8, FormatRfc3339(now)).Run();
  return Ok();
}

std::vector<BookingView> BookingsOfLibrary(Connection& c, std::string_view organization_id,
                                           SysTime from, SysTime to) {
  Statement st = c.Prepare(std::string("SELECT ") + kBookingColumns +
                           "JOIN resource r ON r.id = b.resource_id WHERE r.organization_id = ?1 "
                           "AND b.starts_at >= ?2 AND b.starts_at < ?3 ORDER BY b.starts_at, r.position, b.created");
  st.Bind(1, organization_id).Bind(2, FormatRfc3339(from)).Bind(3, FormatRfc3339(to));
  std::vector<BookingView> out;
  while (st.Step()) out.push_back(ReadBooking(st));
  return out;
}

std::optional<std::string> OrganizationOfBooking(Connection& c, std::string_view booking_id) {
  return OneText(c, "SELECT r.organization_id FROM booking b JOIN resource r ON r.id = b.resource_id WHERE b.id = ?1",
                 booking_id);
}

std::optional<std::string> OrganizationOfResource(Connection& c, std::string_view resource_id) {
  return OneText(c, "SELECT organization_id FROM resource WHERE id = ?1", resource_id);
}

Status DecideBooking(Connection& c, std::string_view booking_id, bool approve,
                     std::string_view reason, SysTime now) {
  auto b = BookingWhere(c, "b.id = ?1", booking_id);
  if (!b || b->status != "pending") return Error{ErrorCode::kNotFound, "not pending"};
  if (!approve) AddTaken(c, b->resource_id, b->starts_at, -b->party_size);
  Statement& st = c.Cached(
      "UPDATE booking SET status = ?2, reason = nullif(?3, ''), last_modified = ?4 WHERE id = ?1");
  st.Bind(1, booking_id).Bind(2, approve ? "confirmed" : "declined").Bind(3, reason);
  st.Bind(4, FormatRfc3339(now)).Run();
  return Ok();
}

Status MarkCame(Connection& c, std::string_view booking_id, std::optional<bool> came, SysTime now) {
  Statement& st = c.Cached(
      "UPDATE booking SET came = ?2, last_modified = ?3 WHERE id = ?1 AND status = 'confirmed'");
  std::optional<int64_t> v;
  if (came) v = *came ? 1 : 0;
  st.Bind(1, booking_id).Bind(2, v).Bind(3, FormatRfc3339(now)).Run();
  if (c.Changes() == 0) return Error{ErrorCode::kNotFound, "not confirmed"};
  return Ok();
}

std::string AddBlock(Connection& c, const Block& b, std::string_view by, SysTime now) {
  const std::string id = RandomUuid();
  Statement& st = c.Cached(
      "INSERT INTO resource_block (id, resource_id, starts_at, ends_at, reason, created_by, created) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  st.Bind(1, id).Bind(2, b.resource_id).Bind(3, FormatRfc3339(b.starts_at));
  st.Bind(4, FormatRfc3339(b.ends_at)).Bind(5, b.reason).Bind(6, by).Bind(7, FormatRfc3339(now)).Run();
  return id;
}

Status RemoveBlock(Connection& c, std::string_view resource_id, std::string_view block_id) {
  Statement& st = c.Cached("DELETE FROM resource_block WHERE id = ?1 AND resource_id = ?2");
  st.Bind(1, block_id).Bind(2, resource_id).Run();
  if (c.Changes() == 0) return Error{ErrorCode::kNotFound, "no such block"};
  return Ok();
}

std::vector<Block> BlocksOfLibrary(Connection& c, std::string_view organization_id, SysTime from,
                                   SysTime to) {
  Statement st = c.Prepare(
      "SELECT k.id, k.resource_id, k.starts_at, k.ends_at, k.reason FROM resource_block k "
      "JOIN resource r ON r.id = k.resource_id WHERE r.organization_id = ?1 AND k.starts_at < ?3 "
      "AND k.ends_at > ?2 ORDER BY k.starts_at");
  st.Bind(1, organization_id).Bind(2, FormatRfc3339(from)).Bind(3, FormatRfc3339(to));
  std::vector<Block> out;
  while (st.Step()) {
    out.push_back({st.Text(0), st.Text(1), Stored(st.TextView(2)), Stored(st.TextView(3)), st.Text(4)});
  }
  return out;
}

std::vector<AffectedBooking> AffectedBookings(Connection& c, std::string_view organization_id,
                                              SysTime now) {
  std::vector<AffectedBooking> out;
  std::vector<BookingView> ahead = BookingsOfLibrary(c, organization_id, now, now + days{400});
  std::map<std::string, std::optional<ResourceView>> resources;
  for (BookingView& b : ahead) {
    if (b.status != "confirmed" && b.status != "pending") continue;
    auto& r = resources[b.resource_id];
    if (!r) r = LoadResource(c, b.resource_id, {"lv"});
    if (!r) continue;
    const TimeZone riga;
    LaidDay d = LayDay(c, *r, riga.LocalDate(b.starts_at));
    const bool laid = std::any_of(d.slots.begin(), d.slots.end(), [&](const Slot& s) {
      return s.starts_at == b.starts_at && s.ends_at == b.ends_at;
    });
    std::string why;
    if (d.slots.empty()) {
      why = "bookings.affected.closed";
    } else if (!laid) {
      why = "bookings.affected.hours";
    } else {
      const auto blocks = BlocksBetween(c, b.resource_id, b.starts_at, b.ends_at);
      if (!blocks.empty()) why = "bookings.affected.blocked";
    }
    if (!why.empty()) out.push_back({std::move(b), why});
  }
  return out;
}

int EraseOldBookings(Connection& c, SysTime cutoff, SysTime now) {
  {
    Statement& st = c.Cached("DELETE FROM slot_hold WHERE expires_at <= ?1");
    st.Bind(1, FormatRfc3339(now)).Run();
  }
  const std::string before = FormatRfc3339(cutoff);
  {
    Statement& st = c.Cached(
        "INSERT INTO booking_tally (resource_id, month, target_group, bookings, people, no_shows) "
        "SELECT b.resource_id, substr(s.local_date, 1, 7), b.target_group, count(*), "
        "sum(b.party_size), sum(CASE WHEN b.came = 0 THEN 1 ELSE 0 END) FROM booking b "
        "JOIN slot s ON s.resource_id = b.resource_id AND s.starts_at = b.starts_at "
        "WHERE s.ends_at < ?1 AND b.status = "
        "'confirmed' GROUP BY 1, 2, 3 ON CONFLICT (resource_id, month, target_group) DO UPDATE "
        "SET bookings = booking_tally.bookings + excluded.bookings, "
        "people = booking_tally.people + excluded.people, "
        "no_shows = booking_tally.no_shows + excluded.no_shows");
    st.Bind(1, before).Run();
  }
  Statement& st = c.Cached(
      "DELETE FROM booking WHERE rowid IN (SELECT b.rowid FROM booking b JOIN slot s ON "
      "s.resource_id = b.resource_id AND s.starts_at = b.starts_at WHERE s.ends_at < ?1)");
  st.Bind(1, before).Run();
  return static_cast<int>(c.Changes());
}

std::vector<UsageRow> BookingUsage(Connection& c, std::string_view from_month,
                                   std::string_view to_month, const OrganizationScope& scope,
                                   const LocaleChain& chain) {
  static const std::string sql =
      "WITH counts (resource_id, month, target_group, bookings, people, no_shows) AS ("
      " SELECT b.resource_id, substr(s.local_date, 1, 7), b.target_group, 1, b.party_size, "
      " CASE WHEN b.came = 0 THEN 1 ELSE 0 END FROM booking b JOIN slot s"
      " ON s.resource_id = b.resource_id AND s.starts_at = b.starts_at WHERE b.status = 'confirmed' "
      " UNION ALL SELECT resource_id, month, target_group, bookings, people, no_shows FROM booking_tally) "
      "SELECT org.slug, " +
      BestText("organization", "org.id", "name", "org.name", "org.source_locale") + ", " +
      BestText("resource", "r.id", "name", "r.name", "r.source_locale") +
      ", r.id, k.month, k.target_group, sum(k.bookings), sum(k.people), sum(k.no_shows), org.id "
      "FROM counts k JOIN resource r ON r.id = k.resource_id JOIN organization org ON "
      "org.id = r.organization_id WHERE k.month >= ?4 AND k.month <= ?5 "
      "GROUP BY org.id, r.id, k.month, k.target_group "
      "ORDER BY org.slug NULLS FIRST, r.position, r.id, k.month, k.target_group";
  Statement st = c.Prepare(sql);
  BindChain(st, chain);
  st.Bind(4, from_month).Bind(5, to_month);
  std::vector<UsageRow> out;
  while (st.Step()) {
    const std::string org = st.Text(9);
    if (!scope.all && std::find(scope.ids.begin(), scope.ids.end(), org) == scope.ids.end()) {
      continue;
    }
    out.push_back({st.Text(0), SplitLocalized(st.TextView(1)), SplitLocalized(st.TextView(2)),
                   st.Text(3), st.Text(4), st.Text(5), st.Int(6), st.Int(7), st.Int(8)});
  }
  return out;
}

}  // namespace tilti::store
