#include "store/directory_edits.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "core/ids.h"
#include "store/directory_changes.h"
#include "store/hours_queries.h"
#include "store/localized_sql.h"
#include "store/slugs.h"
#include "store/translation_store.h"
#include "directory/folding.h"

namespace tilti::store {
namespace {

using directory::Period;

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : std::string(sep)) + i;
  return out;
}

std::string Coordinate(const std::optional<double>& v) {
  if (!v) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", *v);
  return buf;
}

std::string PeriodsText(std::vector<Period> periods) {
  std::sort(periods.begin(), periods.end(), [](const Period& a, const Period& b) {
    return std::tie(a.weekday, a.opens_min) < std::tie(b.weekday, b.opens_min);
  });
  std::string out;
  for (const Period& p : periods) {
    if (!out.empty()) out += "; ";
    std::string day(directory::WeekdayCode(p.weekday));
    for (char& ch : day) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    out += day + " " + directory::FormatClockTime(p.opens_min) + "-" +
           directory::FormatClockTime(p.closes_min);
  }
  return out;
}

std::string ExceptionText(const ExceptionRow& e) {
  std::string out = e.date + (e.closed              ? " closed"
                              : e.opens_at.empty() ? " usual hours"
                                                   : " " + e.opens_at + "-" + e.closes_at);
  if (!e.note.empty()) out += " (" + e.note + ")";
  return out;
}

void Touch(Connection& c, std::string_view table, std::string_view id, std::string_view now) {
  c.Prepare("UPDATE " + std::string(table) + " SET last_modified = ?2 WHERE id = ?1")
      .Bind(1, id).Bind(2, now).Run();
}

std::vector<std::string> Strings(Connection& c, const std::string& sql, std::string_view key) {
  Statement& st = c.Cached(sql);
  st.Bind(1, key);
  std::vector<std::string> out;
  while (st.Step()) out.push_back(st.Text(0));
  st.Reset();
  return out;
}

std::vector<std::string> TermCodesOf(Connection& c, std::string_view link_entity,
                                     std::string_view link_id, std::string_view taxonomy) {
  Statement& st = c.Cached(
      "SELECT tt.code FROM attribute a JOIN taxonomy_term tt ON tt.id = a.taxonomy_term_id "
      "JOIN taxonomy t ON t.id = tt.taxonomy_id WHERE a.link_entity = ?1 AND a.link_id = ?2 "
      "AND t.code = ?3 ORDER BY tt.position");
  st.Bind(1, link_entity).Bind(2, link_id).Bind(3, taxonomy);
  std::vector<std::string> out;
  while (st.Step()) out.push_back(st.Text(0));
  st.Reset();
  return out;
}

void ReplaceTerms(Connection& c, std::string_view link_entity, std::string_view link_id,
                  std::string_view taxonomy, const std::vector<std::string>& codes) {
  c.Cached("DELETE FROM attribute WHERE link_entity = ?1 AND link_id = ?2 AND taxonomy_term_id "
           "IN (SELECT tt.id FROM taxonomy_term tt JOIN taxonomy t ON t.id = tt.taxonomy_id "
           "WHERE t.code = ?3)")
      .Bind(1, link_entity).Bind(2, link_id).Bind(3, taxonomy).Run();
  Statement& ins = c.Cached(
      "INSERT INTO attribute (id, link_id, taxonomy_term_id, link_entity) SELECT ?1, ?2, tt.id, "
      "?3 FROM taxonomy_term tt JOIN taxonomy t ON t.id = tt.taxonomy_id WHERE t.code = ?4 AND "
      "tt.code = ?5");
  for (const std::string& code : codes) {
    ins.Bind(1, DeterministicUuid("attribute:" + std::string(link_entity) + ":" +
                                  std::string(link_id) + ":" + std::string(taxonomy) + "/" + code));
    ins.Bind(2, link_id).Bind(3, link_entity).Bind(4, taxonomy).Bind(5, code).Run();
    ins.Reset();
  }
}

