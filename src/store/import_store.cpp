#include "store/import_store.h"

#include "core/ids.h"
#include "directory/folding.h"
#include "store/database.h"
#include "store/hours_queries.h"
#include "store/search_index.h"
#include "store/slugs.h"

namespace tilti::store {
namespace {

using exchange::LibraryRecord;

// As in demo_store: an upsert changes a row (and its last_modified) only when a value differs.
constexpr std::string_view kOrganization = R"(
INSERT INTO organization (id, slug, kind, name, alternate_name, description, email, website,
                          parent_organization_id, country, source_locale, last_modified)
VALUES (?1, ?2, ?3, ?4, ?5, coalesce(?6, ''), ?7, ?8, ?9, ?10, ?11, ?12)
ON CONFLICT (id) DO UPDATE SET
  kind = excluded.kind, name = excluded.name, alternate_name = excluded.alternate_name,
  description = excluded.description, email = excluded.email, website = excluded.website,
  parent_organization_id = excluded.parent_organization_id, country = excluded.country,
  source_locale = excluded.source_locale, last_modified = excluded.last_modified
WHERE (organization.kind, organization.name, organization.alternate_name,
       organization.description, organization.email, organization.website,
       organization.parent_organization_id, organization.country, organization.source_locale)
      IS DISTINCT FROM
      (excluded.kind, excluded.name, excluded.alternate_name, excluded.description,
       excluded.email, excluded.website, excluded.parent_organization_id, excluded.country,
       excluded.source_locale))";

constexpr std::string_view kLocation = R"(
INSERT INTO location (id, location_type, organization_id, name, latitude, longitude,
                      external_identifier, external_identifier_type, slug,
                      coordinates_approximate, time_zone, holiday_calendar_id, source_locale,
                      last_modified)
VALUES (?1, 'physical', ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9, NULL, ?10, ?11)
ON CONFLICT (id) DO UPDATE SET
  organization_id = excluded.organization_id, name = excluded.name,
  latitude = excluded.latitude, longitude = excluded.longitude,
  external_identifier = excluded.external_identifier,
  external_identifier_type = excluded.external_identifier_type,
  time_zone = excluded.time_zone, source_locale = excluded.source_locale,
  last_modified = excluded.last_modified
WHERE (location.organization_id, location.name, location.latitude, location.longitude,
       location.external_identifier, location.external_identifier_type, location.time_zone,
       location.source_locale) IS DISTINCT FROM
      (excluded.organization_id, excluded.name, excluded.latitude, excluded.longitude,
       excluded.external_identifier, excluded.external_identifier_type, excluded.time_zone,
       excluded.source_locale))";

constexpr std::string_view kAddress = R"(
INSERT INTO address (id, location_id, address_1, address_2, city, state_province, postal_code,
                     country, address_type)
VALUES (?1, ?2, coalesce(?3, ''), ?4, coalesce(?5, ''), coalesce(?6, ''), coalesce(?7, ''), ?8,
        'physical')
ON CONFLICT (id) DO UPDATE SET
  address_1 = excluded.address_1, address_2 = excluded.address_2, city = excluded.city,
  state_province = excluded.state_province, postal_code = excluded.postal_code,
  country = excluded.country
WHERE (address.address_1, address.address_2, address.city, address.state_province,
       address.postal_code, address.country) IS DISTINCT FROM
      (excluded.address_1, excluded.address_2, excluded.city, excluded.state_province,
       excluded.postal_code, excluded.country))";

constexpr std::string_view kPhone = R"(
INSERT INTO phone (id, location_id, number, type) VALUES (?1, ?2, ?3, 'voice')
ON CONFLICT (id) DO UPDATE SET number = excluded.number
WHERE phone.number IS DISTINCT FROM excluded.number)";

constexpr std::string_view kService = R"(
INSERT INTO service (id, organization_id, name, status, source_locale, last_modified)
VALUES (?1, ?2, ?3, 'active', ?4, ?5)
ON CONFLICT (id) DO UPDATE SET
  organization_id = excluded.organization_id, name = excluded.name,
  source_locale = excluded.source_locale, last_modified = excluded.last_modified
WHERE (service.organization_id, service.name, service.source_locale) IS DISTINCT FROM
      (excluded.organization_id, excluded.name, excluded.source_locale))";

