#pragma once
// The library search's filters, typed at the edge from the query string (STYLE habit 6), and the
// pure rules around them: pagination, distances, "what to drop". No I/O, thread-safe.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tilti::directory {

// Results per page of the library search.
inline constexpr size_t kSearchPageSize = 20;
// Radius of a "near" search when none (or a bad one) is given, and the largest allowed, in km.
inline constexpr double kDefaultRadiusKm = 50;
inline constexpr double kMaxRadiusKm = 300;

// What the query string asked for. Lists keep the order given, without duplicates.
struct SearchFilters {
  std::string query;                        // q: free text, "" = none
  std::vector<std::string> services;        // service: service-type term codes
  std::vector<std::string> audiences;       // audience: target-group term codes
  std::vector<std::string> languages;       // language: ISO 639-1 codes
  std::vector<std::string> access;          // access: accessibility term codes
  std::vector<std::string> municipalities;  // municipality: ISO 3166-2 ids (LV-DGV, LV-011)
  bool open_now = false;                    // open=now
  // open=YYYY-MM-DDTHH:MM: open at that wall-clock date and time, each library on its own clock
  // (the form's spelling: open_date=YYYY-MM-DD (or DD.MM.YYYY) and open_time=HH:MM).
  std::optional<std::chrono::year_month_day> open_date;
  int open_minute = 0;                      // with open_date: minutes after midnight, 0..1439
  bool bad_open = false;                    // a day and time given but not a valid pair
  std::string open_date_text, open_time_text;  // with bad_open: as typed, for the form
  std::string near;                         // near: a place name in any language, "" = none
  std::optional<double> lat, lon;           // lat+lon: both valid, or both absent
  bool bad_coordinates = false;             // lat/lon given but not a valid pair
  double radius_km = kDefaultRadiusKm;      // radius: 1..kMaxRadiusKm
  int page = 1;                             // page: 1-based

  bool HasLocation() const { return lat.has_value() || !near.empty(); }
  // Whether any filter but `page` is set (the query included).
  bool Any() const;
};

// Builds the filters from decoded (name, value) pairs of a query string. Never fails:
// unknown names, malformed codes ("../x", 200 letters), a page that is not a positive number
// and a bad radius are ignored (defaults stay); repeated names add to the lists. lat and lon
// must both be decimal numbers within -90..90 and -180..180, else both are dropped and
// bad_coordinates is set (the page says so). lat and lon are ignored when `near` is given.
// open=now and open=YYYY-MM-DDTHH:MM may both be given (both must hold). The form's
// open_date + open_time are read instead of an open=<date> when either is not empty; both must
// be then. A date and time that is malformed or impossible (2026-02-30, 25:00), or half given,
// sets bad_open, keeps what was typed in open_date_text/open_time_text and filters nothing.
SearchFilters ParseSearchFilters(const std::vector<std::pair<std::string, std::string>>& params);

// The filters as query-string pairs (the inverse of ParseSearchFilters, page left out when it
// is 1), for links that change one thing and keep the rest.
std::vector<std::pair<std::string, std::string>> FilterParams(const SearchFilters& f);

// "2026-11-24T10:00" for a filter with open_date; "" without.
std::string OpenAtValue(const SearchFilters& f);
// "2026-11-24" and "10:00", the form fields' values ("" without open_date).
std::string OpenDateValue(const SearchFilters& f);
std::string OpenTimeValue(const SearchFilters& f);

// One active filter the reader may drop: its parameter, its value and the parameters of the
// same search without it (page reset to 1).
// "a=1&b=x+y": the pairs percent-encoded for a URL's query (UTF-8 bytes other than
// A-Z a-z 0-9 - . _ ~ as %XX, a space as '+'); "" for no pairs.
std::string QueryString(const std::vector<std::pair<std::string, std::string>>& params);

struct DroppableFilter {
  std::string param;  // "q", "service", "near", "open", ...
  std::string value;
  std::vector<std::pair<std::string, std::string>> params_without;
};
std::vector<DroppableFilter> DroppableFilters(const SearchFilters& f);

struct Pagination {
  int page = 1;       // as asked (may lie past the last page: an empty, valid page)
  int pages = 1;      // at least 1
  size_t offset = 0;  // index of the page's first result
  size_t count = 0;   // results on this page
  bool has_previous = false;
  bool has_next = false;
};
// The slice of `total` results that page `page` (>= 1) of `per_page` (>= 1) shows.
Pagination Paginate(size_t total, int page, size_t per_page = kSearchPageSize);

// Great-circle distance in km between two WGS 84 points (haversine, mean radius 6371.0088 km).
double HaversineKm(double lat1, double lon1, double lat2, double lon2);

// The latitude/longitude box that holds every point within `radius_km` of (lat, lon).
struct GeoBox {
  double min_lat, max_lat, min_lon, max_lon;
};
GeoBox BoundingBox(double lat, double lon, double radius_km);

}  // namespace tilti::directory