std::vector<Period> WeeklyPeriodsOf(Connection& c, std::string_view location_id) {
  Statement& st = c.Cached(
      "SELECT coalesce(byday, ''), opens_at, closes_at, valid_from, valid_to FROM schedule "
      "WHERE location_id = ?1 AND service_id IS NULL AND service_at_location_id IS NULL "
      "AND freq = 'WEEKLY'");
  st.Bind(1, location_id);
  std::vector<Period> out;
  while (st.Step()) {
    auto range = ParseScheduleRange(st.OptText(1), st.OptText(2));
    if (!range) continue;
    std::optional<std::chrono::year_month_day> from, to;
    if (!st.IsNull(3)) from = ParseScheduleDate(st.Text(3));
    if (!st.IsNull(4)) to = ParseScheduleDate(st.Text(4));
    for (int day : ParseScheduleWeekdays(st.Text(0))) {
      out.push_back(Period{day, range->opens_min, range->closes_min, from, to});
    }
  }
  st.Reset();
  return out;
}

}  // namespace

std::optional<LibraryEditRecord> LoadLibraryForEdit(Connection& c, std::string_view slug,
                                                    std::string_view from_date) {
  Statement& st = c.Cached(
      "SELECT o.id, coalesce((SELECT l.id FROM location l WHERE l.organization_id = o.id "
      "ORDER BY l.id LIMIT 1), ''), o.slug, o.source_locale, o.kind, o.name, "
      "coalesce(o.alternate_name, ''), o.description, coalesce(o.email, ''), "
      "coalesce(o.website, ''), coalesce(o.assured_date, ''), o.last_modified "
      "FROM organization o WHERE o.slug = ?1");
  st.Bind(1, slug);
  if (!st.Step()) {
    st.Reset();
    return std::nullopt;
  }
  LibraryEditRecord r;
  r.organization_id = st.Text(0);
  r.location_id = st.Text(1);
  r.slug = st.Text(2);
  r.source_locale = st.Text(3);
  r.kind = st.Text(4);
  r.texts = {st.Text(5), st.Text(6), st.Text(7)};
  r.contacts.email = st.Text(8);
  r.contacts.website = st.Text(9);
  r.assured_date = st.Text(10);
  r.last_modified = st.Text(11);
  st.Reset();
  r.contacts.phones = Strings(
      c, "SELECT number FROM phone WHERE organization_id = ?1 AND service_id IS NULL "
         "AND contact_id IS NULL ORDER BY id", r.organization_id);
  if (!r.location_id.empty()) {
    auto location_phones = Strings(
        c, "SELECT number FROM phone WHERE location_id = ?1 AND service_id IS NULL "
           "AND contact_id IS NULL ORDER BY id", r.location_id);
    for (auto& p : location_phones) {
      if (std::find(r.contacts.phones.begin(), r.contacts.phones.end(), p) ==
          r.contacts.phones.end()) {
        r.contacts.phones.push_back(std::move(p));
      }
    }
    Statement& a = c.Cached(
        "SELECT address_1, city, postal_code FROM address WHERE location_id = ?1 AND "
        "address_type = 'physical' ORDER BY id LIMIT 1");
    a.Bind(1, r.location_id);
    if (a.Step()) r.place = {a.Text(0), a.Text(1), a.Text(2), std::nullopt, std::nullopt};
    a.Reset();
    Statement& ll = c.Cached("SELECT latitude, longitude FROM location WHERE id = ?1");
    ll.Bind(1, r.location_id);
    if (ll.Step() && !ll.IsNull(0) && !ll.IsNull(1)) {
      r.place.latitude = ll.Double(0);
      r.place.longitude = ll.Double(1);
    }
    ll.Reset();
    r.weekly = WeeklyPeriodsOf(c, r.location_id);
    Statement& ex = c.Cached(
        "SELECT id, date, closed, coalesce(opens_at, ''), coalesce(closes_at, ''), "
        "coalesce(note, '') FROM schedule_exception WHERE location_id = ?1 AND date >= ?2 "
        "ORDER BY date, opens_at NULLS FIRST");
    ex.Bind(1, r.location_id).Bind(2, from_date);
    while (ex.Step()) {
      r.exceptions.push_back({ex.Text(0), ex.Text(1), ex.Int(2) != 0, ex.Text(3), ex.Text(4),
                              ex.Text(5)});
    }
    ex.Reset();
    r.languages = Strings(c, "SELECT code FROM language WHERE location_id = ?1 AND "
                             "service_id IS NULL AND phone_id IS NULL ORDER BY code",
                          r.location_id);
    r.accessibility = TermCodesOf(c, "location", r.location_id, "accessibility");
  }
  return r;
}

