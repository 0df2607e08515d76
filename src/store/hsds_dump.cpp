#include "store/hsds_dump.h"

#include <algorithm>
#include <exception>
#include <map>
#include <set>

#include "store/search_index.h"

namespace tilti::store {
namespace {

using exchange::Column;
using exchange::ColumnType;
using exchange::Table;
using exchange::TableSet;
using exchange::Value;

constexpr size_t kMaxProblems = 200;

struct SchemaColumn {
  std::string name;
  ColumnType type = ColumnType::kText;
  bool not_null = false;
  bool has_default = false;
  int pk = 0;
};

// Identifiers in SQL text come only from the schema (ExchangedTables, PRAGMA results), never
// from the input; quoting is for the reserved words among them ("interval", "count").
std::string Quote(const std::string& identifier) { return '"' + identifier + '"'; }

std::vector<SchemaColumn> TableInfo(Connection& c, const std::string& table) {
  Statement st = c.Prepare(
      "SELECT name, upper(type), \"notnull\", dflt_value IS NOT NULL, pk "
      "FROM pragma_table_info(?) ORDER BY cid");
  st.Bind(1, table);
  std::vector<SchemaColumn> out;
  while (st.Step()) {
    SchemaColumn col;
    col.name = st.Text(0);
    const std::string type = st.Text(1);
    if (type == "INTEGER" || type == "INT") {
      col.type = ColumnType::kInteger;
    } else if (type == "REAL") {
      col.type = ColumnType::kReal;
    } else if (type == "TEXT") {
      col.type = ColumnType::kText;
    } else {
      throw std::runtime_error("hsds_dump: column " + table + "." + col.name + " has type " +
                               type + ", which the exchange does not handle");
    }
    col.not_null = st.Int(2) != 0;
    col.has_default = st.Int(3) != 0;
    col.pk = static_cast<int>(st.Int(4));
    out.push_back(std::move(col));
  }
  return out;
}

std::vector<std::string> PrimaryKey(const std::vector<SchemaColumn>& cols) {
  std::vector<const SchemaColumn*> pk;
  for (const auto& c : cols) {
    if (c.pk > 0) pk.push_back(&c);
  }
  std::sort(pk.begin(), pk.end(), [](auto* a, auto* b) { return a->pk < b->pk; });
  std::vector<std::string> out;
  for (auto* c : pk) out.push_back(c->name);
  return out;
}

std::string KeyPart(const Value& v) {
  switch (v.index()) {
    case 1:
      return "i" + std::to_string(std::get<int64_t>(v)) + '\x1f';
    case 2:
      return "r" + exchange::FormatReal(std::get<double>(v)) + '\x1f';
    case 3:
      return "t" + std::get<std::string>(v) + '\x1f';
    default:
      return "n\x1f";
  }
}

std::string Show(const Value& v) {
  switch (v.index()) {
    case 1:
      return std::to_string(std::get<int64_t>(v));
    case 2:
      return exchange::FormatReal(std::get<double>(v));
    case 3:
      return '"' + std::get<std::string>(v) + '"';
    default:
      return "NULL";
  }
}

// The value to store for `in` in column `col`, or the reason it cannot be stored.
std::optional<std::string> Convert(const Value& in, const SchemaColumn& col, bool text_cells,
                                   Value& out) {
  switch (in.index()) {
    case 0:
      if (col.pk > 0) return "a value is required (primary key)";
      if (col.not_null && col.type == ColumnType::kText) {
        out = std::string();
      } else if (col.not_null) {
        return "a value is required";
      } else {
        out = std::monostate{};
      }
      return std::nullopt;
    case 1:
      if (col.type == ColumnType::kInteger) {
        out = in;
      } else if (col.type == ColumnType::kReal) {
        out = static_cast<double>(std::get<int64_t>(in));
      } else {
        return "expected text, not a number";
      }
      return std::nullopt;
    case 2:
      if (col.type == ColumnType::kReal) {
        out = in;
        return std::nullopt;
      }
      return col.type == ColumnType::kInteger ? "expected an integer, not " + Show(in)
                                              : "expected text, not a number";
    default: {
      const std::string& s = std::get<std::string>(in);
      if (col.type == ColumnType::kText) {
        out = in;
        return std::nullopt;
      }
      if (!text_cells) return "expected a number, not text";
      if (col.type == ColumnType::kInteger) {
        auto v = exchange::ParseInteger(s);
        if (!v) return Show(in) + " is not an integer";
        out = *v;
      } else {
        auto v = exchange::ParseReal(s);
        if (!v) return Show(in) + " is not a number";
        out = *v;
      }
      return std::nullopt;
    }
  }
}

void BindValue(Statement& st, int i, const Value& v) {
  switch (v.index()) {
    case 1:
      st.Bind(i, std::get<int64_t>(v));
      break;
    case 2:
      st.Bind(i, std::get<double>(v));
      break;
    case 3:
      st.Bind(i, std::get<std::string>(v));
      break;
    default:
      st.BindNull(i);
  }
}

// SQLite's message without our statement prefix ("step [INSERT ...]: ").
std::string SqlReason(const SqlError& e) {
  std::string what = e.what();
  auto at = what.find("]: ");
  if (what.rfind("step [", 0) == 0 && at != std::string::npos) what = what.substr(at + 3);
  return what;
}

struct Aborted : std::exception {};

class Loader {
 public:
  Loader(Connection& c, LoadSummary& summary, std::vector<std::string>& problems)
      : c_(c), summary_(summary), problems_(problems) {}

