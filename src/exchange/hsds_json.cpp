#include "exchange/hsds_json.h"

#include <algorithm>
#include <boost/json/basic_parser_impl.hpp>
#include <map>
#include <set>
#include <utility>

namespace tilti::exchange {
namespace {

// Where a table's rows go in the organization tree. Two kinds:
//  - arrays: child.fk holds the parent's id (and, polymorphic, child.kind holds the parent's
//    table: parent "*"). A child table's rules are in priority order: a row goes under the
//    first whose parent exists.
//  - single objects: parent.fk holds the child's id; every parent gets a copy of the child.
struct Nest {
  const char* child;
  const char* parent;
  const char* fk;
  const char* kind;  // polymorphic arrays only
  const char* property;
  bool single;
};

constexpr Nest kNests[] = {
    {"program", "organization", "organization_id", nullptr, "programs", false},
    {"service", "organization", "organization_id", nullptr, "services", false},
    {"location", "organization", "organization_id", nullptr, "locations", false},
    {"service_at_location", "service", "service_id", nullptr, "service_at_locations", false},
    {"contact", "service_at_location", "service_at_location_id", nullptr, "contacts", false},
    {"contact", "location", "location_id", nullptr, "contacts", false},
    {"contact", "service", "service_id", nullptr, "contacts", false},
    {"contact", "organization", "organization_id", nullptr, "contacts", false},
    {"phone", "contact", "contact_id", nullptr, "phones", false},
    {"phone", "service_at_location", "service_at_location_id", nullptr, "phones", false},
    {"phone", "location", "location_id", nullptr, "phones", false},
    {"phone", "service", "service_id", nullptr, "phones", false},
    {"phone", "organization", "organization_id", nullptr, "phones", false},
    {"address", "location", "location_id", nullptr, "addresses", false},
    {"schedule", "service_at_location", "service_at_location_id", nullptr, "schedules", false},
    {"schedule", "location", "location_id", nullptr, "schedules", false},
    {"schedule", "service", "service_id", nullptr, "schedules", false},
    {"schedule_exception", "location", "location_id", nullptr, "schedule_exceptions", false},
    {"language", "phone", "phone_id", nullptr, "languages", false},
    {"language", "location", "location_id", nullptr, "languages", false},
    {"language", "service", "service_id", nullptr, "languages", false},
    {"accessibility", "location", "location_id", nullptr, "accessibility", false},
    {"url", "organization", "organization_id", nullptr, "urls", false},
    {"url", "service", "service_id", nullptr, "urls", false},
    {"place_name", "place", "place_id", nullptr, "names", false},
    {"taxonomy_term", "attribute", "taxonomy_term_id", nullptr, "taxonomy_term", true},
    {"taxonomy", "taxonomy_term", "taxonomy_id", nullptr, "taxonomy_detail", true},
    {"municipality", "organization", "municipality_id", nullptr, "municipality", true},
    {"place", "location", "place_id", nullptr, "place", true},
    {"municipality", "location", "municipality_id", nullptr, "municipality", true},
    {"municipality", "place", "municipality_id", nullptr, "municipality", true},
    {"attribute", "*", "link_id", "link_entity", "attributes", false},
    {"metadata", "*", "resource_id", "resource_type", "metadata", false},
    {"translation", "*", "entity_id", "entity", "translations", false},
};

// HSDS arrays of tables Tilti does not store: accepted when empty.
constexpr const char* kUnstoredArrays[] = {"funding", "organization_identifiers", "service_areas",
                                           "cost_options", "required_documents"};
// HSDS back-references (a copy of the parent inside the child): ignored on import.
constexpr const char* kBackReferences[] = {"organization", "program", "location"};

// The columns that identify a row (its primary key).
std::vector<std::string> KeyColumns(std::string_view table) {
  if (table == "translation") return {"entity", "entity_id", "field", "locale"};
  if (table == "place_name") return {"place_id", "locale", "name"};
  return {"id"};
}

std::string ValueKey(const Value& v) {
  switch (v.index()) {
    case 1:
      return "i" + std::to_string(std::get<int64_t>(v));
    case 2:
      return "r" + FormatReal(std::get<double>(v));
    case 3:
      return "t" + std::get<std::string>(v);
    default:
      return "n";
  }
}

bool IsNull(const Value& v) { return v.index() == 0; }

boost::json::value ToJson(const Value& v) {
  switch (v.index()) {
    case 1:
      return std::get<int64_t>(v);
    case 2:
      return std::get<double>(v);
    case 3:
      return boost::json::string(std::get<std::string>(v));
    default:
      return nullptr;
  }
}

class Writer {
 public:
  explicit Writer(const TableSet& set) : set_(set) {
    for (const auto& t : set.tables) {
      int id = t.ColumnIndex("id");
      if (id < 0) continue;
      auto& index = by_id_[t.name];
      for (size_t r = 0; r < t.rows.size(); ++r) index.emplace(ValueKey(t.rows[r].values[id]), r);
    }
    // Each array child goes under the first rule whose parent exists.
    for (size_t n = 0; n < std::size(kNests); ++n) {
      const Nest& nest = kNests[n];
      if (nest.single) continue;
      const Table* child = set.Find(nest.child);
      if (!child) continue;
      int fk = child->ColumnIndex(nest.fk);
      int kind = nest.kind ? child->ColumnIndex(nest.kind) : -1;
      if (fk < 0 || (nest.kind && kind < 0)) continue;
      auto& chosen = chosen_[nest.child];
      for (size_t r = 0; r < child->rows.size(); ++r) {
        if (chosen.count(r)) continue;
        const Value& ref = child->rows[r].values[fk];
        if (IsNull(ref)) continue;
        std::string parent = nest.parent;
        if (nest.kind) {
          const Value& k = child->rows[r].values[kind];
          if (k.index() != 3) continue;
          parent = std::get<std::string>(k);
        }
        if (!Lookup(parent, ref)) continue;
        chosen.insert(r);
        children_[{n, parent + '\x1f' + ValueKey(ref)}].push_back(r);
      }
    }
  }