int SaveLibraryTexts(Connection& c, const LibraryEditRecord& before,
                     const directory::LibraryTexts& texts, const Author& author,
                     std::string_view now) {
  std::vector<FieldChange> changes = {
      {"name", before.texts.name, texts.name},
      {"alternate_name", before.texts.alternate_name, texts.alternate_name},
      {"description", before.texts.description, texts.description}};
  int n = RecordChanges(c, "organization", before.organization_id, "update", changes, author, now);
  if (n == 0) return 0;
  c.Cached("UPDATE organization SET name = ?2, alternate_name = nullif(?3, ''), description = ?4, "
           "last_modified = ?5 WHERE id = ?1")
      .Bind(1, before.organization_id).Bind(2, texts.name).Bind(3, texts.alternate_name)
      .Bind(4, texts.description).Bind(5, now).Run();
  const std::string& id = before.organization_id;
  WriteOriginal(c, "organization", id, "name", before.source_locale, texts.name, now);
  WriteOriginal(c, "organization", id, "alternate_name", before.source_locale,
                texts.alternate_name, now);
  WriteOriginal(c, "organization", id, "description", before.source_locale, texts.description,
                now);
  DirectoryTextsChanged(c, id);
  return n;
}

int SaveLibraryContacts(Connection& c, const LibraryEditRecord& before,
                        const directory::LibraryContacts& contacts, const Author& author,
                        std::string_view now) {
  std::vector<FieldChange> changes = {
      {"email", before.contacts.email, contacts.email},
      {"website", before.contacts.website, contacts.website},
      {"phones", Join(before.contacts.phones, "; "), Join(contacts.phones, "; ")}};
  int n = RecordChanges(c, "organization", before.organization_id, "update", changes, author, now);
  if (n == 0) return 0;
  c.Cached("UPDATE organization SET email = nullif(?2, ''), website = nullif(?3, ''), "
           "last_modified = ?4 WHERE id = ?1")
      .Bind(1, before.organization_id).Bind(2, contacts.email).Bind(3, contacts.website)
      .Bind(4, now).Run();
  if (before.contacts.phones != contacts.phones) {
    // The library's phones live on its location when it has one (as the demo and imports
    // write them), else on the organisation.
    c.Cached("DELETE FROM phone WHERE (organization_id = ?1 OR location_id = ?2) AND "
             "service_id IS NULL AND contact_id IS NULL AND service_at_location_id IS NULL")
        .Bind(1, before.organization_id).Bind(2, before.location_id).Run();
    Statement& ins = c.Cached(
        "INSERT INTO phone (id, organization_id, location_id, number, type) "
        "VALUES (?1, nullif(?2, ''), nullif(?3, ''), ?4, 'voice')");
    for (const std::string& p : contacts.phones) {
      ins.Bind(1, RandomUuid()).Bind(2, before.location_id.empty() ? before.organization_id : "");
      ins.Bind(3, before.location_id).Bind(4, p).Run();
      ins.Reset();
    }
  }
  DirectoryDetailsChanged(c);
  return n;
}

int SaveLibraryPlace(Connection& c, const LibraryEditRecord& before,
                     const directory::LibraryPlace& place, const Author& author,
                     std::string_view now) {
  if (before.location_id.empty()) throw std::logic_error("SaveLibraryPlace: no location");
  std::vector<FieldChange> changes = {
      {"address_1", before.place.address_1, place.address_1},
      {"city", before.place.city, place.city},
      {"postal_code", before.place.postal_code, place.postal_code},
      {"latitude", Coordinate(before.place.latitude), Coordinate(place.latitude)},
      {"longitude", Coordinate(before.place.longitude), Coordinate(place.longitude)}};
  int n = RecordChanges(c, "location", before.location_id, "update", changes, author, now);
  if (n == 0) return 0;
  // The location's physical address row, or a new one.
  std::string address_id = DeterministicUuid("address:" + before.location_id + ":physical");
  {
    Statement& a = c.Cached("SELECT id FROM address WHERE location_id = ?1 AND "
                            "address_type = 'physical' ORDER BY id LIMIT 1");
    a.Bind(1, before.location_id);
    if (a.Step()) address_id = a.Text(0);
    a.Reset();
  }
  c.Cached("INSERT INTO address (id, location_id, address_1, city, state_province, postal_code, "
           "country, address_type) VALUES (?1, ?2, ?3, ?4, '', ?5, "
           "(SELECT country FROM organization WHERE id = ?6), 'physical') "
           "ON CONFLICT (id) DO UPDATE SET address_1 = excluded.address_1, city = excluded.city, "
           "postal_code = excluded.postal_code")
      .Bind(1, address_id).Bind(2, before.location_id)
      .Bind(3, place.address_1).Bind(4, place.city).Bind(5, place.postal_code)
      .Bind(6, before.organization_id).Run();
  Statement& ll = c.Cached(
      "UPDATE location SET latitude = ?2, longitude = ?3, coordinates_approximate = "
      "CASE WHEN CAST(?2 AS DOUBLE PRECISION) IS NULL THEN coordinates_approximate ELSE 0 END, "
      "last_modified = ?4 "
      "WHERE id = ?1");
  ll.Bind(1, before.location_id);
  ll.Bind(2, place.latitude).Bind(3, place.longitude).Bind(4, now).Run();
  // The R*Tree of migration 0005 follows location's coordinates through its triggers; the town
  // may have changed, which the search reads.
  DirectoryTextsChanged(c, before.organization_id);
  return n;
}