constexpr std::string_view kServiceAtLocation = R"(
INSERT INTO service_at_location (id, service_id, location_id) VALUES (?1, ?2, ?3)
ON CONFLICT (id) DO NOTHING)";

// A timetable the source wrote in a form we cannot read, kept as HSDS describes it: a schedule
// with only a description.
constexpr std::string_view kHoursNote = R"(
INSERT INTO schedule (id, location_id, description) VALUES (?1, ?2, ?3)
ON CONFLICT (id) DO UPDATE SET description = excluded.description
WHERE schedule.description IS DISTINCT FROM excluded.description)";

constexpr std::string_view kAttribute = R"(
INSERT INTO attribute (id, link_id, taxonomy_term_id, link_entity)
SELECT ?1, ?2, t.id, ?3 FROM taxonomy_term t JOIN taxonomy x ON x.id = t.taxonomy_id
 WHERE x.code = ?4 AND t.code = ?5
ON CONFLICT DO NOTHING)";

// Only the original (source-language) name: translations come from people, later.
constexpr std::string_view kTranslation = R"(
INSERT INTO translation (entity, entity_id, field, locale, value, source, updated_at)
VALUES (?1, ?2, 'name', ?3, ?4, 'original', ?5)
ON CONFLICT (entity, entity_id, field, locale) DO UPDATE SET
  value = excluded.value, source = 'original', updated_at = excluded.updated_at
WHERE (translation.value, translation.source) IS DISTINCT FROM (excluded.value, 'original'))";

class Writer {
 public:
  Writer(Connection& c, std::string_view now) : c_(c), now_(now) {}

  // Returns whether the library is new.
  bool Write(const LibraryRecord& r) {
    const std::string key = r.source + ":" + r.external_id;
    const std::string org_id = DeterministicUuid("organization:" + key);
    const std::string location_id = DeterministicUuid("location:" + key);
    const std::string service_id = DeterministicUuid("service:" + key);

    std::optional<std::string> parent_id;
    if (r.operator_name) parent_id = WriteOperator(r);

    auto existing = ExistingSlug(org_id);
    const std::string slug = existing ? *existing : NewSlug(r);

    c_.Cached(std::string(kOrganization))
        .Bind(1, org_id).Bind(2, slug).Bind(3, "library").Bind(4, r.name)
        .Bind(5, r.alternate_name).Bind(6, r.description).Bind(7, r.email).Bind(8, r.website)
        .Bind(9, parent_id).Bind(10, r.country).Bind(11, r.locale).Bind(12, now_).Run();
    c_.Cached(std::string(kLocation))
        .Bind(1, location_id).Bind(2, org_id).Bind(3, r.name).Bind(4, r.latitude)
        .Bind(5, r.longitude).Bind(6, r.external_id).Bind(7, r.source).Bind(8, slug)
        .Bind(9, r.time_zone).Bind(10, r.locale).Bind(11, now_).Run();
    if (r.address_1 || r.city || r.postal_code) {
      c_.Cached(std::string(kAddress))
          .Bind(1, DeterministicUuid("address:" + key)).Bind(2, location_id)
          .Bind(3, r.address_1).Bind(4, r.address_2).Bind(5, r.city).Bind(6, r.region)
          .Bind(7, r.postal_code).Bind(8, r.country).Run();
    }
    if (r.phone) {
      c_.Cached(std::string(kPhone))
          .Bind(1, DeterministicUuid("phone:" + key)).Bind(2, location_id).Bind(3, *r.phone)
          .Run();
    }
    c_.Cached(std::string(kService))
        .Bind(1, service_id).Bind(2, org_id).Bind(3, r.name).Bind(4, r.locale).Bind(5, now_)
        .Run();
    c_.Cached(std::string(kServiceAtLocation))
        .Bind(1, DeterministicUuid("service_at_location:" + key)).Bind(2, service_id)
        .Bind(3, location_id).Run();
    for (const auto& [entity, id] : {std::pair{"organization", org_id},
                                     std::pair{"location", location_id},
                                     std::pair{"service", service_id}}) {
      c_.Cached(std::string(kTranslation))
          .Bind(1, entity).Bind(2, id).Bind(3, r.locale).Bind(4, r.name).Bind(5, now_).Run();
    }
    ReplaceWeeklyHours(c_, location_id, r.hours, now_);
    if (r.hours_note) {
      c_.Cached(std::string(kHoursNote))
          .Bind(1, DeterministicUuid("schedule-note:" + key)).Bind(2, location_id)
          .Bind(3, *r.hours_note).Run();
    }
    if (r.wheelchair_accessible) {
      Attribute("location", location_id, "accessibility", "step-free-entrance", key);
    }
    if (r.free_internet) Attribute("service", service_id, "service-type", "free-internet", key);
    return !existing;
  }