  boost::json::array Organizations() {
    boost::json::array out;
    const Table* orgs = set_.Find("organization");
    if (!orgs) return out;
    for (size_t r = 0; r < orgs->rows.size(); ++r) out.push_back(Emit(*orgs, r));
    return out;
  }

  std::vector<std::string> LeftOut() const {
    std::vector<std::string> out;
    for (const auto& t : set_.tables) {
      auto it = written_.find(t.name);
      size_t written = it == written_.end() ? 0 : it->second.size();
      if (written < t.rows.size()) {
        out.push_back(t.name + ": " + std::to_string(t.rows.size() - written) + " of " +
                      std::to_string(t.rows.size()) + " rows");
      }
    }
    return out;
  }

 private:
  const TableRow* Lookup(const std::string& table, const Value& id) const {
    auto t = by_id_.find(table);
    if (t == by_id_.end()) return nullptr;
    auto r = t->second.find(ValueKey(id));
    if (r == t->second.end()) return nullptr;
    return &set_.Find(table)->rows[r->second];
  }

  boost::json::object Emit(const Table& t, size_t r) {
    written_[t.name].insert(r);
    const TableRow& row = t.rows[r];
    boost::json::object o;
    for (size_t c = 0; c < t.columns.size(); ++c) {
      if (!IsNull(row.values[c])) o[t.columns[c].name] = ToJson(row.values[c]);
    }
    int id = t.ColumnIndex("id");
    const std::string key = id >= 0 ? t.name + '\x1f' + ValueKey(row.values[id]) : std::string();
    for (size_t n = 0; n < std::size(kNests); ++n) {
      const Nest& nest = kNests[n];
      if (nest.single) {
        if (t.name != nest.parent) continue;
        int fk = t.ColumnIndex(nest.fk);
        const Table* child = set_.Find(nest.child);
        if (fk < 0 || !child || IsNull(row.values[fk])) continue;
        auto idx = by_id_.find(nest.child);
        if (idx == by_id_.end()) continue;
        auto found = idx->second.find(ValueKey(row.values[fk]));
        if (found == idx->second.end()) continue;
        o[nest.property] = Emit(*child, found->second);
        continue;
      }
      if (id < 0 || (std::string_view(nest.parent) != "*" && t.name != nest.parent)) continue;
      auto it = children_.find({n, key});
      if (it == children_.end()) continue;
      const Table& child = *set_.Find(nest.child);
      boost::json::array items;
      for (size_t c : it->second) items.push_back(Emit(child, c));
      // Several rules may share a property (a contact's phones and a location's phones).
      if (auto* existing = o.if_contains(nest.property); existing && existing->is_array()) {
        for (auto& item : items) existing->as_array().push_back(std::move(item));
      } else {
        o[nest.property] = std::move(items);
      }
    }
    return o;
  }