int SaveWeeklyHours(Connection& c, const LibraryEditRecord& before,
                    const std::vector<Period>& periods, const Author& author,
                    std::string_view now) {
  if (before.location_id.empty()) throw std::logic_error("SaveWeeklyHours: no location");
  // The form edits the undated timetable; dated periods (a summer timetable) are kept.
  std::vector<Period> old_undated, kept, all = periods;
  for (const Period& p : before.weekly) {
    (p.valid_from || p.valid_to ? kept : old_undated).push_back(p);
  }
  all.insert(all.end(), kept.begin(), kept.end());
  int n = RecordChanges(c, "location", before.location_id, "update",
                        {{"hours", PeriodsText(old_undated), PeriodsText(periods)}}, author, now);
  if (n == 0) return 0;
  ReplaceWeeklyHours(c, before.location_id, all, now);
  return n;  // the schedule triggers of 0008 bump the directory version
}

int SaveException(Connection& c, const LibraryEditRecord& before,
                  const directory::ExceptionInput& e, const Author& author,
                  std::string_view now) {
  if (before.location_id.empty()) throw std::logic_error("SaveException: no location");
  std::string old;
  for (const auto& x : before.exceptions) {
    if (x.date == e.date) old += (old.empty() ? "" : "; ") + ExceptionText(x);
  }
  ExceptionRow row{"", e.date, e.closed, e.opens_at, e.closes_at, e.note};
  int n = RecordChanges(c, "location", before.location_id, "update",
                        {{"exception", old, ExceptionText(row)}}, author, now);
  if (n == 0) return 0;
  c.Cached("DELETE FROM schedule_exception WHERE location_id = ?1 AND date = ?2")
      .Bind(1, before.location_id).Bind(2, e.date).Run();
  c.Cached("INSERT INTO schedule_exception (id, location_id, date, closed, opens_at, closes_at, "
           "note) VALUES (?1, ?2, ?3, ?4, nullif(?5, ''), nullif(?6, ''), nullif(?7, ''))")
      .Bind(1, RandomUuid()).Bind(2, before.location_id).Bind(3, e.date)
      .Bind(4, static_cast<int64_t>(e.closed ? 1 : 0)).Bind(5, e.opens_at).Bind(6, e.closes_at)
      .Bind(7, e.note).Run();
  Touch(c, "location", before.location_id, now);
  return n;
}

int RemoveException(Connection& c, const LibraryEditRecord& before, std::string_view id,
                    const Author& author, std::string_view now) {
  auto it = std::find_if(before.exceptions.begin(), before.exceptions.end(),
                         [&](const ExceptionRow& x) { return x.id == id; });
  if (it == before.exceptions.end()) return 0;
  int n = RecordChanges(c, "location", before.location_id, "delete",
                        {{"exception", ExceptionText(*it), ""}}, author, now);
  c.Cached("DELETE FROM schedule_exception WHERE id = ?1 AND location_id = ?2")
      .Bind(1, id).Bind(2, before.location_id).Run();
  Touch(c, "location", before.location_id, now);
  return n;
}

