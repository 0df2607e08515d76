#pragma once
// Serialises the records of store/hsds_queries.h as HSDS 3.0 JSON (schema/compiled/*.json).
// Absent values are left out rather than written as null: the schemas type every field as a
// plain string or number. Each human text carries the Tilti extension "tilti:language", the
// locale the text is actually in (the schemas allow additional properties).
#include <boost/json.hpp>

#include "store/hsds_queries.h"

namespace tilti::api {

// How much of a record to write.
enum class Depth {
  kMinimal,  // id, name, status, last_modified (services); id and name otherwise
  kList,     // the one-to-one fields, as schema/compiled/*_list.json
  kFull,     // every nested record the store loaded
};

boost::json::object ServiceJson(const store::hsds::ServiceRecord& s, Depth depth);
boost::json::object OrganizationJson(const store::hsds::OrganizationRecord& o, Depth depth);
boost::json::object ServiceAtLocationJson(const store::hsds::ServiceAtLocationRecord& r,
                                          Depth depth);
boost::json::object TaxonomyJson(const store::hsds::TaxonomyRecord& t);
boost::json::object TaxonomyTermJson(const store::hsds::TaxonomyTermRecord& t);

// The HSDS page envelope around `contents`. total_pages is at least 1 so that page 1 of an
// empty list is both the first and the last page.
boost::json::object PageJson(int64_t total_items, int page, int per_page,
                             boost::json::array contents);

}  // namespace tilti::api
