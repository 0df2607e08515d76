#pragma once
// Reading the demo's sample files (demo/sample_*.json): small helpers shared by their loaders.
#include <boost/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql.h"

namespace tilti::store::demo_json {

namespace json = boost::json;

inline std::string Str(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

inline std::vector<std::string> Strings(const json::object& o, std::string_view key) {
  std::vector<std::string> out;
  if (const json::value* v = o.if_contains(key); v && v->is_array()) {
    for (const auto& s : v->as_array()) out.emplace_back(s.as_string());
  }
  return out;
}

inline std::string One(Connection& c, std::string_view sql, std::string_view arg) {
  Statement st = c.Prepare(sql);
  st.Bind(1, arg);
  return st.Step() ? st.Text(0) : std::string();
}

inline std::string TermId(Connection& c, std::string_view taxonomy, std::string_view code) {
  Statement st = c.Prepare(
      "SELECT tt.id FROM taxonomy_term tt JOIN taxonomy t ON t.id = tt.taxonomy_id "
      "WHERE t.code = ?1 AND tt.code = ?2");
  st.Bind(1, taxonomy).Bind(2, code);
  if (!st.Step()) throw std::runtime_error("demo: unknown term " + std::string(code));
  return st.Text(0);
}

}  // namespace tilti::store::demo_json