int SaveLanguages(Connection& c, const LibraryEditRecord& before,
                  const std::vector<std::string>& codes, const Author& author,
                  std::string_view now) {
  if (before.location_id.empty()) throw std::logic_error("SaveLanguages: no location");
  std::vector<std::string> sorted = codes;
  std::sort(sorted.begin(), sorted.end());
  int n = RecordChanges(c, "location", before.location_id, "update",
                        {{"languages", Join(before.languages, ", "), Join(sorted, ", ")}}, author,
                        now);
  if (n == 0) return 0;
  // Languages no longer spoken go; those still spoken keep their rows (and weekdays).
  Statement& del = c.Cached(
      "DELETE FROM language WHERE location_id = ?1 AND service_id IS NULL AND phone_id IS NULL "
      "AND code NOT IN (SELECT value FROM json_each(?2))");
  std::string list = "[";
  for (size_t i = 0; i < sorted.size(); ++i) list += (i ? ",\"" : "\"") + sorted[i] + "\"";
  list += "]";
  del.Bind(1, before.location_id).Bind(2, list).Run();
  Statement& ins = c.Cached(
      "INSERT INTO language (id, location_id, code) SELECT ?1, ?2, ?3 WHERE NOT EXISTS "
      "(SELECT 1 FROM language WHERE location_id = ?2 AND service_id IS NULL AND "
      "phone_id IS NULL AND code = ?3)");
  for (const std::string& code : sorted) {
    ins.Bind(1, DeterministicUuid("language:" + before.location_id + ":" + code));
    ins.Bind(2, before.location_id).Bind(3, code).Run();
    ins.Reset();
  }
  Touch(c, "location", before.location_id, now);
  DirectoryDetailsChanged(c);
  return n;
}

int SaveAccessibility(Connection& c, const LibraryEditRecord& before,
                      const std::vector<std::string>& term_codes, const Author& author,
                      std::string_view now) {
  if (before.location_id.empty()) throw std::logic_error("SaveAccessibility: no location");
  int n = RecordChanges(c, "location", before.location_id, "update",
                        {{"accessibility", Join(before.accessibility, ", "),
                          Join(term_codes, ", ")}},
                        author, now);
  if (n == 0) return 0;
  ReplaceTerms(c, "location", before.location_id, "accessibility", term_codes);
  Touch(c, "location", before.location_id, now);
  DirectoryTextsChanged(c, before.organization_id);
  return n;
}

std::vector<TermChoice> TermsOfTaxonomy(Connection& c, const LocaleChain& chain,
                                        std::string_view taxonomy_code) {
  static const std::string sql =
      "SELECT tt.code, " + BestText("taxonomy_term", "tt.id", "name", "tt.name", "'en'") +
      " FROM taxonomy_term tt JOIN taxonomy t ON t.id = tt.taxonomy_id WHERE t.code = ?4 "
      "ORDER BY tt.position, tt.code";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, taxonomy_code);
  std::vector<TermChoice> out;
  while (st.Step()) {
    LocalizedText name = SplitLocalized(st.TextView(1));
    out.push_back({st.Text(0), name.text, name.locale});
  }
  st.Reset();
  return out;
}

// ---- new organisations ----

std::vector<MunicipalityChoice> MunicipalityChoices(Connection& c) {
  Statement& st = c.Cached("SELECT id, name FROM municipality ORDER BY name, id");
  std::vector<MunicipalityChoice> out;
  while (st.Step()) out.push_back({st.Text(0), st.Text(1)});
  st.Reset();
  return out;
}

std::string CreateOrganization(Connection& c, const directory::NewOrganization& org,
                               const Author& author, std::string_view now) {
  const std::string id = RandomUuid();
  const std::string slug = UniqueSlug(c, directory::Fold(org.name));
  c.Cached("INSERT INTO organization (id, slug, kind, name, country, municipality_id, "
           "source_locale, last_modified) VALUES (?1, ?2, ?3, ?4, ?5, nullif(?6, ''), ?7, ?8)")
      .Bind(1, id).Bind(2, slug).Bind(3, org.kind).Bind(4, org.name).Bind(5, org.country)
      .Bind(6, org.municipality_id).Bind(7, org.source_locale).Bind(8, now).Run();
  WriteOriginal(c, "organization", id, "name", org.source_locale, org.name, now);
  RecordChanges(c, "organization", id, "create",
                {{"kind", "", org.kind}, {"name", "", org.name}, {"country", "", org.country},
                 {"municipality_id", "", org.municipality_id}},
                author, now);
  if (org.kind == "library") {
    const std::string location = RandomUuid();
    c.Cached("INSERT INTO location (id, organization_id, municipality_id, source_locale, "
             "last_modified) VALUES (?1, ?2, nullif(?3, ''), ?4, ?5)")
        .Bind(1, location).Bind(2, id).Bind(3, org.municipality_id).Bind(4, org.source_locale)
        .Bind(5, now).Run();
    RecordChanges(c, "location", location, "create", {{"organization_id", "", id}}, author, now);
  }
  DirectoryTextsChanged(c, id);
  return slug;
}