  const TableSet& set_;
  std::map<std::string, std::map<std::string, size_t>> by_id_;       // table -> id -> row
  std::map<std::string, std::set<size_t>> chosen_;                   // child table -> rows
  std::map<std::pair<size_t, std::string>, std::vector<size_t>> children_;  // (rule, parent)
  std::map<std::string, std::set<size_t>> written_;
};

void AppendString(std::string& out, std::string_view s) {
  out += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          static const char* hex = "0123456789abcdef";
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

void AppendPretty(std::string& out, const boost::json::value& v, int indent) {
  auto newline = [&](int level) {
    out += '\n';
    out.append(static_cast<size_t>(level) * 2, ' ');
  };
  switch (v.kind()) {
    case boost::json::kind::object: {
      const auto& o = v.get_object();
      if (o.empty()) {
        out += "{}";
        return;
      }
      out += '{';
      bool first = true;
      for (const auto& kv : o) {
        if (!first) out += ',';
        first = false;
        newline(indent + 1);
        AppendString(out, kv.key());
        out += ": ";
        AppendPretty(out, kv.value(), indent + 1);
      }
      newline(indent);
      out += '}';
      return;
    }
    case boost::json::kind::array: {
      const auto& a = v.get_array();
      if (a.empty()) {
        out += "[]";
        return;
      }
      out += '[';
      for (size_t i = 0; i < a.size(); ++i) {
        if (i) out += ',';
        newline(indent + 1);
        AppendPretty(out, a[i], indent + 1);
      }
      newline(indent);
      out += ']';
      return;
    }
    case boost::json::kind::string:
      AppendString(out, v.get_string());
      return;
    case boost::json::kind::double_:
      out += FormatReal(v.get_double());
      return;
    default:
      out += boost::json::serialize(v);
  }
}

// Boost.JSON 1.81 converts some decimals with an error of one unit in the last place; this
// handler re-reads every non-integer number from its own text with std::from_chars, so a real
// survives the round trip exactly.
class PreciseHandler {
 public:
  static constexpr std::size_t max_object_size = 1000000;
  static constexpr std::size_t max_array_size = 10000000;
  static constexpr std::size_t max_key_size = 100000;
  static constexpr std::size_t max_string_size = 100000000;

  boost::json::value_stack st;

  bool on_document_begin(boost::system::error_code&) { return true; }
  bool on_document_end(boost::system::error_code&) { return true; }
  bool on_object_begin(boost::system::error_code&) { return true; }
  bool on_object_end(std::size_t n, boost::system::error_code&) {
    st.push_object(n);
    return true;
  }
  bool on_array_begin(boost::system::error_code&) { return true; }
  bool on_array_end(std::size_t n, boost::system::error_code&) {
    st.push_array(n);
    return true;
  }
  bool on_key_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
    st.push_chars(s);
    return true;
  }
  bool on_key(boost::json::string_view s, std::size_t, boost::system::error_code&) {
    st.push_key(s);
    return true;
  }
  bool on_string_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
    st.push_chars(s);
    return true;
  }
  bool on_string(boost::json::string_view s, std::size_t, boost::system::error_code&) {
    st.push_string(s);
    return true;
  }
  bool on_number_part(boost::json::string_view s, boost::system::error_code&) {
    number_.append(s.data(), s.size());
    return true;
  }
  bool on_int64(int64_t i, boost::json::string_view, boost::system::error_code&) {
    number_.clear();
    st.push_int64(i);
    return true;
  }
  bool on_uint64(uint64_t u, boost::json::string_view, boost::system::error_code&) {
    number_.clear();
    st.push_uint64(u);
    return true;
  }
  bool on_double(double d, boost::json::string_view s, boost::system::error_code&) {
    number_.append(s.data(), s.size());
    if (auto exact = ParseReal(number_)) d = *exact;
    number_.clear();
    st.push_double(d);
    return true;
  }
  bool on_bool(bool b, boost::system::error_code&) {
    st.push_bool(b);
    return true;
  }
  bool on_null(boost::system::error_code&) {
    st.push_null();
    return true;
  }
  bool on_comment_part(boost::json::string_view, boost::system::error_code&) { return true; }
  bool on_comment(boost::json::string_view, boost::system::error_code&) { return true; }