  void LoadTable(const Table& t) {
    if (t.rows.empty()) return;
    const auto schema = TableInfo(c_, t.name);
    const auto pk = PrimaryKey(schema);
    std::map<std::string, size_t> by_name;
    for (size_t i = 0; i < schema.size(); ++i) by_name[schema[i].name] = i;

    // Input column -> schema column; unknown columns may only be empty.
    std::vector<int> target(t.columns.size(), -1);
    std::set<std::string> present;
    bool usable = true;
    for (size_t i = 0; i < t.columns.size(); ++i) {
      const std::string& name = t.columns[i].name;
      auto it = by_name.find(name);
      if (it == by_name.end()) {
        for (const auto& row : t.rows) {
          if (row.values[i].index() != 0) {
            Problem(row.origin + ": column \"" + name + "\" is not stored by Tilti (table " +
                    t.name + "); leave it empty or remove it");
            break;
          }
        }
        continue;
      }
      if (!present.insert(name).second) {
        Problem(t.origin + ": column \"" + name + "\" appears twice");
        usable = false;
        continue;
      }
      target[i] = static_cast<int>(it->second);
    }
    for (const auto& col : schema) {
      if ((col.pk > 0 || (col.not_null && !col.has_default)) && !present.count(col.name)) {
        Problem(t.origin + ": missing required column \"" + col.name + "\" (table " + t.name +
                ")");
        usable = false;
      }
    }
    if (!usable) return;

    std::vector<size_t> input_cols;  // input column indexes that are stored, in order
    std::string cols, params, updates, differs;
    for (size_t i = 0; i < target.size(); ++i) {
      if (target[i] < 0) continue;
      const SchemaColumn& sc = schema[target[i]];
      input_cols.push_back(i);
      cols += (cols.empty() ? "" : ", ") + Quote(sc.name);
      params += params.empty() ? "?" : ", ?";
      if (sc.pk == 0) {
        updates += (updates.empty() ? "" : ", ") + Quote(sc.name) + " = excluded." + Quote(sc.name);
        differs += (differs.empty() ? "" : " OR ") + Quote(t.name) + "." + Quote(sc.name) +
                   " IS NOT excluded." + Quote(sc.name);
      }
    }
    std::string conflict;
    for (const auto& k : pk) conflict += (conflict.empty() ? "" : ", ") + Quote(k);
    // Only rows that really differ are updated: unchanged rows fire no triggers (metadata
    // refuses every update; translation flags other locales outdated).
    std::string sql = "INSERT INTO " + Quote(t.name) + " (" + cols + ") VALUES (" + params +
                      ") ON CONFLICT (" + conflict + ") DO " +
                      (updates.empty() ? "NOTHING" : "UPDATE SET " + updates + " WHERE " + differs);
    Statement st = c_.Prepare(sql);

    // Originals before translations of them: updating an original flags the other locales
    // outdated (trigger), and the rows that follow then set the flag the file says.
    std::vector<size_t> order(t.rows.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (int source = t.ColumnIndex("source"); t.name == "translation" && source >= 0) {
      std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        auto original = [&](size_t r) {
          const Value& v = t.rows[r].values[source];
          return v.index() == 3 && std::get<std::string>(v) == "original";
        };
        return original(a) && !original(b);
      });
    }

