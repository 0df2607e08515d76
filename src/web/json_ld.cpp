#include "web/json_ld.h"

#include <boost/json.hpp>

namespace tilti::web {
namespace {

constexpr const char* kDays[] = {"", "Monday", "Tuesday", "Wednesday", "Thursday",
                                 "Friday", "Saturday", "Sunday"};

}  // namespace

std::string ScriptSafeJson(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xe2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
               (json[i + 2] == '\xa8' || json[i + 2] == '\xa9')) {
      out += json[i + 2] == '\xa8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string LibraryJsonLd(const directory::LibraryDetail& library, std::string_view url,
                          const store::LibraryPlace& place) {
  boost::json::object o;
  o["@context"] = "https://schema.org";
  o["@type"] = "Library";
  o["@id"] = std::string(url);
  o["url"] = std::string(url);
  o["name"] = library.name.text;
  if (!library.name.locale.empty()) o["inLanguage"] = library.name.locale;
  if (!library.description.empty()) o["description"] = library.description.text;
  if (!library.phones.empty()) o["telephone"] = library.phones.front().number;
  if (library.email) o["email"] = *library.email;
  if (library.website) o["sameAs"] = *library.website;
  boost::json::object address{{"@type", "PostalAddress"}, {"addressCountry", place.country}};
  if (const auto& a = place.address) {
    std::string street = a->address_1;
    if (a->address_2) street += (street.empty() ? "" : ", ") + *a->address_2;
    if (!street.empty()) address["streetAddress"] = street;
    if (!a->city.empty()) address["addressLocality"] = a->city;
    if (!a->postal_code.empty()) address["postalCode"] = a->postal_code;
  }
  if (!address.contains("addressLocality") && !library.town.empty()) {
    address["addressLocality"] = library.town.text;
  }
  if (!library.municipality_name.empty()) {
    address["addressRegion"] = library.municipality_name.text;
  } else if (place.address && !place.address->state_province.empty()) {
    address["addressRegion"] = place.address->state_province;
  }
  o["address"] = std::move(address);
  if (library.latitude && library.longitude) {
    o["geo"] = {{"@type", "GeoCoordinates"},
                {"latitude", *library.latitude},
                {"longitude", *library.longitude}};
  }
  if (library.hours) {
    boost::json::array spec;
    for (const auto& p : library.hours->periods()) {
      if (p.weekday < 1 || p.weekday > 7) continue;
      boost::json::object s{{"@type", "OpeningHoursSpecification"},
                            {"dayOfWeek", std::string("https://schema.org/") + kDays[p.weekday]},
                            {"opens", directory::FormatClockTime(p.opens_min)},
                            {"closes", directory::FormatClockTime(p.closes_min)}};
      spec.push_back(std::move(s));
    }
    if (!spec.empty()) o["openingHoursSpecification"] = std::move(spec);
  }
  return ScriptSafeJson(boost::json::serialize(o));
}

}  // namespace tilti::web