 private:
  std::string number_;
};

// Rows of one table as read from JSON, before their columns are known.
struct PendingTable {
  std::vector<std::string> columns;
  std::map<std::string, size_t> column_index;
  std::vector<std::pair<std::vector<std::pair<size_t, Value>>, std::string>> rows;
  std::map<std::string, size_t> by_key;  // primary key -> row
};

class Reader {
 public:
  void Organizations(const boost::json::value& root) {
    if (!root.is_array()) {
      problems_.push_back("$: expected an array of organizations");
      return;
    }
    const auto& a = root.get_array();
    for (size_t i = 0; i < a.size(); ++i) {
      Record("organization", a[i], "$[" + std::to_string(i) + "]", nullptr, nullptr);
    }
  }

  std::vector<std::string>& problems() { return problems_; }

  TableSet Tables() {
    TableSet out;
    for (auto& name : order_) {
      PendingTable& p = pending_[name];
      Table t;
      t.name = name;
      t.origin = "$";
      for (const auto& c : p.columns) t.columns.push_back(Column{c, ColumnType::kText, false, 0});
      for (auto& [cells, origin] : p.rows) {
        TableRow row;
        row.origin = origin;
        row.values.resize(p.columns.size());
        for (auto& [c, v] : cells) row.values[c] = std::move(v);
        t.rows.push_back(std::move(row));
      }
      out.tables.push_back(std::move(t));
    }
    return out;
  }

 private:
  // Reads one record of `table` at `path`. For an array child, `nest` is the rule and
  // `parent_id` the parent's id: a missing foreign key is filled in from them.
  void Record(const std::string& table, const boost::json::value& v, const std::string& path,
              const Nest* nest, const std::pair<std::string, Value>* parent) {
    if (!v.is_object()) {
      problems_.push_back(path + ": expected an object");
      return;
    }
    std::vector<std::pair<std::string, Value>> cells;
    std::vector<std::pair<const Nest*, const boost::json::value*>> nested;
    Value own_id;
    for (const auto& kv : v.get_object()) {
      const std::string key(kv.key());
      const std::string at = path + "." + key;
      const Nest* rule = nullptr;
      for (const auto& n : kNests) {
        bool parent_ok = std::string_view(n.parent) == table ||
                         (std::string_view(n.parent) == "*" && !n.single);
        if (parent_ok && key == n.property) rule = &n;
        if (rule) break;
      }
      if (rule) {
        nested.emplace_back(rule, &kv.value());
        continue;
      }
      const auto& val = kv.value();
      switch (val.kind()) {
        case boost::json::kind::string:
          cells.emplace_back(key, std::string(val.get_string()));
          break;
        case boost::json::kind::int64:
          cells.emplace_back(key, val.get_int64());
          break;
        case boost::json::kind::double_:
          cells.emplace_back(key, val.get_double());
          break;
        case boost::json::kind::null:
          cells.emplace_back(key, std::monostate{});
          break;
        case boost::json::kind::uint64:
          problems_.push_back(at + ": number out of range");
          break;
        case boost::json::kind::bool_:
          problems_.push_back(at + ": expected a string or a number, not true/false");
          break;
        case boost::json::kind::array: {
          bool unstored = std::any_of(std::begin(kUnstoredArrays), std::end(kUnstoredArrays),
                                      [&](const char* k) { return key == k; });
          if (val.get_array().empty()) break;
          problems_.push_back(at + (unstored ? ": Tilti does not store " + key +
                                                   "; remove the records or the array"
                                             : ": unexpected array"));
          break;
        }
        case boost::json::kind::object: {
          bool back = std::any_of(std::begin(kBackReferences), std::end(kBackReferences),
                                  [&](const char* k) { return key == k; });
          if (!back) problems_.push_back(at + ": unexpected object");
          break;
        }
      }
      if (key == "id" && !cells.empty() && cells.back().first == "id") own_id = cells.back().second;
    }
    // A child written without its foreign key belongs to the record it is nested in.
    if (nest && parent) {
      auto has = [&](const char* col) {
        return std::any_of(cells.begin(), cells.end(), [&](const auto& c) {
          return c.first == col && !IsNull(c.second);
        });
      };
      if (!has(nest->fk)) cells.emplace_back(nest->fk, parent->second);
      if (nest->kind && !has(nest->kind)) cells.emplace_back(nest->kind, parent->first);
    }
    Add(table, std::move(cells), path);
    const std::pair<std::string, Value> self{table, own_id};
    for (const auto& [rule, val] : nested) {
      const std::string at = path + "." + rule->property;
      if (rule->single) {
        Record(rule->child, *val, at, nullptr, nullptr);
        continue;
      }
      if (!val->is_array()) {
        problems_.push_back(at + ": expected an array");
        continue;
      }
      const auto& items = val->get_array();
      // Several rules share a property ("phones" of a location); the first for this parent is
      // the one that reads.
      for (size_t i = 0; i < items.size(); ++i) {
        Record(rule->child, items[i], at + "[" + std::to_string(i) + "]", rule,
               IsNull(own_id) ? nullptr : &self);
      }
    }
  }

