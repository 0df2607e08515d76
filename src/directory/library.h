#pragma once
// Read models of the directory: what the public pages show about libraries.
#include <optional>
#include <string>
#include <vector>

#include "core/localized_text.h"
#include "directory/opening_hours.h"

namespace tilti::directory {

struct LibrarySummary {
  std::string slug;
  LocalizedText name;
  std::string municipality_id;
  LocalizedText municipality_name;
  LocalizedText town;
};

// Libraries grouped by municipality, both in the order the caller's collation decides.
struct MunicipalityGroup {
  std::string municipality_id;
  LocalizedText name;
  std::vector<LibrarySummary> libraries;
};

struct ServiceSummary {
  std::string id;
  std::string at_location_id;  // its service_at_location at this library; "" if none
  LocalizedText name;
  LocalizedText description;
  std::vector<LocalizedText> types;  // service-type taxonomy terms
  std::vector<LocalizedText> audiences;  // target-group taxonomy terms
};

// A service as offered at one library location (HSDS service_at_location).
struct ServiceAtLibrary {
  std::string id;  // service_at_location id
  ServiceSummary service;
  std::vector<std::string> language_codes;  // languages the service is offered in
  std::string library_slug;
  LocalizedText library_name;
  LocalizedText town;
  std::string location_id;
  std::optional<WeeklyHours> hours;  // the location's opening hours
};

struct InitiativeSummary {
  std::string slug;
  LocalizedText name;
  std::string role;  // the library's role: lead, partner, participant, administrator
};

struct PartnerSummary {
  LocalizedText name;
  std::string role;  // 'municipality' or 'integration'
};

// A language the library's staff speak; `weekdays` ISO 1..7 when only on some days (empty:
// every opening day).
struct SpokenLanguage {
  std::string code;  // ISO 639-1
  std::vector<int> weekdays;
};

struct Phone {
  std::string number;
  std::optional<std::string> description;
};

struct LibraryDetail {
  std::string id;
  std::string location_id;
  std::string slug;
  LocalizedText name;
  LocalizedText description;
  LocalizedText municipality_name;
  LocalizedText town;
  std::optional<double> latitude;
  std::optional<double> longitude;
  bool coordinates_approximate = false;
  std::optional<std::string> website;
  std::optional<std::string> email;
  std::vector<Phone> phones;
  std::vector<ServiceSummary> services;
  std::vector<LocalizedText> accessibility;  // accessibility features of the location
  std::vector<SpokenLanguage> languages;     // spoken by staff at the location
  std::vector<InitiativeSummary> initiatives;
  std::vector<PartnerSummary> partners;
  std::optional<std::string> assured_date;
  std::string last_modified;
  std::optional<WeeklyHours> hours;  // nullopt: the library has not given its hours
};

}  // namespace tilti::directory