// ---- services ----

std::optional<ServiceEditRecord> LoadServiceForEdit(Connection& c, std::string_view service_id) {
  Statement& st = c.Cached(
      "SELECT id, organization_id, source_locale, status, name, coalesce(description, ''), "
      "coalesce((SELECT slug FROM organization o WHERE o.id = organization_id), '') "
      "FROM service WHERE id = ?1");
  st.Bind(1, service_id);
  if (!st.Step()) {
    st.Reset();
    return std::nullopt;
  }
  ServiceEditRecord r;
  r.id = st.Text(0);
  r.organization_id = st.Text(1);
  r.source_locale = st.Text(2);
  r.status = st.Text(3);
  r.input.name = st.Text(4);
  r.input.description = st.Text(5);
  r.input.status = r.status;
  r.organization_slug = st.Text(6);
  st.Reset();
  r.input.types = TermCodesOf(c, "service", r.id, "service-type");
  r.input.audiences = TermCodesOf(c, "service", r.id, "target-group");
  return r;
}

std::vector<ServiceListItem> ServicesOfOrganization(Connection& c,
                                                    std::string_view organization_id) {
  Statement& st = c.Cached(
      "SELECT id, name, status FROM service WHERE organization_id = ?1 ORDER BY name, id");
  st.Bind(1, organization_id);
  std::vector<ServiceListItem> out;
  while (st.Step()) out.push_back({st.Text(0), st.Text(1), st.Text(2)});
  st.Reset();
  return out;
}

void CreateService(Connection& c, std::string_view id, std::string_view organization_id,
                   std::string_view location_id, std::string_view source_locale,
                   const directory::ServiceInput& input, const Author& author,
                   std::string_view now) {
  c.Cached("INSERT INTO service (id, organization_id, name, description, status, source_locale, "
           "last_modified) VALUES (?1, ?2, ?3, nullif(?4, ''), ?5, ?6, ?7)")
      .Bind(1, id).Bind(2, organization_id).Bind(3, input.name).Bind(4, input.description)
      .Bind(5, input.status).Bind(6, source_locale).Bind(7, now).Run();
  if (!location_id.empty()) {
    c.Cached("INSERT INTO service_at_location (id, service_id, location_id) VALUES (?1, ?2, ?3)")
        .Bind(1, DeterministicUuid("service_at_location:" + std::string(id) + ":" +
                                   std::string(location_id)))
        .Bind(2, id).Bind(3, location_id).Run();
  }
  WriteOriginal(c, "service", id, "name", source_locale, input.name, now);
  WriteOriginal(c, "service", id, "description", source_locale, input.description, now);
  ReplaceTerms(c, "service", id, "service-type", input.types);
  ReplaceTerms(c, "service", id, "target-group", input.audiences);
  RecordChanges(c, "service", id, "create",
                {{"name", "", input.name}, {"description", "", input.description},
                 {"status", "", input.status}, {"types", "", Join(input.types, ", ")},
                 {"audiences", "", Join(input.audiences, ", ")}},
                author, now);
  DirectoryTextsChanged(c, organization_id);
}

int UpdateService(Connection& c, const ServiceEditRecord& before,
                  const directory::ServiceInput& input, const Author& author,
                  std::string_view now) {
  const auto& b = before.input;
  int n = RecordChanges(c, "service", before.id, "update",
                        {{"name", b.name, input.name},
                         {"description", b.description, input.description},
                         {"status", b.status, input.status},
                         {"types", Join(b.types, ", "), Join(input.types, ", ")},
                         {"audiences", Join(b.audiences, ", "), Join(input.audiences, ", ")}},
                        author, now);
  if (n == 0) return 0;
  c.Cached("UPDATE service SET name = ?2, description = nullif(?3, ''), status = ?4, "
           "last_modified = ?5 WHERE id = ?1")
      .Bind(1, before.id).Bind(2, input.name).Bind(3, input.description).Bind(4, input.status)
      .Bind(5, now).Run();
  WriteOriginal(c, "service", before.id, "name", before.source_locale, input.name, now);
  WriteOriginal(c, "service", before.id, "description", before.source_locale, input.description,
                now);
  ReplaceTerms(c, "service", before.id, "service-type", input.types);
  ReplaceTerms(c, "service", before.id, "target-group", input.audiences);
  DirectoryTextsChanged(c, before.organization_id);
  return n;
}