  void Add(const std::string& table, std::vector<std::pair<std::string, Value>> cells,
           const std::string& path) {
    if (!pending_.count(table)) order_.push_back(table);
    PendingTable& p = pending_[table];
    std::vector<std::pair<size_t, Value>> row;
    for (auto& [name, value] : cells) {
      auto [it, inserted] = p.column_index.emplace(name, p.columns.size());
      if (inserted) p.columns.push_back(name);
      row.emplace_back(it->second, std::move(value));
    }
    std::sort(row.begin(), row.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string key;
    for (const auto& col : KeyColumns(table)) {
      auto it = p.column_index.find(col);
      const Value* v = nullptr;
      if (it != p.column_index.end()) {
        for (const auto& c : row) {
          if (c.first == it->second) v = &c.second;
        }
      }
      key += (v ? ValueKey(*v) : std::string("n")) + '\x1f';
    }
    auto [found, fresh] = p.by_key.emplace(key, p.rows.size());
    if (!fresh) {
      auto& other = p.rows[found->second];
      auto strip = [](const std::vector<std::pair<size_t, Value>>& r) {
        std::vector<std::pair<size_t, std::string>> out;
        for (const auto& [c, v] : r) {
          if (!IsNull(v)) out.emplace_back(c, ValueKey(v));
        }
        return out;
      };
      if (strip(other.first) != strip(row)) {
        problems_.push_back(path + ": another " + table + " with the same id differs (at " +
                            other.second + ")");
      }
      return;
    }
    p.rows.emplace_back(std::move(row), path);
  }

  std::vector<std::string> problems_;
  std::vector<std::string> order_;
  std::map<std::string, PendingTable> pending_;
};

std::pair<int, int> LineColumn(std::string_view text, size_t offset) {
  int line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace

std::string PrettyJson(const boost::json::value& v) {
  std::string out;
  AppendPretty(out, v, 0);
  return out;
}

std::string WriteHsdsJson(const TableSet& tables, JsonExportReport* report) {
  Writer w(tables);
  boost::json::value root = w.Organizations();
  if (report) report->left_out = w.LeftOut();
  return PrettyJson(root) + "\n";
}

Result<TableSet> ReadHsdsJson(std::string_view text) {
  boost::json::basic_parser<PreciseHandler> parser(boost::json::parse_options{});
  parser.handler().st.reset();
  boost::system::error_code ec;
  size_t used = parser.write_some(false, text.data(), text.size(), ec);
  if (!ec && used != text.size()) ec = boost::json::error::extra_data;
  if (ec) {
    auto [line, column] = LineColumn(text, used);
    return Error{ErrorCode::kInvalidInput, "line " + std::to_string(line) + ", column " +
                                               std::to_string(column) + ": " + ec.message()};
  }
  boost::json::value root = parser.handler().st.release();
  Reader reader;
  reader.Organizations(root);
  if (!reader.problems().empty()) {
    std::string detail;
    for (const auto& p : reader.problems()) detail += (detail.empty() ? "" : "\n") + p;
    return Error{ErrorCode::kInvalidInput, detail};
  }
  return reader.Tables();
}

}  // namespace tilti::exchange
