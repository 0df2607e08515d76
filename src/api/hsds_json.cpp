#include "api/hsds_json.h"

#include <algorithm>
#include <cmath>

namespace tilti::api {
namespace {

namespace json = boost::json;
using namespace store::hsds;  // NOLINT: the record types of this file's one job

void Put(json::object& o, std::string_view key, const std::optional<std::string>& v) {
  if (v && !v->empty()) o[key] = *v;
}
void Put(json::object& o, std::string_view key, const std::optional<int64_t>& v) {
  if (v) o[key] = *v;
}
void Put(json::object& o, std::string_view key, const std::optional<double>& v) {
  if (v) o[key] = *v;
}
// One "tilti:language" object per record: {"name": "uk", "description": "lv"}.
void PutTexts(json::object& o,
              std::initializer_list<std::pair<std::string_view, const LocalizedText*>> texts,
              bool always = true) {
  json::object langs;
  for (const auto& [key, t] : texts) {
    if (always || !t->text.empty()) o[key] = t->text;
    if (!t->locale.empty() && !t->text.empty()) langs[key] = t->locale;
  }
  if (!langs.empty()) o["tilti:language"] = std::move(langs);
}

json::array PhonesJson(const std::vector<PhoneRecord>& phones) {
  json::array out;
  for (const auto& p : phones) {
    json::object o{{"id", p.id}, {"number", p.number}};
    Put(o, "extension", p.extension);
    Put(o, "type", p.type);
    Put(o, "description", p.description);
    out.push_back(std::move(o));
  }
  return out;
}

json::array SchedulesJson(const std::vector<ScheduleRecord>& schedules) {
  json::array out;
  for (const auto& s : schedules) {
    json::object o{{"id", s.id}};
    Put(o, "service_id", s.service_id);
    Put(o, "location_id", s.location_id);
    Put(o, "service_at_location_id", s.service_at_location_id);
    Put(o, "valid_from", s.valid_from);
    Put(o, "valid_to", s.valid_to);
    Put(o, "dtstart", s.dtstart);
    Put(o, "until", s.until);
    Put(o, "wkst", s.wkst);
    Put(o, "freq", s.freq);
    Put(o, "interval", s.interval);
    Put(o, "count", s.count);
    Put(o, "byday", s.byday);
    Put(o, "bymonthday", s.bymonthday);
    Put(o, "opens_at", s.opens_at);
    Put(o, "closes_at", s.closes_at);
    Put(o, "description", s.description);
    Put(o, "notes", s.notes);
    out.push_back(std::move(o));
  }
  return out;
}

json::array LanguagesJson(const std::vector<LanguageRecord>& languages) {
  json::array out;
  for (const auto& l : languages) {
    json::object o{{"id", l.id}, {"code", l.code}};
    Put(o, "service_id", l.service_id);
    Put(o, "location_id", l.location_id);
    Put(o, "name", l.name);
    Put(o, "note", l.note);
    out.push_back(std::move(o));
  }
  return out;
}

json::array AttributesJson(const std::vector<AttributeRecord>& attributes) {
  json::array out;
  for (const auto& a : attributes) {
    json::object o{{"id", a.id},
                   {"link_id", a.link_id},
                   {"link_entity", a.link_entity},
                   {"taxonomy_term_id", a.term.id},
                   {"taxonomy_term", TaxonomyTermJson(a.term)}};
    Put(o, "link_type", a.link_type);
    Put(o, "value", a.value);
    Put(o, "label", a.label);
    out.push_back(std::move(o));
  }
  return out;
}

json::object LocationJson(const LocationRecord& l) {
  json::object o{{"id", l.id}, {"location_type", l.location_type}};
  Put(o, "url", l.url);
  Put(o, "organization_id", l.organization_id);
  PutTexts(o, {{"name", &l.name}, {"description", &l.description}}, false);
  Put(o, "latitude", l.latitude);
  Put(o, "longitude", l.longitude);
  Put(o, "tilti:municipality_id", l.municipality_id);
  o["tilti:coordinates_approximate"] = l.coordinates_approximate;
  Put(o, "tilti:assured_date", l.assured_date);
  o["tilti:last_modified"] = l.last_modified;
  json::array addresses;
  for (const auto& a : l.addresses) {
    json::object ao{{"id", a.id},
                    {"location_id", a.location_id},
                    {"address_1", a.address_1},
                    {"city", a.city},
                    {"state_province", a.state_province},
                    {"postal_code", a.postal_code},
                    {"country", a.country},
                    {"address_type", a.address_type}};
    Put(ao, "attention", a.attention);
    Put(ao, "address_2", a.address_2);
    Put(ao, "region", a.region);
    addresses.push_back(std::move(ao));
  }
  o["addresses"] = std::move(addresses);
  o["phones"] = PhonesJson(l.phones);
  o["schedules"] = SchedulesJson(l.schedules);
  json::array exceptions;
  for (const auto& e : l.exceptions) {
    json::object eo{{"date", e.date}, {"closed", e.closed}};
    Put(eo, "opens_at", e.opens_at);
    Put(eo, "closes_at", e.closes_at);
    Put(eo, "note", e.note);
    exceptions.push_back(std::move(eo));
  }
  o["tilti:schedule_exceptions"] = std::move(exceptions);
  o["languages"] = LanguagesJson(l.languages);
  o["attributes"] = AttributesJson(l.attributes);
  return o;
}

}  // namespace

boost::json::object TaxonomyJson(const TaxonomyRecord& t) {
  json::object o{{"id", t.id}};
  PutTexts(o, {{"name", &t.name}, {"description", &t.description}});
  Put(o, "uri", t.uri);
  Put(o, "version", t.version);
  return o;
}

boost::json::object TaxonomyTermJson(const TaxonomyTermRecord& t) {
  json::object o{{"id", t.id}, {"code", t.code}};
  PutTexts(o, {{"name", &t.name}, {"description", &t.description}});
  // HSDS "language": the language of this term's name as written here.
  if (!t.name.locale.empty()) o["language"] = t.name.locale;
  Put(o, "parent_id", t.parent_id);
  Put(o, "taxonomy", t.taxonomy);
  Put(o, "taxonomy_id", t.taxonomy_id);
  Put(o, "term_uri", t.term_uri);
  if (t.taxonomy_detail) o["taxonomy_detail"] = TaxonomyJson(*t.taxonomy_detail);
  return o;
}

boost::json::object ServiceJson(const ServiceRecord& s, Depth depth) {
  json::object o{{"id", s.id}};
  if (depth == Depth::kMinimal) {
    PutTexts(o, {{"name", &s.name}});
    o["status"] = s.status;
    o["last_modified"] = s.last_modified;
    return o;
  }
  o["organization_id"] = s.organization_id;
  Put(o, "program_id", s.program_id);
  PutTexts(o, {{"name", &s.name}, {"description", &s.description}});
  Put(o, "alternate_name", s.alternate_name);
  Put(o, "url", s.url);
  Put(o, "email", s.email);
  o["status"] = s.status;
  Put(o, "fees_description", s.fees_description);
  Put(o, "eligibility_description", s.eligibility_description);
  Put(o, "alert", s.alert);
  Put(o, "minimum_age", s.minimum_age);
  Put(o, "maximum_age", s.maximum_age);
  Put(o, "assured_date", s.assured_date);
  o["last_modified"] = s.last_modified;
  if (depth != Depth::kFull) return o;
  if (s.organization) o["organization"] = OrganizationJson(*s.organization, Depth::kList);
  o["phones"] = PhonesJson(s.phones);
  o["schedules"] = SchedulesJson(s.schedules);
  o["languages"] = LanguagesJson(s.languages);
  json::array contacts;
  for (const auto& c : s.contacts) {
    json::object co{{"id", c.id}};
    Put(co, "name", c.name);
    Put(co, "title", c.title);
    Put(co, "department", c.department);
    Put(co, "email", c.email);
    contacts.push_back(std::move(co));
  }
  o["contacts"] = std::move(contacts);
  o["attributes"] = AttributesJson(s.attributes);
  json::array sals;
  for (const auto& r : s.service_at_locations) sals.push_back(ServiceAtLocationJson(r, depth));
  o["service_at_locations"] = std::move(sals);
  // Tilti keeps its audit trail private; the array is present and empty (see the profile).
  o["metadata"] = json::array();
  return o;
}

boost::json::object OrganizationJson(const OrganizationRecord& org, Depth depth) {
  json::object o{{"id", org.id}};
  PutTexts(o, {{"name", &org.name}, {"description", &org.description}});
  if (depth == Depth::kMinimal) return o;
  Put(o, "alternate_name", org.alternate_name);
  Put(o, "email", org.email);
  Put(o, "website", org.website);
  Put(o, "uri", org.uri);
  Put(o, "parent_organization_id", org.parent_organization_id);
  Put(o, "year_incorporated", org.year_incorporated);
  o["tilti:kind"] = org.kind;
  Put(o, "tilti:municipality_id", org.municipality_id);
  Put(o, "tilti:assured_date", org.assured_date);
  o["tilti:last_modified"] = org.last_modified;
  if (depth != Depth::kFull) return o;
  o["phones"] = PhonesJson(org.phones);
  json::array locations;
  for (const auto& l : org.locations) locations.push_back(LocationJson(l));
  o["locations"] = std::move(locations);
  o["attributes"] = AttributesJson(org.attributes);
  // Only ids: each service is one request away (/services/{id}), and a nested HSDS service
  // would need its name and status, so the bare ids go in an extension member.
  json::array service_ids;
  for (const auto& id : org.service_ids) service_ids.emplace_back(id);
  o["tilti:service_ids"] = std::move(service_ids);
  o["metadata"] = json::array();
  return o;
}

boost::json::object ServiceAtLocationJson(const ServiceAtLocationRecord& r, Depth depth) {
  json::object o{{"id", r.id}, {"service_id", r.service_id}, {"location_id", r.location_id}};
  Put(o, "description", r.description);
  if (r.distance_km) o["tilti:distance_km"] = std::round(*r.distance_km * 1000) / 1000;
  if (depth == Depth::kMinimal) return o;
  o["location"] = LocationJson(r.location);
  o["phones"] = PhonesJson(r.phones);
  o["schedules"] = SchedulesJson(r.schedules);
  if (r.service) o["service"] = ServiceJson(*r.service, Depth::kList);
  if (r.service && r.service->organization) {
    o["service"].as_object()["organization"] =
        OrganizationJson(*r.service->organization, Depth::kList);
  }
  return o;
}

boost::json::object PageJson(int64_t total_items, int page, int per_page,
                             boost::json::array contents) {
  const int64_t total_pages = std::max<int64_t>(1, (total_items + per_page - 1) / per_page);
  json::object o;
  o["total_items"] = total_items;
  o["total_pages"] = total_pages;
  o["page_number"] = page;
  o["size"] = static_cast<int64_t>(contents.size());
  o["first_page"] = page == 1;
  o["last_page"] = page >= total_pages;
  o["empty"] = contents.empty();
  o["contents"] = std::move(contents);
  return o;
}

}  // namespace tilti::api