 private:
  std::string WriteOperator(const LibraryRecord& r) {
    const std::string key = r.source + ":operator:" + *r.operator_name;
    const std::string id = DeterministicUuid("organization:" + key);
    auto existing = ExistingSlug(id);
    const std::string slug = existing ? *existing : UniqueSlug(directory::Fold(*r.operator_name));
    c_.Cached(std::string(kOrganization))
        .Bind(1, id).Bind(2, slug).Bind(3, "municipal_body").Bind(4, *r.operator_name)
        .BindNull(5).BindNull(6).BindNull(7).BindNull(8).BindNull(9).Bind(10, r.country)
        .Bind(11, r.locale).Bind(12, now_).Run();
    c_.Cached(std::string(kTranslation))
        .Bind(1, "organization").Bind(2, id).Bind(3, r.locale).Bind(4, *r.operator_name)
        .Bind(5, now_).Run();
    return id;
  }

  void Attribute(std::string_view entity, const std::string& id, std::string_view taxonomy,
                 std::string_view term, const std::string& key) {
    c_.Cached(std::string(kAttribute))
        .Bind(1, DeterministicUuid("attribute:" + key + ":" + std::string(term)))
        .Bind(2, id).Bind(3, entity).Bind(4, taxonomy).Bind(5, term).Run();
  }

  std::optional<std::string> ExistingSlug(const std::string& org_id) {
    Statement& st = c_.Cached("SELECT slug FROM organization WHERE id = ?1");
    st.Bind(1, org_id);
    std::optional<std::string> slug;
    if (st.Step()) slug = st.OptText(0);
    st.Reset();
    return slug;
  }

  std::string NewSlug(const LibraryRecord& r) {
    std::string base = directory::Fold(r.name);
    if (r.city) {
      std::string town = directory::Fold(*r.city);
      if (!town.empty() && base.find(town) == std::string::npos) base += " " + town;
    }
    return UniqueSlug(base);
  }

  // Slugs given earlier in this import are visible to store::UniqueSlug: each is written at
  // once.
  std::string UniqueSlug(std::string folded) { return store::UniqueSlug(c_, std::move(folded)); }

  Connection& c_;
  std::string now_;
};

}  // namespace

ImportCounts ImportLibraries(Database& db, const std::vector<LibraryRecord>& records,
                             std::string_view now_rfc3339) {
  return db.Write([&](Connection& c) {
    // A large import touches every page of the directory tables and indexes more than once:
    // a page cache that holds them all saves re-reading and re-writing them (measured: the
    // IMLS list spent a third of its time in pread/pwrite with the default cache). SQLite
    // only: PostgreSQL's shared buffers are the server's to size.
    const std::string cache_size = c.IsPostgres() ? "" : c.Pragma("cache_size");
    if (!cache_size.empty()) c.Exec("PRAGMA cache_size = -262144");  // 256 MiB, this import
    struct Restore {
      Connection& c;
      std::string size;
      ~Restore() {
        if (size.empty()) return;
        try {
          c.Exec("PRAGMA cache_size = " + size);
        } catch (...) {  // never throw while unwinding; the size only matters for speed
        }
      }
    } restore{c, cache_size};
    BulkLoadPlans plans(c, "organization, location, address, phone, service, "
                           "service_at_location, schedule, attribute, translation");
    ImportCounts counts;
    Writer writer(c, now_rfc3339);
    for (const LibraryRecord& r : records) {
      if (writer.Write(r)) ++counts.added;
      plans.Wrote();
      ++counts.libraries;
      if (!r.hours.empty()) ++counts.with_hours;
      if (r.latitude) ++counts.with_coordinates;
    }
    RebuildLibraryIndex(c);
    return counts;
  });
}

}  // namespace tilti::store
