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
  bool identity = false;  // PostgreSQL: an identity column (SQLite's INTEGER PRIMARY KEY)
};

// Identifiers in SQL text come only from the schema (ExchangedTables, PRAGMA results), never
// from the input; quoting is for the reserved words among them ("interval", "count").
std::string Quote(const std::string& identifier) { return '"' + identifier + '"'; }

ColumnType ExchangeType(const std::string& table, const std::string& column,
                        const std::string& type) {
  // SQLite's declared types (upper-cased) and PostgreSQL's (format_type) for the same columns.
  if (type == "INTEGER" || type == "INT" || type == "bigint" || type == "integer") {
    return ColumnType::kInteger;
  }
  if (type == "REAL" || type == "double precision") return ColumnType::kReal;
  if (type == "TEXT" || type == "text") return ColumnType::kText;
  throw std::runtime_error("hsds_dump: column " + table + "." + column + " has type " + type +
                           ", which the exchange does not handle");
}

// The table's columns in order, as SQLite's pragma_table_info gives them, on either backend.
std::vector<SchemaColumn> TableInfo(Connection& c, const std::string& table) {
  std::vector<SchemaColumn> out;
  if (!c.IsPostgres()) {
    Statement st = c.Prepare(
        "SELECT name, upper(type), \"notnull\", dflt_value IS NOT NULL, pk "
        "FROM pragma_table_info(?) ORDER BY cid");
    st.Bind(1, table);
    while (st.Step()) {
      SchemaColumn col;
      col.name = st.Text(0);
      col.type = ExchangeType(table, col.name, st.Text(1));
      col.not_null = st.Int(2) != 0;
      col.has_default = st.Int(3) != 0;
      col.pk = static_cast<int>(st.Int(4));
      out.push_back(std::move(col));
    }
    return out;
  }
  // PostgreSQL: the catalogue, for the table of that name in the current schema. pk is the
  // column's 1-based place in the primary key (indkey), 0 when not in it, as the pragma's.
  Statement st = c.Prepare(
      "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.atthasdef, "
      "coalesce((SELECT k.n FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n) "
      "WHERE k.attnum = a.attnum), 0), a.attidentity <> '', a.attgenerated <> '' "
      "FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid "
      "JOIN pg_namespace s ON s.oid = t.relnamespace "
      "LEFT JOIN pg_index i ON i.indrelid = t.oid AND i.indisprimary "
      "WHERE s.nspname = current_schema() AND t.relname = ?1 AND a.attnum > 0 "
      "AND NOT a.attisdropped ORDER BY a.attnum");
  st.Bind(1, table);
  while (st.Step()) {
    SchemaColumn col;
    col.name = st.Text(0);
    const bool identity = st.Int(5) != 0, generated = st.Int(6) != 0;
    // The PostgreSQL-only columns (docs/postgres-schema.md): SQLite's implicit rowid made an
    // identity column, and the generated tsvector of the text-search tables. SQLite's
    // pragma lists neither, and neither is data to exchange.
    if ((identity && col.name == "rowid") || (generated && col.name == "document")) continue;
    col.type = ExchangeType(table, col.name, st.Text(1));
    col.pk = static_cast<int>(st.Int(4));
    col.identity = identity;
    // An identity primary key is SQLite's INTEGER PRIMARY KEY (a rowid alias), which the
    // pragma reports as nullable; PostgreSQL implies NOT NULL for every primary key.
    col.not_null = st.Int(2) != 0 && !(identity && col.pk > 0);
    col.has_default = st.Int(3) != 0;
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

// The database's message without our statement prefix ("step [INSERT ...]: ").
std::string WithoutStatement(const SqlError& e) {
  std::string what = e.what();
  auto at = what.find("]: ");
  if (what.rfind("step [", 0) == 0 && at != std::string::npos) what = what.substr(at + 3);
  return what;
}

// The text between `open` and the next `close` after it in `s`, or nullopt.
std::optional<std::string> Between(const std::string& s, const std::string& open,
                                   const std::string& close) {
  const size_t a = s.find(open);
  if (a == std::string::npos) return std::nullopt;
  const size_t b = s.find(close, a + open.size());
  if (b == std::string::npos) return std::nullopt;
  return s.substr(a + open.size(), b - a - open.size());
}

// PostgreSQL's refusal of a row of `table` in SQLite's words, so that a problem reads the same
// on either backend: "UNIQUE constraint failed: t.a, t.b", "NOT NULL constraint failed: t.c",
// "CHECK constraint failed: <name>" (SQLite names the constraint, or quotes its expression
// when it has no name; PostgreSQL's message only has the name it generated), "FOREIGN KEY
// constraint failed", and a trigger's own text ("audit rows cannot be changed"). The message
// comes as libpq gives it, made one line: "ERROR:  <message> DETAIL:  <detail> CONTEXT: ...".
std::string PostgresReason(const std::string& table, std::string what) {
  if (what.rfind("ERROR:", 0) == 0) what.erase(0, what.find_first_not_of(' ', 6));
  std::string message = what;
  for (const char* part : {" DETAIL:", " HINT:", " CONTEXT:"}) {
    const size_t at = message.find(part);
    if (at != std::string::npos) message.resize(at);
  }
  if (message.rfind("duplicate key value violates unique constraint ", 0) == 0) {
    // DETAIL:  Key (a, b)=(1, 2) already exists.
    if (auto cols = Between(what, " DETAIL:  Key (", ")=(")) {
      std::string out;
      size_t i = 0;
      while (i <= cols->size()) {
        size_t j = cols->find(", ", i);
        if (j == std::string::npos) j = cols->size();
        out += (out.empty() ? "" : ", ") + table + "." + cols->substr(i, j - i);
        i = j + 2;
      }
      return "UNIQUE constraint failed: " + out;
    }
    return "UNIQUE constraint failed: index '" + Between(message, "\"", "\"").value_or("") + "'";
  }
  if (message.rfind("null value in column \"", 0) == 0 &&
      message.find("violates not-null constraint") != std::string::npos) {
    return "NOT NULL constraint failed: " + table + "." +
           Between(message, "\"", "\"").value_or("");
  }
  if (message.find(" violates check constraint \"") != std::string::npos) {
    return "CHECK constraint failed: " +
           Between(message, "check constraint \"", "\"").value_or(table);
  }
  if (message.find(" violates foreign key constraint ") != std::string::npos) {
    return "FOREIGN KEY constraint failed";
  }
  return message;
}

// Why the database refused a row of `table`: SQLite's message, or PostgreSQL's in SQLite's
// words.
std::string SqlReason(Connection& c, const std::string& table, const SqlError& e) {
  const std::string what = WithoutStatement(e);
  return c.IsPostgres() ? PostgresReason(table, what) : what;
}

struct Aborted : std::exception {};

class Loader {
 public:
  Loader(Connection& c, LoadSummary& summary, std::vector<std::string>& problems,
         BulkLoadPlans& plans)
      : c_(c), summary_(summary), problems_(problems), plans_(plans) {}

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
                   " IS DISTINCT FROM excluded." + Quote(sc.name);
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
    const bool savepoint = c_.IsPostgres();
    bool in_savepoint = false;
    for (size_t r : order) {
      const auto& row = t.rows[r];
      plans_.Wrote();
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
      // A refused row is a problem to report, and the rows after it still get checked. SQLite
      // undoes just the failed statement; PostgreSQL aborts the whole transaction on an error,
      // so there each row runs in a savepoint, rolled back when the row is refused. (The
      // savepoint of the next row is set in the same round trip that releases this one's.)
      try {
        if (savepoint && !in_savepoint) {
          c_.Exec("SAVEPOINT hsds_row");
          in_savepoint = true;
        }
        st.Run();
        summary_.changed += c_.Changes();
        ++summary_.rows;
        if (savepoint) c_.Exec("RELEASE SAVEPOINT hsds_row; SAVEPOINT hsds_row");
      } catch (const SqlError& e) {
        if (!e.IsConstraint()) throw;
        if (savepoint) c_.Exec("ROLLBACK TO SAVEPOINT hsds_row");  // and it stays set
        Problem(row.origin + ": " + SqlReason(c_, t.name, e));
      }
    }
    if (in_savepoint) c_.Exec("RELEASE SAVEPOINT hsds_row");
    // PostgreSQL: an identity column given explicit ids (place.id, SQLite's INTEGER PRIMARY
    // KEY) must have its sequence moved past them, or the next row without an id would get
    // one already taken (SQLite takes max(rowid) + 1 by itself).
    for (size_t i = 0; i < target.size(); ++i) {
      if (target[i] < 0 || !schema[target[i]].identity) continue;
      const std::string& col = schema[target[i]].name;
      Statement next = c_.Prepare("SELECT setval(pg_get_serial_sequence(?1, ?2), coalesce(max(" +
                                  Quote(col) + "), 0) + 1, false) FROM " + Quote(t.name));
      next.Bind(1, Quote(t.name)).Bind(2, col);
      next.Run();
    }
    ++summary_.tables;
  }

  // Every row that refers to a missing parent, with its origin. Runs after all rows are in
  // (foreign keys are deferred), so rows may come in any order.
  void CheckForeignKeys() {
    // Which foreign keys of which tables have broken rows, as (table, foreign key id).
    std::set<std::pair<std::string, int64_t>> broken;
    if (!c_.IsPostgres()) {
      Statement check = c_.Prepare("PRAGMA foreign_key_check");
      while (check.Step()) broken.emplace(check.Text(0), check.Int(3));
    } else {
      // PostgreSQL has no such check: ask each foreign key of the exchanged tables (the only
      // ones kept below) whether a row has a missing parent.
      for (const auto& table : ExchangedTables()) {
        for (const auto& fk : ForeignKeys(table)) {
          Statement any = c_.Prepare("SELECT 1 FROM " + Quote(table) + " WHERE " +
                                     Orphans(fk) + " LIMIT 1");
          if (any.Step()) broken.emplace(table, fk.id);
        }
      }
    }
    for (const auto& [table, fkid] : broken) {
      if (!origins_.count(table) && !IsExchanged(table)) continue;
      const auto fks = ForeignKeys(table);
      auto fk = std::find_if(fks.begin(), fks.end(), [&](const auto& f) { return f.id == fkid; });
      if (fk == fks.end()) continue;
      const auto schema = TableInfo(c_, table);
      const auto pk = PrimaryKey(schema);
      std::string select;
      for (const auto& k : pk) select += Quote(k) + ", ";
      Statement rows = c_.Prepare("SELECT " + select + Quote(fk->from) + " FROM " +
                                  Quote(table) + " WHERE " + Orphans(*fk) + " ORDER BY 1");
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
        Problem(where + ": " + fk->from + " " + value + " refers to no " + fk->parent);
      }
    }
  }

 private:
  // One foreign key of a table: its SQLite id (pragma_foreign_key_list), the parent table and
  // the first column pair (every exchanged foreign key has one column).
  struct ForeignKey {
    int64_t id = 0;
    std::string parent, from, to;
  };

  std::vector<ForeignKey> ForeignKeys(const std::string& table) {
    std::vector<ForeignKey> out;
    // PostgreSQL numbers them as SQLite does: SQLite's ids count from the last declared, and
    // the baseline declares them in SQLite's order, so newest constraint (highest oid) first.
    Statement st = c_.Prepare(
        c_.IsPostgres()
            ? "SELECT row_number() OVER (ORDER BY k.oid DESC) - 1, p.relname, a.attname, "
              "pa.attname FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid "
              "JOIN pg_namespace s ON s.oid = t.relnamespace "
              "JOIN pg_class p ON p.oid = k.confrelid "
              "JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
              "JOIN pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attnum = k.confkey[1] "
              "WHERE k.contype = 'f' AND s.nspname = current_schema() AND t.relname = ?1 "
              "ORDER BY 1"
            : "SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?1) "
              "WHERE seq = 0 ORDER BY id");
    st.Bind(1, table);
    while (st.Step()) {
      ForeignKey fk;
      fk.id = st.Int(0);
      fk.parent = st.Text(1);
      fk.from = st.Text(2);
      fk.to = st.IsNull(3) ? "rowid" : st.Text(3);  // SQLite: no column, the parent's key
      out.push_back(std::move(fk));
    }
    return out;
  }

  // The condition for a row whose foreign key names no parent row.
  static std::string Orphans(const ForeignKey& fk) {
    return Quote(fk.from) + " IS NOT NULL AND " + Quote(fk.from) + " NOT IN (SELECT " +
           Quote(fk.to) + " FROM " + Quote(fk.parent) + ")";
  }

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
  BulkLoadPlans& plans_;
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

exchange::TableSet DumpDirectory(Database& db) {
  auto lease = db.Read();
  Connection& c = *lease;
  // SQLite's read transaction keeps the snapshot of its first read; PostgreSQL's default
  // (READ COMMITTED) takes a new one for every statement, REPEATABLE READ keeps the first.
  c.Exec(c.IsPostgres() ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
  exchange::TableSet tables;
  try {
    tables = DumpDirectory(c);
  } catch (...) {
    c.Exec("ROLLBACK");
    throw;
  }
  c.Exec("COMMIT");
  return tables;
}

Result<LoadSummary> LoadDirectory(Database& db, const exchange::TableSet& tables) {
  LoadSummary summary;
  std::vector<std::string> problems;
  size_t overflow = 0;
  try {
    db.Write([&](Connection& c) {
      c.DeferForeignKeys();
      std::string written;
      for (const auto& name : ExchangedTables()) written += (written.empty() ? "" : ", ") + name;
      BulkLoadPlans plans(c, written);
      Loader loader(c, summary, problems, plans);
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
