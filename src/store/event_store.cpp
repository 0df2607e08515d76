#include "store/event_store.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "core/ids.h"
#include "core/time_zone.h"
#include "events/recurrence.h"
#include "store/registration_store.h"
#include "store/translation_store.h"

namespace tilti::store {
namespace {

using std::chrono::year_month_day;
using namespace events;

constexpr const char* kTextFields[] = {"title", "description", "accessibility_note"};

std::string Join(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

std::string OptInt(const std::optional<int>& v) { return v ? std::to_string(*v) : ""; }

std::string_view ExceptionKindName(ExceptionKind k) {
  switch (k) {
    case ExceptionKind::kCancelled: return "cancelled";
    case ExceptionKind::kRemoved: return "removed";
    case ExceptionKind::kChanged: return "changed";
  }
  return "cancelled";
}

std::optional<ExceptionKind> ParseExceptionKind(std::string_view s) {
  if (s == "cancelled") return ExceptionKind::kCancelled;
  if (s == "removed") return ExceptionKind::kRemoved;
  if (s == "changed") return ExceptionKind::kChanged;
  return std::nullopt;
}

TimeZone ZoneOf(const Series& series) {
  std::optional<TimeZone> z = TimeZone::Named(series.time_zone);
  return z ? *z : TimeZone();
}

// The fields the audit trail compares, as text.
std::vector<std::pair<std::string, std::string>> AuditFields(const EventRecord& e) {
  return {{"title", e.title},
          {"description", e.description},
          {"accessibility_note", e.accessibility_note},
          {"location", e.location_id.value_or("")},
          {"online_url", e.online_url.value_or("")},
          {"category", e.category_id},
          {"audiences", Join(e.audience_ids)},
          {"languages", Join(e.spoken_languages)},
          {"interpreted_languages", Join(e.interpreted_languages)},
          {"age_min", OptInt(e.age_min)},
          {"age_max", OptInt(e.age_max)},
          {"capacity", OptInt(e.capacity)},
          {"registration", std::string(RegistrationModeName(e.registration))},
          {"first_start", FormatLocalStart(e.series.first)},
          {"duration_minutes", std::to_string(e.series.duration_minutes)},
          {"rrule", e.series.rrule},
          {"status", e.status == EventStatus::kCancelled ? "cancelled" : "scheduled"},
          {"cancel_reason", e.cancel_reason}};
}

std::vector<FieldChange> Diff(const EventRecord* before, const EventRecord& after) {
  std::vector<FieldChange> changes;
  const auto a = AuditFields(after);
  if (before == nullptr) {
    for (const auto& [field, value] : a) changes.push_back({field, "", value});
    return changes;
  }
  const auto b = AuditFields(*before);
  for (size_t i = 0; i < a.size(); ++i) changes.push_back({a[i].first, b[i].second, a[i].second});
  return changes;
}

void WriteLists(Connection& c, const EventRecord& e) {
  c.Cached("DELETE FROM event_language WHERE event_id = ?1").Bind(1, e.id).Run();
  c.Cached("DELETE FROM event_audience WHERE event_id = ?1").Bind(1, e.id).Run();
  Statement& lang = c.Cached(
      "INSERT INTO event_language (event_id, language_code, kind) VALUES (?1, ?2, ?3) "
      "ON CONFLICT DO NOTHING");
  for (const auto& code : e.spoken_languages) {
    lang.Reset();
    lang.Bind(1, e.id).Bind(2, code).Bind(3, "spoken").Run();
  }
  for (const auto& code : e.interpreted_languages) {
    lang.Reset();
    lang.Bind(1, e.id).Bind(2, code).Bind(3, "interpreted").Run();
  }
  Statement& aud = c.Cached(
      "INSERT INTO event_audience (event_id, taxonomy_term_id) VALUES (?1, ?2) "
      "ON CONFLICT DO NOTHING");
  for (const auto& term : e.audience_ids) {
    aud.Reset();
    aud.Bind(1, e.id).Bind(2, term).Run();
  }
}

void WriteRow(Connection& c, const EventRecord& e, bool insert, std::string_view now) {
  Statement st = c.Prepare(
      insert ? "INSERT INTO event (organization_id, location_id, online_url, title, description, "
               "accessibility_note, category_id, age_min, age_max, capacity, registration, "
               "starts_on, start_time, duration_minutes, time_zone, rrule, status, "
               "cancel_reason, sequence, is_sample, source_locale, created, last_modified, id) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
               "nullif(?16, ''), ?17, nullif(?18, ''), ?19, ?20, ?21, ?22, ?22, ?23)"
             : "UPDATE event SET organization_id = ?1, location_id = ?2, online_url = ?3, "
               "title = ?4, description = ?5, accessibility_note = ?6, category_id = ?7, "
               "age_min = ?8, age_max = ?9, capacity = ?10, registration = ?11, starts_on = ?12, "
               "start_time = ?13, duration_minutes = ?14, time_zone = ?15, "
               "rrule = nullif(?16, ''), status = ?17, cancel_reason = nullif(?18, ''), "
               "sequence = ?19, is_sample = ?20, source_locale = ?21, last_modified = ?22 "
               "WHERE id = ?23");
  st.Bind(1, e.organization_id).Bind(2, e.location_id).Bind(3, e.online_url).Bind(4, e.title)
      .Bind(5, e.description).Bind(6, e.accessibility_note).Bind(7, e.category_id)
      .Bind(8, e.age_min).Bind(9, e.age_max).Bind(10, e.capacity)
      .Bind(11, RegistrationModeName(e.registration)).Bind(12, FormatDate(e.series.first.date))
      .Bind(13, FormatTimeOfDay(e.series.first.time)).Bind(14, e.series.duration_minutes)
      .Bind(15, e.series.time_zone).Bind(16, e.series.rrule)
      .Bind(17, e.status == EventStatus::kCancelled ? "cancelled" : "scheduled")
      .Bind(18, e.cancel_reason).Bind(19, e.sequence).Bind(20, e.is_sample ? 1 : 0)
      .Bind(21, e.source_locale).Bind(22, now).Bind(23, e.id);
  st.Run();
}

void BumpSequence(Connection& c, std::string_view event_id, std::string_view now) {
  c.Cached("UPDATE event SET sequence = sequence + 1, last_modified = ?2 WHERE id = ?1")
      .Bind(1, event_id).Bind(2, now).Run();
}

// Recounts the confirmed places of the event's occurrences from their registrations.
void RecountConfirmed(Connection& c, std::string_view event_id) {
  c.Cached(
       "UPDATE occurrence SET capacity = CASE WHEN capacity IS NULL THEN NULL ELSE greatest(capacity, "
       "(SELECT coalesce(sum(r.party_size), 0) FROM registration_place p JOIN registration r ON "
       "r.id = p.registration_id WHERE p.occurrence_id = occurrence.id AND p.status = "
       "'confirmed')) END, confirmed = (SELECT coalesce(sum(r.party_size), 0) FROM "
       "registration_place p JOIN registration r ON r.id = p.registration_id WHERE "
       "p.occurrence_id = occurrence.id AND p.status = 'confirmed') WHERE event_id = ?1")
      .Bind(1, event_id).Run();
}

year_month_day Today(const TimeZone& zone, SysTime now) { return zone.LocalDate(now); }

year_month_day Horizon(year_month_day today) {
  year_month_day h = today + std::chrono::months{kMaterialiseMonths};
  if (!h.ok()) h = year_month_day{h.year() / h.month() / std::chrono::last};
  return h;
}

// Brings the event's occurrences from today on in step with its series and exceptions.
void MaterialiseEvent(Connection& c, std::string_view event_id, SysTime now) {
  std::optional<EventRecord> e = LoadEvent(c, event_id);
  if (!e) return;
  const TimeZone zone = ZoneOf(e->series);
  const year_month_day today = Today(zone, now);
  const year_month_day horizon = Horizon(today);
  const std::vector<Occurrence> computed =
      Materialise(e->series, LoadExceptions(c, event_id), today, horizon, zone);
  const bool event_cancelled = e->status == EventStatus::kCancelled;

  std::set<std::string> keep;
  Statement& up = c.Cached(
      "INSERT INTO occurrence (id, event_id, organization_id, original_start, starts_at, ends_at, "
      "local_date, status, cancel_reason, capacity, confirmed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
      "?7, ?8, nullif(?9, ''), ?10, 0) ON CONFLICT (event_id, original_start) DO UPDATE SET "
      "organization_id = excluded.organization_id, starts_at = excluded.starts_at, ends_at = "
      "excluded.ends_at, local_date = excluded.local_date, status = excluded.status, "
      "cancel_reason = excluded.cancel_reason, capacity = CASE WHEN excluded.capacity IS NULL "
      "THEN NULL ELSE greatest(excluded.capacity, occurrence.confirmed) END");
  for (const Occurrence& o : computed) {
    const std::string original = FormatLocalStart(o.original);
    keep.insert(original);
    const bool cancelled = event_cancelled || o.cancelled;
    up.Reset();
    up.Bind(1, OccurrenceId(event_id, o.original)).Bind(2, event_id).Bind(3, e->organization_id)
        .Bind(4, original).Bind(5, FormatRfc3339(o.starts_at)).Bind(6, FormatRfc3339(o.ends_at))
        .Bind(7, FormatDate(o.local.date)).Bind(8, cancelled ? "cancelled" : "scheduled")
        .Bind(9, event_cancelled ? e->cancel_reason : o.cancel_reason).Bind(10, e->capacity)
        .Run();
  }
  // Future occurrences the series no longer has: gone, unless someone registered for them.
  Statement gone = c.Prepare(
      "SELECT o.id, o.original_start, EXISTS (SELECT 1 FROM registration_place p WHERE "
      "p.occurrence_id = o.id AND p.status IN ('confirmed', 'waitlisted', 'pending')) "
      "FROM occurrence o WHERE o.event_id = ?1 AND o.local_date >= ?2");
  gone.Bind(1, event_id).Bind(2, FormatDate(today));
  std::vector<std::pair<std::string, bool>> stale;
  while (gone.Step()) {
    if (keep.count(gone.Text(1)) == 0) stale.emplace_back(gone.Text(0), gone.Int(2) != 0);
  }
  for (const auto& [id, registered] : stale) {
    if (registered) {
      c.Cached("UPDATE occurrence SET status = 'cancelled' WHERE id = ?1").Bind(1, id).Run();
    } else {
      c.Cached("DELETE FROM occurrence WHERE id = ?1").Bind(1, id).Run();
    }
  }
  FillSeriesPlaces(c, event_id, now);
  c.Cached("UPDATE event SET materialised_until = ?2 WHERE id = ?1")
      .Bind(1, event_id).Bind(2, FormatDate(horizon)).Run();
  c.Cached("UPDATE event_version SET version = version + 1 WHERE id = 1").Run();
}

// A rule with its UNTIL and COUNT removed.
std::string WithoutEnd(std::string_view rrule) {
  std::string out;
  size_t pos = 0;
  while (pos <= rrule.size()) {
    size_t semi = rrule.find(';', pos);
    if (semi == std::string_view::npos) semi = rrule.size();
    std::string_view part = rrule.substr(pos, semi - pos);
    if (!part.empty() && !part.starts_with("UNTIL=") && !part.starts_with("COUNT=")) {
      out += (out.empty() ? "" : ";") + std::string(part);
    }
    pos = semi + 1;
  }
  return out;
}


}  // namespace

std::string OccurrenceId(std::string_view event_id, const LocalStart& original) {
  return DeterministicUuid("occurrence:" + std::string(event_id) + "/" +
                           FormatLocalStart(original));
}

std::optional<EventRecord> LoadEvent(Connection& c, std::string_view event_id) {
  Statement& st = c.Cached(
      "SELECT id, organization_id, location_id, online_url, title, description, "
      "accessibility_note, source_locale, category_id, age_min, age_max, capacity, registration, "
      "starts_on, start_time, duration_minutes, time_zone, coalesce(rrule, ''), status, "
      "coalesce(cancel_reason, ''), is_sample, sequence, created, last_modified FROM event "
      "WHERE id = ?1");
  st.Bind(1, event_id);
  if (!st.Step()) return std::nullopt;
  EventRecord e;
  e.id = st.Text(0);
  e.organization_id = st.Text(1);
  e.location_id = st.OptText(2);
  e.online_url = st.OptText(3);
  e.title = st.Text(4);
  e.description = st.Text(5);
  e.accessibility_note = st.Text(6);
  e.source_locale = st.Text(7);
  e.category_id = st.Text(8);
  auto opt_int = [&](int col) -> std::optional<int> {
    if (st.IsNull(col)) return std::nullopt;
    return static_cast<int>(st.Int(col));
  };
  e.age_min = opt_int(9);
  e.age_max = opt_int(10);
  e.capacity = opt_int(11);
  e.registration = ParseRegistrationMode(st.TextView(12)).value_or(RegistrationMode::kNone);
  const auto date = ParseDate(st.TextView(13));
  const auto time = ParseTimeOfDay(st.TextView(14));
  if (!date || !time) throw std::runtime_error("event " + e.id + ": malformed start");
  e.series.first = LocalStart{*date, *time};
  e.series.duration_minutes = static_cast<int>(st.Int(15));
  e.series.time_zone = st.Text(16);
  e.series.rrule = st.Text(17);
  e.status = st.TextView(18) == "cancelled" ? EventStatus::kCancelled : EventStatus::kScheduled;
  e.cancel_reason = st.Text(19);
  e.is_sample = st.Int(20) != 0;
  e.sequence = static_cast<int>(st.Int(21));
  e.created = ParseStoredRfc3339(st.TextView(22)).value_or(SysTime{});
  e.last_modified = ParseStoredRfc3339(st.TextView(23)).value_or(SysTime{});
  st.Reset();
  Statement& langs = c.Cached(
      "SELECT language_code, kind FROM event_language WHERE event_id = ?1 ORDER BY kind, language_code");
  langs.Bind(1, event_id);
  while (langs.Step()) {
    (langs.TextView(1) == "spoken" ? e.spoken_languages : e.interpreted_languages)
        .push_back(langs.Text(0));
  }
  langs.Reset();
  Statement& aud = c.Cached(
      "SELECT taxonomy_term_id FROM event_audience WHERE event_id = ?1 ORDER BY taxonomy_term_id");
  aud.Bind(1, event_id);
  while (aud.Step()) e.audience_ids.push_back(aud.Text(0));
  aud.Reset();
  return e;
}

std::vector<SeriesException> LoadExceptions(Connection& c, std::string_view event_id) {
  std::vector<SeriesException> out;
  Statement& st = c.Cached(
      "SELECT original_start, kind, coalesce(reason, ''), starts_on, start_time, "
      "duration_minutes, sequence, last_modified FROM event_exception WHERE event_id = ?1 "
      "ORDER BY original_start");
  st.Bind(1, event_id);
  while (st.Step()) {
    SeriesException x;
    auto original = ParseLocalStart(st.TextView(0));
    auto kind = ParseExceptionKind(st.TextView(1));
    if (!original || !kind) continue;
    x.original = *original;
    x.kind = *kind;
    x.reason = st.Text(2);
    if (!st.IsNull(3) && !st.IsNull(4)) {
      auto d = ParseDate(st.TextView(3));
      auto t = ParseTimeOfDay(st.TextView(4));
      if (d && t) x.moved_to = LocalStart{*d, *t};
    }
    if (!st.IsNull(5)) x.duration_minutes = static_cast<int>(st.Int(5));
    x.sequence = static_cast<int>(st.Int(6));
    x.last_modified = ParseStoredRfc3339(st.TextView(7)).value_or(SysTime{});
    out.push_back(std::move(x));
  }
  st.Reset();
  return out;
}

std::string SaveEvent(Connection& c, EventRecord record, const Author& author, SysTime now) {
  if (!record.series.rrule.empty()) {
    if (auto error = CheckRule(record.series)) {
      throw std::invalid_argument("refused RRULE: " + record.series.rrule);
    }
    record.series.first = FirstInstance(record.series).value_or(record.series.first);
  }
  const std::string now_text = FormatRfc3339(now);
  std::optional<EventRecord> before;
  if (!record.id.empty()) before = LoadEvent(c, record.id);
  const bool insert = !before;
  if (insert) {
    if (record.id.empty()) record.id = RandomUuid();
    record.sequence = 0;
  } else {
    record.sequence = before->sequence + 1;
  }
  const int changed = RecordChanges(c, "event", record.id, insert ? "create" : "update",
                                    Diff(before ? &*before : nullptr, record), author, now_text);
  if (!insert && changed == 0) return record.id;
  WriteRow(c, record, insert, now_text);
  WriteLists(c, record);
  const std::string texts[] = {record.title, record.description, record.accessibility_note};
  for (size_t i = 0; i < std::size(kTextFields); ++i) {
    WriteOriginal(c, "event", record.id, kTextFields[i], record.source_locale, texts[i], now_text);
  }
  MaterialiseEvent(c, record.id, now);
  return record.id;
}

void SaveSeriesException(Connection& c, std::string_view event_id,
                         const SeriesException& exception, const Author& author, SysTime now) {
  const std::string now_text = FormatRfc3339(now);
  const std::string original = FormatLocalStart(exception.original);
  std::string before;
  {
    Statement& st = c.Cached(
        "SELECT kind || ' ' || coalesce(reason, '') || coalesce(starts_on || 'T' || start_time, '') "
        "FROM event_exception WHERE event_id = ?1 AND original_start = ?2");
    st.Bind(1, event_id).Bind(2, original);
    if (st.Step()) before = st.Text(0);
    st.Reset();
  }
  std::optional<std::string> on, at;
  if (exception.moved_to) {
    on = FormatDate(exception.moved_to->date);
    at = FormatTimeOfDay(exception.moved_to->time);
  }
  BumpSequence(c, event_id, now_text);
  c.Cached(
       "INSERT INTO event_exception (event_id, original_start, kind, reason, starts_on, "
       "start_time, duration_minutes, sequence, last_modified) VALUES (?1, ?2, ?3, nullif(?4, ''), "
       "?5, ?6, ?7, (SELECT sequence FROM event WHERE id = ?1), ?8) ON CONFLICT (event_id, "
       "original_start) DO UPDATE SET kind = excluded.kind, reason = excluded.reason, starts_on = "
       "excluded.starts_on, start_time = excluded.start_time, duration_minutes = "
       "excluded.duration_minutes, sequence = excluded.sequence, last_modified = "
       "excluded.last_modified")
      .Bind(1, event_id).Bind(2, original).Bind(3, ExceptionKindName(exception.kind))
      .Bind(4, exception.reason).Bind(5, on).Bind(6, at).Bind(7, exception.duration_minutes)
      .Bind(8, now_text).Run();
  const std::string after = std::string(ExceptionKindName(exception.kind)) + " " +
                            exception.reason + (on ? *on + "T" + *at : "");
  RecordChanges(c, "event", event_id, "update", {{"date " + original, before, after}}, author,
                now_text);
  MaterialiseEvent(c, event_id, now);
}

void RemoveSeriesException(Connection& c, std::string_view event_id, const LocalStart& original,
                           const Author& author, SysTime now) {
  const std::string now_text = FormatRfc3339(now);
  const std::string key = FormatLocalStart(original);
  c.Cached("DELETE FROM event_exception WHERE event_id = ?1 AND original_start = ?2")
      .Bind(1, event_id).Bind(2, key).Run();
  if (c.Changes() == 0) return;
  BumpSequence(c, event_id, now_text);
  RecordChanges(c, "event", event_id, "update", {{"date " + key, "exception", ""}}, author,
                now_text);
  MaterialiseEvent(c, event_id, now);
}

void CancelEvent(Connection& c, std::string_view event_id, std::string_view reason,
                 const Author& author, SysTime now) {
  std::optional<EventRecord> e = LoadEvent(c, event_id);
  if (!e) throw std::invalid_argument("no such event");
  e->status = EventStatus::kCancelled;
  e->cancel_reason = std::string(reason);
  SaveEvent(c, std::move(*e), author, now);
}

std::string SplitSeries(Connection& c, std::string_view event_id, const LocalStart& from,
                        EventRecord changed, const Author& author, SysTime now) {
  std::optional<EventRecord> old = LoadEvent(c, event_id);
  if (!old) throw std::invalid_argument("no such event");
  changed.id.clear();
  changed.organization_id = old->organization_id;
  const std::string new_id = SaveEvent(c, std::move(changed), author, now);
  // Registrations of dates from `from` on move to the new series' occurrence of the same day.
  c.Cached(
       "UPDATE registration_place SET occurrence_id = (SELECT n.id FROM occurrence n JOIN "
       "occurrence o ON o.id = registration_place.occurrence_id WHERE n.event_id = ?2 AND "
       "n.local_date = o.local_date ORDER BY n.starts_at LIMIT 1) WHERE occurrence_id IN (SELECT "
       "o.id FROM occurrence o WHERE o.event_id = ?1 AND o.original_start >= ?3 AND EXISTS "
       "(SELECT 1 FROM occurrence n WHERE n.event_id = ?2 AND n.local_date = o.local_date))")
      .Bind(1, event_id).Bind(2, new_id).Bind(3, FormatLocalStart(from)).Run();
  c.Cached(
       "UPDATE registration SET event_id = ?2 WHERE event_id = ?1 AND NOT EXISTS (SELECT 1 FROM "
       "registration_place p JOIN occurrence o ON o.id = p.occurrence_id WHERE p.registration_id "
       "= registration.id AND o.event_id = ?1) AND EXISTS (SELECT 1 FROM registration_place p "
       "WHERE p.registration_id = registration.id)")
      .Bind(1, event_id).Bind(2, new_id).Run();
  RecountConfirmed(c, new_id);
  RecountConfirmed(c, event_id);
  // The old series ends the second before `from` on its wall clock.
  const TimeZone zone = ZoneOf(old->series);
  EventRecord ended = *old;
  const SysTime until = zone.FromLocal(from.date, from.time) - std::chrono::seconds{1};
  if (old->series.rrule.empty() || until < zone.FromLocal(old->series.first.date,
                                                          old->series.first.time)) {
    ended.status = EventStatus::kCancelled;  // nothing of the old series is left
  } else {
    ended.series.rrule = WithoutEnd(old->series.rrule) + ";UNTIL=" + FormatUtcBasic(until);
  }
  SaveEvent(c, std::move(ended), author, now);
  return new_id;
}

std::string DuplicateEvent(Connection& c, std::string_view event_id, const Author& author,
                           SysTime now) {
  std::optional<EventRecord> e = LoadEvent(c, event_id);
  if (!e) throw std::invalid_argument("no such event");
  EventRecord copy = *e;
  copy.id.clear();
  copy.status = EventStatus::kScheduled;
  copy.cancel_reason.clear();
  copy.is_sample = e->is_sample;
  const std::string id = SaveEvent(c, std::move(copy), author, now);
  c.Cached(
       "INSERT INTO translation (entity, entity_id, field, locale, value, source, "
       "outdated, updated_at) SELECT entity, ?2, field, locale, value, source, outdated, ?3 FROM "
       "translation WHERE entity = 'event' AND entity_id = ?1 AND source <> 'original' "
       "ON CONFLICT DO NOTHING")
      .Bind(1, event_id).Bind(2, id).Bind(3, FormatRfc3339(now)).Run();
  return id;
}

int ExtendMaterialisation(Connection& c, SysTime now, size_t max_events) {
  const year_month_day horizon = Horizon(Today(TimeZone(), now));
  std::vector<std::string> ids;
  Statement st = c.Prepare(
      "SELECT id FROM event WHERE materialised_until IS NULL OR materialised_until < ?1 LIMIT ?2");
  st.Bind(1, FormatDate(horizon)).Bind(2, static_cast<int64_t>(std::min<size_t>(max_events, INT64_MAX)));
  while (st.Step()) ids.push_back(st.Text(0));
  for (const auto& id : ids) MaterialiseEvent(c, id, now);
  return static_cast<int>(ids.size());
}

}  // namespace tilti::store