    auto& origins = origins_[t.name];
    for (size_t r : order) {
      const auto& row = t.rows[r];
      std::vector<Value> values(input_cols.size());
      bool ok = true;
      for (size_t k = 0; k < input_cols.size(); ++k) {
        const size_t i = input_cols[k];
        const SchemaColumn& sc = schema[target[i]];
        if (auto why = Convert(row.values[i], sc, t.text_cells, values[k])) {
          Problem(row.origin + ": " + sc.name + ": " + *why);
          ok = false;
        }
      }
      if (!ok) continue;
      std::string key;
      for (const auto& k : pk) {
        for (size_t j = 0; j < input_cols.size(); ++j) {
          if (schema[target[input_cols[j]]].name == k) key += KeyPart(values[j]);
        }
      }
      auto [seen, fresh] = origins.emplace(key, row.origin);
      if (!fresh) {
        Problem(row.origin + ": the same primary key as " + seen->second);
        continue;
      }
      st.Reset();
      for (size_t k = 0; k < values.size(); ++k) BindValue(st, static_cast<int>(k + 1), values[k]);
      try {
        st.Run();
        summary_.changed += c_.Changes();
        ++summary_.rows;
      } catch (const SqlError& e) {
        if (!e.IsConstraint()) throw;
        Problem(row.origin + ": " + SqlReason(e));
      }
    }
    ++summary_.tables;
  }

  // Every row that refers to a missing parent, with its origin. Runs after all rows are in
  // (foreign keys are deferred), so rows may come in any order.
  void CheckForeignKeys() {
    std::set<std::pair<std::string, int64_t>> broken;
    Statement check = c_.Prepare("PRAGMA foreign_key_check");
    while (check.Step()) broken.emplace(check.Text(0), check.Int(3));
    for (const auto& [table, fkid] : broken) {
      if (!origins_.count(table) && !IsExchanged(table)) continue;
      Statement fk = c_.Prepare(
          "SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?) WHERE id = ?");
      fk.Bind(1, table).Bind(2, fkid);
      if (!fk.Step()) continue;
      const std::string parent = fk.Text(0), from = fk.Text(1);
      const std::string to = fk.IsNull(2) ? "rowid" : fk.Text(2);
      const auto schema = TableInfo(c_, table);
      const auto pk = PrimaryKey(schema);
      std::string select;
      for (const auto& k : pk) select += Quote(k) + ", ";
      Statement rows = c_.Prepare("SELECT " + select + Quote(from) + " FROM " + Quote(table) +
                                  " WHERE " + Quote(from) + " IS NOT NULL AND " + Quote(from) +
                                  " NOT IN (SELECT " + Quote(to) + " FROM " + Quote(parent) +
                                  ") ORDER BY 1");
      while (rows.Step()) {
        std::string key;
        for (size_t k = 0; k < pk.size(); ++k) {
          ColumnType type = ColumnType::kText;
          for (const auto& sc : schema) {
            if (sc.name == pk[k]) type = sc.type;
          }
          key += RowKeyPart(rows, static_cast<int>(k), type);
        }
        auto& origins = origins_[table];
        auto it = origins.find(key);
        const std::string where = it != origins.end() ? it->second : "existing " + table + " row";
        const int last = static_cast<int>(pk.size());
        const std::string value = rows.IsNull(last) ? "NULL" : '"' + rows.Text(last) + '"';
        Problem(where + ": " + from + " " + value + " refers to no " + parent);
      }
    }
  }

 private:
  static bool IsExchanged(const std::string& table) {
    const auto& all = ExchangedTables();
    return std::find(all.begin(), all.end(), table) != all.end();
  }

  // The same encoding as KeyPart, read from a result column of the given type.
  static std::string RowKeyPart(Statement& st, int col, ColumnType type) {
    if (st.IsNull(col)) return KeyPart(std::monostate{});
    if (type == ColumnType::kInteger) return KeyPart(st.Int(col));
    if (type == ColumnType::kReal) return KeyPart(st.Double(col));
    return KeyPart(st.Text(col));
  }

  void Problem(std::string p) {
    if (problems_.size() < kMaxProblems) {
      problems_.push_back(std::move(p));
    } else {
      ++overflow_;
    }
  }

 public:
  size_t overflow_ = 0;

