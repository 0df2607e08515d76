#include <boost/json.hpp>

#include <map>

#include "exchange/library_readers.h"
#include "exchange/osm_opening_hours.h"
#include "exchange/reader_support.h"

namespace tilti::exchange {
namespace {

namespace json = boost::json;

using Tags = std::map<std::string, std::string, std::less<>>;

std::optional<std::string> Tag(const Tags& tags, std::string_view key) {
  auto it = tags.find(key);
  if (it == tags.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

std::optional<std::string> FirstTag(const Tags& tags, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    if (auto value = Tag(tags, key)) return value;
  }
  return std::nullopt;
}

struct Element {
  std::string type;  // node, way, relation
  int64_t id = 0;
  std::optional<double> lat, lon;
  std::vector<int64_t> nodes;                              // a way's nodes
  std::vector<std::pair<std::string, int64_t>> members;   // a relation's (type, ref)
  Tags tags;
};

// The language of `name` when a name:xx tag repeats it; "und" (undetermined) otherwise: the
// OSM name tag is in the local language, which in Switzerland may be any of four.
std::string NameLocale(const Tags& tags, const std::string& name) {
  for (std::string_view locale : {"de", "fr", "it", "rm", "en"}) {
    if (Tag(tags, "name:" + std::string(locale)) == name) return std::string(locale);
  }
  return "und";
}

class Reader {
 public:
  explicit Reader(ReadResult& result) : result_(result) {}

  void Read(std::string_view bytes) {
    json::error_code ec;
    json::value doc = json::parse(bytes, ec);
    if (ec) {
      result_.errors.push_back({0, "not JSON: " + ec.message()});
      return;
    }
    const json::array* elements = nullptr;
    if (doc.is_object()) {
      if (auto* e = doc.as_object().if_contains("elements")) elements = e->if_array();
    }
    if (!elements) {
      result_.errors.push_back({0, "no \"elements\" array: not an Overpass API JSON answer"});
      return;
    }
    for (size_t i = 0; i < elements->size(); ++i) {
      if (auto e = ReadElement((*elements)[i], i)) {
        by_key_[e->type + "/" + std::to_string(e->id)] = all_.size();
        all_.push_back(std::move(*e));
      }
    }
    if (!result_.errors.empty()) return;
    RecordChecker checker;
    for (const Element& e : all_) {
      auto amenity = Tag(e.tags, "amenity");
      if (!amenity || *amenity != "library") continue;
      Convert(e, checker);
    }
  }

 private:
  std::optional<Element> ReadElement(const json::value& v, size_t index) {
    const std::string where = "elements[" + std::to_string(index) + "]";
    const json::object* o = v.if_object();
    const json::string* type = o ? o->contains("type") ? o->at("type").if_string() : nullptr : nullptr;
    const json::value* id = o ? o->if_contains("id") : nullptr;
    if (!type || !id || !id->is_int64()) {
      result_.errors.push_back({0, where + ": an element needs a \"type\" and a numeric \"id\""});
      return std::nullopt;
    }
    Element e;
    e.type = std::string(*type);
    e.id = id->as_int64();
    auto number = [&](std::string_view key) -> std::optional<double> {
      const json::value* n = o->if_contains(key);
      if (!n) return std::nullopt;
      if (n->is_double()) return n->as_double();
      if (n->is_int64()) return static_cast<double>(n->as_int64());
      result_.errors.push_back({0, where + "." + std::string(key) + ": not a number"});
      return std::nullopt;
    };
    e.lat = number("lat");
    e.lon = number("lon");
    if (const json::value* nodes = o->if_contains("nodes"); nodes && nodes->is_array()) {
      for (const json::value& n : nodes->as_array()) {
        if (n.is_int64()) e.nodes.push_back(n.as_int64());
      }
    }
    if (const json::value* members = o->if_contains("members"); members && members->is_array()) {
      for (const json::value& m : members->as_array()) {
        const json::object* mo = m.if_object();
        if (!mo || !mo->contains("type") || !mo->contains("ref")) continue;
        if (!mo->at("type").is_string() || !mo->at("ref").is_int64()) continue;
        e.members.emplace_back(std::string(mo->at("type").as_string()), mo->at("ref").as_int64());
      }
    }
    if (const json::value* tags = o->if_contains("tags"); tags && tags->is_object()) {
      for (const auto& [key, value] : tags->as_object()) {
        if (value.is_string()) e.tags.emplace(std::string(key), std::string(value.as_string()));
      }
    }
    return e;
  }

  const Element* Find(const std::string& type, int64_t id) const {
    auto it = by_key_.find(type + "/" + std::to_string(id));
    return it == by_key_.end() ? nullptr : &all_[it->second];
  }

  // Adds the coordinates of `e`'s nodes (a way's, or a relation's member ways' and nodes') to
  // the sums; false when one is missing from the file.
  bool SumNodes(const Element& e, double& lat, double& lon, int& n, int depth) const {
    if (e.type == "node") {
      if (!e.lat || !e.lon) return false;
      lat += *e.lat, lon += *e.lon, ++n;
      return true;
    }
    if (depth > 2) return false;
    if (e.type == "way") {
      for (int64_t ref : e.nodes) {
        const Element* node = Find("node", ref);
        if (!node || !SumNodes(*node, lat, lon, n, depth + 1)) return false;
      }
      return n > 0;
    }
    for (const auto& [type, ref] : e.members) {
      const Element* member = Find(type, ref);
      if (!member || !SumNodes(*member, lat, lon, n, depth + 1)) return false;
    }
    return n > 0;
  }

  void Convert(const Element& e, RecordChecker& checker) {
    LibraryRecord r;
    r.line = 0;
    r.source = "ch-osm";
    r.external_id = e.type + "/" + std::to_string(e.id);
    const std::string label = "OSM " + r.external_id;
    auto name = FirstTag(e.tags, {"name", "name:de", "name:fr", "name:it", "official_name"});
    if (!name) {
      result_.warnings.push_back({0, label + ": no name; not imported"});
      ++result_.skipped;
      return;
    }
    r.name = *name;
    r.locale = NameLocale(e.tags, r.name);
    r.alternate_name = FirstTag(e.tags, {"alt_name", "short_name"});
    r.description = Tag(e.tags, "description");
    r.country = "CH";
    r.time_zone = "Europe/Zurich";
    double lat = 0, lon = 0;
    int n = 0;
    if (SumNodes(e, lat, lon, n, 0)) {
      r.latitude = lat / n;
      r.longitude = lon / n;
    } else {
      result_.warnings.push_back({0, label + " (" + r.name + "): its nodes are not in the file; "
                                      "imported without coordinates"});
    }
    auto street = Tag(e.tags, "addr:street");
    auto number = Tag(e.tags, "addr:housenumber");
    if (street) r.address_1 = number ? *street + " " + *number : *street;
    r.address_2 = Tag(e.tags, "addr:housename");
    r.city = Tag(e.tags, "addr:city");
    r.postal_code = Tag(e.tags, "addr:postcode");
    r.phone = FirstTag(e.tags, {"contact:phone", "phone"});
    if (auto email = FirstTag(e.tags, {"contact:email", "email"})) r.email = NormaliseEmail(*email);
    if (auto web = FirstTag(e.tags, {"contact:website", "website", "url"})) {
      r.website = NormaliseWebsite(*web);
    }
    r.operator_name = Tag(e.tags, "operator");
    r.wheelchair_accessible = Tag(e.tags, "wheelchair") == "yes";
    auto internet = Tag(e.tags, "internet_access");
    r.free_internet = internet && *internet != "no" && Tag(e.tags, "internet_access:fee") == "no";
    if (auto hours = Tag(e.tags, "opening_hours")) {
      auto parsed = ParseOsmOpeningHours(*hours);
      if (parsed.ok()) {
        r.hours = std::move(parsed.value().periods);
        r.closed_on_public_holidays = parsed.value().closed_on_public_holidays;
      } else {
        r.hours_note = *hours;
        result_.warnings.push_back({0, label + " (" + r.name + "): opening_hours '" + *hours +
                                           "' not imported: " + parsed.error().detail});
      }
    }
    if (checker.Accept(r, result_.errors)) result_.records.push_back(std::move(r));
  }

  ReadResult& result_;
  std::vector<Element> all_;
  std::map<std::string, size_t> by_key_;
};

}  // namespace

ReadResult ReadSwissOsmJson(std::string_view bytes) {
  ReadResult result;
  Reader(result).Read(bytes);
  return result;
}

}  // namespace tilti::exchange