// ---- proposals ----

namespace {

constexpr std::string_view kPendingColumns =
    "p.id, p.kind, p.entity, p.entity_id, p.organization_id, p.payload, p.summary, "
    "p.proposed_by, coalesce(a.display_name, ''), p.proposed_at, p.status, "
    "coalesce(d.display_name, ''), coalesce(p.decided_at, ''), coalesce(p.decision_note, ''), "
    "coalesce(o.slug, '') FROM pending_change p LEFT JOIN account a ON a.id = p.proposed_by "
    "LEFT JOIN account d ON d.id = p.decided_by LEFT JOIN organization o ON "
    "o.id = p.organization_id";

PendingChange ReadPending(Statement& st) {
  PendingChange p;
  p.id = st.Text(0);
  p.kind = st.Text(1);
  p.entity = st.Text(2);
  p.entity_id = st.Text(3);
  p.organization_id = st.Text(4);
  p.payload = st.Text(5);
  p.summary = st.Text(6);
  p.proposed_by = st.Text(7);
  p.proposed_by_name = st.Text(8);
  p.proposed_at = st.Text(9);
  p.status = st.Text(10);
  p.decided_by_name = st.Text(11);
  p.decided_at = st.Text(12);
  p.decision_note = st.Text(13);
  p.organization_slug = st.Text(14);
  return p;
}

}  // namespace

void InsertPendingChange(Connection& c, const PendingChange& p, const Author& author) {
  c.Cached("INSERT INTO pending_change (id, kind, entity, entity_id, organization_id, payload, "
           "summary, proposed_by, proposed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
      .Bind(1, p.id).Bind(2, p.kind).Bind(3, p.entity).Bind(4, p.entity_id)
      .Bind(5, p.organization_id).Bind(6, p.payload).Bind(7, p.summary).Bind(8, author.account_id)
      .Bind(9, p.proposed_at).Run();
  RecordChanges(c, p.entity, p.entity_id, "propose", {{p.kind, "", p.payload}}, author,
                p.proposed_at);
}

std::optional<PendingChange> PendingChangeById(Connection& c, std::string_view id) {
  Statement& st = c.Cached("SELECT " + std::string(kPendingColumns) + " WHERE p.id = ?1");
  st.Bind(1, id);
  std::optional<PendingChange> out;
  if (st.Step()) out = ReadPending(st);
  st.Reset();
  return out;
}

std::vector<PendingChange> PendingChanges(Connection& c, std::string_view organization_id,
                                          size_t limit) {
  Statement& st = c.Cached("SELECT " + std::string(kPendingColumns) +
                           " WHERE p.status = 'pending' AND (?1 = '' OR p.organization_id = ?1)"
                           " ORDER BY p.proposed_at, p.id LIMIT ?2");
  st.Bind(1, organization_id).Bind(2, static_cast<int64_t>(limit));
  std::vector<PendingChange> out;
  while (st.Step()) out.push_back(ReadPending(st));
  st.Reset();
  return out;
}

bool DecidePendingChange(Connection& c, std::string_view id, bool approved,
                         std::string_view note, const Author& author, std::string_view now) {
  auto p = PendingChangeById(c, id);
  if (!p || p->status != "pending") return false;
  c.Cached("UPDATE pending_change SET status = ?2, decided_by = ?3, decided_at = ?4, "
           "decision_note = nullif(?5, '') WHERE id = ?1 AND status = 'pending'")
      .Bind(1, id).Bind(2, approved ? "approved" : "rejected").Bind(3, author.account_id)
      .Bind(4, now).Bind(5, note).Run();
  RecordChanges(c, p->entity, p->entity_id, approved ? "approve" : "reject",
                {{p->kind, "", std::string(note)}}, author, now);
  return true;
}

}  // namespace tilti::store
