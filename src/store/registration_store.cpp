#include "store/registration_store.h"

#include <algorithm>

#include "core/ids.h"

namespace tilti::store {
namespace {

using events::PlaceStatus;

struct OccurrenceState {
  std::string id;
  std::optional<int> capacity;
  int confirmed = 0;
};

std::optional<int> OptInt(const Statement& st, int col) {
  if (st.IsNull(col)) return std::nullopt;
  return static_cast<int>(st.Int(col));
}

OccurrenceState LoadState(Connection& c, std::string_view occurrence_id) {
  Statement& st = c.Cached("SELECT capacity, confirmed FROM occurrence WHERE id = ?1");
  st.Bind(1, occurrence_id);
  OccurrenceState s;
  s.id = std::string(occurrence_id);
  if (st.Step()) {
    s.capacity = OptInt(st, 0);
    s.confirmed = static_cast<int>(st.Int(1));
  }
  st.Reset();
  return s;
}

int WaitingParties(Connection& c, std::string_view occurrence_id) {
  Statement& st = c.Cached(
      "SELECT count(*) FROM registration_place WHERE occurrence_id = ?1 AND status = 'waitlisted'");
  st.Bind(1, occurrence_id);
  st.Step();
  const int n = static_cast<int>(st.Int(0));
  st.Reset();
  return n;
}

void AddConfirmed(Connection& c, std::string_view occurrence_id, int delta) {
  // The CHECK (confirmed <= capacity) makes an impossible count fail the whole transaction.
  Statement& st = c.Cached("UPDATE occurrence SET confirmed = confirmed + ?2 WHERE id = ?1");
  st.Bind(1, occurrence_id).Bind(2, delta).Run();
}

int64_t NextWaitlistSeq(Connection& c, std::string_view occurrence_id) {
  Statement& st = c.Cached(
      "SELECT coalesce(max(waitlist_seq), 0) + 1 FROM registration_place WHERE occurrence_id = ?1");
  st.Bind(1, occurrence_id);
  st.Step();
  const int64_t seq = st.Int(0);
  st.Reset();
  return seq;
}

// Puts a party at an occurrence (a new place, or a pending one approved).
PlaceStatus Place(Connection& c, std::string_view registration_id, std::string_view occurrence_id,
                  events::RegistrationMode mode, bool approved, int party,
                  const std::string& now) {
  const OccurrenceState s = LoadState(c, occurrence_id);
  const PlaceStatus status =
      events::PlaceFor(mode, approved, s.capacity, s.confirmed, WaitingParties(c, occurrence_id), party);
  std::optional<int64_t> seq;
  if (status == PlaceStatus::kConfirmed) AddConfirmed(c, occurrence_id, party);
  if (status == PlaceStatus::kWaitlisted) seq = NextWaitlistSeq(c, occurrence_id);
  Statement& st = c.Cached(
      "INSERT INTO registration_place (registration_id, occurrence_id, status, waitlist_seq, "
      "last_modified) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT (registration_id, occurrence_id) DO UPDATE SET status = excluded.status, "
      "waitlist_seq = excluded.waitlist_seq, last_modified = excluded.last_modified");
  st.Bind(1, registration_id).Bind(2, occurrence_id).Bind(3, events::PlaceStatusName(status));
  st.Bind(4, seq).Bind(5, now).Run();
  return status;
}

// Gives free places to the waitlist, first come first served.
void Promote(Connection& c, std::string_view occurrence_id, const std::string& now) {
  const OccurrenceState s = LoadState(c, occurrence_id);
  std::vector<std::string> ids;
  std::vector<int> parties;
  {
    Statement& st = c.Cached(
        "SELECT p.registration_id, r.party_size FROM registration_place p "
        "JOIN registration r ON r.id = p.registration_id "
        "WHERE p.occurrence_id = ?1 AND p.status = 'waitlisted' ORDER BY p.waitlist_seq");
    st.Bind(1, occurrence_id);
    while (st.Step()) {
      ids.push_back(st.Text(0));
      parties.push_back(static_cast<int>(st.Int(1)));
    }
    st.Reset();
  }
  const size_t n = events::PartiesToPromote(s.capacity, s.confirmed, parties);
  int added = 0;
  for (size_t i = 0; i < n; ++i) {
    Statement& st = c.Cached(
        "UPDATE registration_place SET status = 'confirmed', waitlist_seq = NULL, "
        "last_modified = ?3 WHERE registration_id = ?1 AND occurrence_id = ?2");
    st.Bind(1, ids[i]).Bind(2, occurrence_id).Bind(3, now).Run();
    added += parties[i];
  }
  if (added > 0) AddConfirmed(c, occurrence_id, added);
}

int WaitlistPosition(Connection& c, std::string_view occurrence_id, int64_t seq) {
  Statement& st = c.Cached(
      "SELECT count(*) FROM registration_place WHERE occurrence_id = ?1 "
      "AND status = 'waitlisted' AND waitlist_seq <= ?2");
  st.Bind(1, occurrence_id).Bind(2, seq);
  st.Step();
  const int n = static_cast<int>(st.Int(0));
  st.Reset();
  return n;
}

// The places of a registration at occurrences that have not started, with their status.
struct LivePlace {
  std::string occurrence_id;
  PlaceStatus status;
};
std::vector<LivePlace> LivePlaces(Connection& c, std::string_view registration_id,
                                  const std::optional<std::string>& occurrence_id,
                                  const std::string& now) {
  Statement st = c.Prepare(
      "SELECT p.occurrence_id, p.status FROM registration_place p "
      "JOIN occurrence o ON o.id = p.occurrence_id "
      "WHERE p.registration_id = ?1 AND o.starts_at > ?2 "
      "AND (CAST(?3 AS TEXT) IS NULL OR p.occurrence_id = ?3) "
      "ORDER BY o.starts_at");
  st.Bind(1, registration_id).Bind(2, now).Bind(3, occurrence_id);
  std::vector<LivePlace> out;
  while (st.Step()) {
    out.push_back({st.Text(0), events::ParsePlaceStatus(st.TextView(1)).value_or(PlaceStatus::kCancelled)});
  }
  return out;
}

void SetPlaceStatus(Connection& c, std::string_view registration_id,
                    std::string_view occurrence_id, PlaceStatus status, const std::string& now) {
  Statement& st = c.Cached(
      "UPDATE registration_place SET status = ?3, waitlist_seq = NULL, last_modified = ?4 "
      "WHERE registration_id = ?1 AND occurrence_id = ?2");
  st.Bind(1, registration_id).Bind(2, occurrence_id).Bind(3, events::PlaceStatusName(status));
  st.Bind(4, now).Run();
}

}  // namespace

Result<std::string> Register(Connection& c, const NewRegistration& r, SysTime now) {
  const std::string now_text = FormatRfc3339(now);
  Statement ev = c.Prepare("SELECT registration, status FROM event WHERE id = ?1");
  ev.Bind(1, r.event_id);
  if (!ev.Step()) return Error{ErrorCode::kNotFound, "no such event"};
  const auto mode = events::ParseRegistrationMode(ev.TextView(0)).value_or(events::RegistrationMode::kNone);
  const bool event_cancelled = ev.TextView(1) == "cancelled";
  if (mode == events::RegistrationMode::kNone || event_cancelled) {
    return Error{ErrorCode::kConflict, "registration is not open"};
  }
  std::vector<std::string> occurrences;
  if (r.occurrence_id) {
    Statement st = c.Prepare(
        "SELECT status, starts_at > ?3 FROM occurrence WHERE id = ?1 AND event_id = ?2");
    st.Bind(1, *r.occurrence_id).Bind(2, r.event_id).Bind(3, now_text);
    if (!st.Step()) return Error{ErrorCode::kNotFound, "no such date"};
    if (st.TextView(0) != "scheduled" || st.Int(1) == 0) {
      return Error{ErrorCode::kConflict, "the date is cancelled or past"};
    }
    occurrences.push_back(*r.occurrence_id);
  } else {
    Statement st = c.Prepare(
        "SELECT id FROM occurrence WHERE event_id = ?1 AND starts_at > ?2 "
        "AND status = 'scheduled' ORDER BY starts_at");
    st.Bind(1, r.event_id).Bind(2, now_text);
    while (st.Step()) occurrences.push_back(st.Text(0));
    if (occurrences.empty()) return Error{ErrorCode::kConflict, "no future dates"};
  }
  const std::string id = RandomUuid();
  Statement ins = c.Prepare(
      "INSERT INTO registration (id, token_hash, event_id, whole_series, party_size, name, "
      "contact, language, needs, created, last_modified) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)");
  ins.Bind(1, id).Bind(2, r.token_hash).Bind(3, r.event_id).Bind(4, r.occurrence_id ? 0 : 1);
  ins.Bind(5, r.form.party_size).Bind(6, r.form.name);
  ins.Bind(7, r.form.contact.empty() ? std::optional<std::string>() : r.form.contact);
  ins.Bind(8, r.form.language).Bind(9, events::EncodeNeeds(r.form.needs, r.form.note));
  ins.Bind(10, now_text).Run();
  for (const std::string& occurrence : occurrences) {
    Place(c, id, occurrence, mode, false, r.form.party_size, now_text);
  }
  return id;
}

int FillSeriesPlaces(Connection& c, std::string_view event_id, SysTime now) {
  const std::string now_text = FormatRfc3339(now);
  Statement st = c.Prepare(
      "SELECT r.id, r.party_size, o.id, e.registration FROM registration r "
      "JOIN event e ON e.id = r.event_id "
      "JOIN occurrence o ON o.event_id = r.event_id AND o.status = 'scheduled' AND o.starts_at > ?2 "
      "WHERE r.event_id = ?1 AND r.whole_series = 1 AND e.status = 'scheduled' "
      "AND EXISTS (SELECT 1 FROM registration_place p WHERE p.registration_id = r.id "
      "AND p.status IN ('confirmed', 'waitlisted', 'pending')) "
      "AND NOT EXISTS (SELECT 1 FROM registration_place p WHERE p.registration_id = r.id "
      "AND p.occurrence_id = o.id) ORDER BY o.starts_at, r.created, r.rowid");
  st.Bind(1, event_id).Bind(2, now_text);
  struct Missing {
    std::string registration, occurrence;
    int party;
    events::RegistrationMode mode;
  };
  std::vector<Missing> missing;
  while (st.Step()) {
    missing.push_back({st.Text(0), st.Text(2), static_cast<int>(st.Int(1)),
                       events::ParseRegistrationMode(st.TextView(3)).value_or(events::RegistrationMode::kNone)});
  }
  int added = 0;
  for (const Missing& m : missing) {
    if (m.mode == events::RegistrationMode::kNone) continue;
    Place(c, m.registration, m.occurrence, m.mode, false, m.party, now_text);
    ++added;
  }
  return added;
}

std::optional<RegistrationView> RegistrationByTokenHash(Connection& c, std::string_view hash) {
  Statement st = c.Prepare(
      "SELECT id, event_id, whole_series, party_size, name, coalesce(contact, ''), language, "
      "needs, created FROM registration WHERE token_hash = ?1");
  st.Bind(1, hash);
  if (!st.Step()) return std::nullopt;
  RegistrationView v;
  v.id = st.Text(0);
  v.event_id = st.Text(1);
  v.whole_series = st.Int(2) != 0;
  v.party_size = static_cast<int>(st.Int(3));
  v.name = st.Text(4);
  v.contact = st.Text(5);
  v.language = st.Text(6);
  events::DecodeNeeds(st.TextView(7), &v.needs, &v.note);
  v.created = st.Text(8);
  Statement places = c.Prepare(
      "SELECT p.occurrence_id, o.original_start, o.starts_at, o.ends_at, o.status, "
      "coalesce(o.cancel_reason, ''), p.status, p.waitlist_seq, p.attended "
      "FROM registration_place p JOIN occurrence o ON o.id = p.occurrence_id "
      "WHERE p.registration_id = ?1 ORDER BY o.starts_at");
  places.Bind(1, v.id);
  std::vector<std::pair<size_t, int64_t>> waiting;
  while (places.Step()) {
    PlaceView p;
    p.occurrence_id = places.Text(0);
    p.original = events::ParseLocalStart(places.TextView(1)).value_or(events::LocalStart{});
    p.starts_at = ParseStoredRfc3339(places.TextView(2)).value_or(SysTime{});
    p.ends_at = ParseStoredRfc3339(places.TextView(3)).value_or(SysTime{});
    p.occurrence_cancelled = places.TextView(4) == "cancelled";
    p.cancel_reason = places.Text(5);
    p.status = events::ParsePlaceStatus(places.TextView(6)).value_or(PlaceStatus::kCancelled);
    if (p.status == PlaceStatus::kWaitlisted && !places.IsNull(7)) {
      waiting.emplace_back(v.places.size(), places.Int(7));
    }
    if (!places.IsNull(8)) p.attended = places.Int(8) != 0;
    v.places.push_back(std::move(p));
  }
  for (auto [i, seq] : waiting) {
    v.places[i].waitlist_position = WaitlistPosition(c, v.places[i].occurrence_id, seq);
  }
  return v;
}

Status ChangeRegistration(Connection& c, std::string_view registration_id,
                          const events::RegistrationForm& form, SysTime now) {
  const std::string now_text = FormatRfc3339(now);
  Statement old = c.Prepare("SELECT party_size FROM registration WHERE id = ?1");
  old.Bind(1, registration_id);
  if (!old.Step()) return Error{ErrorCode::kNotFound, "no such registration"};
  const int before = static_cast<int>(old.Int(0));
  const int delta = form.party_size - before;
  const auto live = LivePlaces(c, registration_id, std::nullopt, now_text);
  if (delta > 0) {
    for (const LivePlace& p : live) {
      if (p.status != PlaceStatus::kConfirmed) continue;
      const OccurrenceState s = LoadState(c, p.occurrence_id);
      if (s.capacity && s.confirmed + delta > *s.capacity) {
        return Error{ErrorCode::kConflict, "no room for a larger party",
                     {{"party_size", "registration.error.no_room_for_party"}}};
      }
    }
  }
  Statement up = c.Prepare(
      "UPDATE registration SET party_size = ?2, name = ?3, contact = ?4, language = ?5, "
      "needs = ?6, last_modified = ?7 WHERE id = ?1");
  up.Bind(1, registration_id).Bind(2, form.party_size).Bind(3, form.name);
  up.Bind(4, form.contact.empty() ? std::optional<std::string>() : form.contact);
  up.Bind(5, form.language).Bind(6, events::EncodeNeeds(form.needs, form.note));
  up.Bind(7, now_text).Run();
  if (delta == 0) return Ok();
  for (const LivePlace& p : live) {
    if (p.status == PlaceStatus::kConfirmed) AddConfirmed(c, p.occurrence_id, delta);
    // A smaller party frees places; a smaller waiting party may now fit at the head.
    if (delta < 0 && (p.status == PlaceStatus::kConfirmed || p.status == PlaceStatus::kWaitlisted)) {
      Promote(c, p.occurrence_id, now_text);
    }
  }
  return Ok();
}

int CancelPlaces(Connection& c, std::string_view registration_id,
                 const std::optional<std::string>& occurrence_id, SysTime now) {
  const std::string now_text = FormatRfc3339(now);
  Statement party_st = c.Prepare("SELECT party_size FROM registration WHERE id = ?1");
  party_st.Bind(1, registration_id);
  if (!party_st.Step()) return 0;
  const int party = static_cast<int>(party_st.Int(0));
  int cancelled = 0;
  for (const LivePlace& p : LivePlaces(c, registration_id, occurrence_id, now_text)) {
    if (p.status == PlaceStatus::kCancelled || p.status == PlaceStatus::kDeclined) continue;
    SetPlaceStatus(c, registration_id, p.occurrence_id, PlaceStatus::kCancelled, now_text);
    if (p.status == PlaceStatus::kConfirmed) AddConfirmed(c, p.occurrence_id, -party);
    Promote(c, p.occurrence_id, now_text);
    ++cancelled;
  }
  return cancelled;
}

std::vector<OccurrenceRegistration> RegistrationsOf(Connection& c,
                                                    std::string_view occurrence_id) {
  Statement st = c.Prepare(
      "SELECT r.id, r.name, coalesce(r.contact, ''), r.language, r.party_size, r.needs, "
      "p.status, p.waitlist_seq, p.attended, r.created "
      "FROM registration_place p JOIN registration r ON r.id = p.registration_id "
      "WHERE p.occurrence_id = ?1 "
      "ORDER BY CASE p.status WHEN 'confirmed' THEN 0 WHEN 'pending' THEN 1 "
      "WHEN 'waitlisted' THEN 2 ELSE 3 END, p.waitlist_seq NULLS FIRST, r.created, r.id");
  st.Bind(1, occurrence_id);
  std::vector<OccurrenceRegistration> out;
  int position = 0;
  while (st.Step()) {
    OccurrenceRegistration r;
    r.registration_id = st.Text(0);
    r.name = st.Text(1);
    r.contact = st.Text(2);
    r.language = st.Text(3);
    r.party_size = static_cast<int>(st.Int(4));
    events::DecodeNeeds(st.TextView(5), &r.needs, &r.note);
    r.status = events::ParsePlaceStatus(st.TextView(6)).value_or(PlaceStatus::kCancelled);
    if (r.status == PlaceStatus::kWaitlisted) r.waitlist_position = ++position;
    if (!st.IsNull(8)) r.attended = st.Int(8) != 0;
    r.created = st.Text(9);
    out.push_back(std::move(r));
  }
  return out;
}

Status DecidePending(Connection& c, std::string_view occurrence_id,
                     std::string_view registration_id, bool approve, SysTime now) {
  const std::string now_text = FormatRfc3339(now);
  Statement st = c.Prepare(
      "SELECT r.party_size, e.registration FROM registration_place p "
      "JOIN registration r ON r.id = p.registration_id JOIN event e ON e.id = r.event_id "
      "WHERE p.occurrence_id = ?1 AND p.registration_id = ?2 AND p.status = 'pending'");
  st.Bind(1, occurrence_id).Bind(2, registration_id);
  if (!st.Step()) return Error{ErrorCode::kNotFound, "no pending request"};
  const int party = static_cast<int>(st.Int(0));
  if (!approve) {
    SetPlaceStatus(c, registration_id, occurrence_id, PlaceStatus::kDeclined, now_text);
    return Ok();
  }
  Place(c, registration_id, occurrence_id, events::RegistrationMode::kApproval, true, party,
        now_text);
  return Ok();
}

Status MarkAttended(Connection& c, std::string_view occurrence_id,
                    std::string_view registration_id, std::optional<bool> attended, SysTime now) {
  Statement st = c.Prepare(
      "UPDATE registration_place SET attended = ?3, last_modified = ?4 "
      "WHERE occurrence_id = ?1 AND registration_id = ?2 AND status IN ('confirmed', 'waitlisted')");
  st.Bind(1, occurrence_id).Bind(2, registration_id);
  if (attended) st.Bind(3, *attended ? 1 : 0); else st.BindNull(3);
  st.Bind(4, FormatRfc3339(now)).Run();
  if (c.Changes() == 0) return Error{ErrorCode::kNotFound, "no place to mark"};
  return Ok();
}

int EraseOldRegistrations(Connection& c, SysTime cutoff, SysTime now) {
  const std::string before = FormatRfc3339(cutoff);
  // Who came, as head counts, where the librarians recorded none (statistics count registered
  // people who came only where a date has no head counts, so the totals do not change).
  Statement keep = c.Prepare(
      "INSERT INTO attendance_count (occurrence_id, taxonomy_term_id, count, recorded_by, recorded_at) "
      "SELECT p.occurrence_id, 'unspecified', sum(r.party_size), 'retention', ?2 "
      "FROM registration_place p JOIN registration r ON r.id = p.registration_id "
      "JOIN occurrence o ON o.id = p.occurrence_id "
      "WHERE p.attended = 1 AND o.ends_at < ?1 AND NOT EXISTS "
      "(SELECT 1 FROM attendance_count a WHERE a.occurrence_id = p.occurrence_id) "
      "GROUP BY p.occurrence_id");
  keep.Bind(1, before).Bind(2, FormatRfc3339(now)).Run();
  Statement erase = c.Prepare(
      "DELETE FROM registration WHERE NOT EXISTS (SELECT 1 FROM registration_place p "
      "JOIN occurrence o ON o.id = p.occurrence_id WHERE p.registration_id = registration.id "
      "AND o.ends_at >= ?1) AND created < ?1");
  erase.Bind(1, before).Run();
  return static_cast<int>(c.Changes());
}

}  // namespace tilti::store