 private:
  Connection& c_;
  LoadSummary& summary_;
  std::vector<std::string>& problems_;
  std::map<std::string, std::map<std::string, std::string>> origins_;  // table -> key -> origin
};

}  // namespace

const std::vector<std::string>& ExchangedTables() {
  static const std::vector<std::string> kTables = {
      "municipality", "place", "place_name", "holiday_calendar", "taxonomy", "taxonomy_term", "organization",
      "program", "service", "location", "service_at_location", "contact", "phone", "address",
      "schedule", "schedule_exception", "language", "accessibility", "url", "attribute",
      "metadata", "translation", "initiative", "initiative_organization", "partnership"};
  return kTables;
}

namespace {

// The rows of `metadata` (the audit log) and `translation` that belong to exchanged records.
// Both tables also hold the back office's own records: accounts (e-mail addresses, names),
// submissions not yet published (practices, guides), events, reports. None of that is open
// data, so it never leaves in an export. The names are constants of ExchangedTables.
std::string OnlyExchanged(const std::string& table) {
  if (table != "metadata" && table != "translation") return "";
  std::string list;
  for (const auto& t : ExchangedTables()) {
    if (t == "metadata" || t == "translation") continue;
    list += (list.empty() ? "'" : ", '") + t + "'";
  }
  return std::string(" WHERE ") + (table == "metadata" ? "resource_type" : "entity") + " IN (" + list + ")";
}

}  // namespace

exchange::TableSet DumpDirectory(Connection& c) {
  TableSet out;
  for (const auto& name : ExchangedTables()) {
    const auto schema = TableInfo(c, name);
    Table t;
    t.name = name;
    std::string cols;
    for (const auto& sc : schema) {
      t.columns.push_back(Column{sc.name, sc.type, sc.not_null, sc.pk});
      cols += (cols.empty() ? "" : ", ") + Quote(sc.name);
    }
    std::string order;
    for (const auto& k : PrimaryKey(schema)) order += (order.empty() ? "" : ", ") + Quote(k);
    Statement st = c.Prepare("SELECT " + cols + " FROM " + Quote(name) + OnlyExchanged(name) + " ORDER BY " + order);
    while (st.Step()) {
      exchange::TableRow row;
      row.values.reserve(schema.size());
      for (size_t i = 0; i < schema.size(); ++i) {
        const int col = static_cast<int>(i);
        if (st.IsNull(col)) {
          row.values.emplace_back(std::monostate{});
        } else if (schema[i].type == ColumnType::kInteger) {
          row.values.emplace_back(st.Int(col));
        } else if (schema[i].type == ColumnType::kReal) {
          row.values.emplace_back(st.Double(col));
        } else {
          row.values.emplace_back(st.Text(col));
        }
      }
      t.rows.push_back(std::move(row));
    }
    out.tables.push_back(std::move(t));
  }
  return out;
}

Result<LoadSummary> LoadDirectory(Database& db, const exchange::TableSet& tables) {
  LoadSummary summary;
  std::vector<std::string> problems;
  size_t overflow = 0;
  try {
    db.Write([&](Connection& c) {
      c.DeferForeignKeys();
      Loader loader(c, summary, problems);
      for (const auto& name : ExchangedTables()) {
        if (const Table* t = tables.Find(name)) loader.LoadTable(*t);
      }
      for (const auto& t : tables.tables) {
        const auto& all = ExchangedTables();
        if (std::find(all.begin(), all.end(), t.name) != all.end()) continue;
        size_t filled = 0;
        for (const auto& row : t.rows) {
          bool any = std::any_of(row.values.begin(), row.values.end(),
                                 [](const Value& v) { return v.index() != 0; });
          if (any) ++filled;
        }
        if (filled > 0) {
          problems.push_back(t.origin + ": Tilti does not store table \"" + t.name + "\" (" +
                             std::to_string(filled) + " rows); remove the rows");
        }
      }
      if (problems.empty()) loader.CheckForeignKeys();
      overflow = loader.overflow_;
      if (!problems.empty()) throw Aborted{};
      RebuildLibraryIndex(c);
    });
  } catch (const Aborted&) {
    std::string detail;
    for (const auto& p : problems) detail += (detail.empty() ? "" : "\n") + p;
    if (overflow > 0) detail += "\n... and " + std::to_string(overflow) + " more";
    return Error{ErrorCode::kInvalidInput, detail};
  }
  return summary;
}

}  // namespace tilti::store
