#pragma once
// A plain, database-free picture of the directory's tables: what the store dumps
// (store/hsds_dump.h) and loads, and what the HSDS writers and readers (hsds_tabular.h,
// hsds_json.h) turn into files and back. Tables keep their order (the dump orders them so that
// a table comes after the tables it refers to); rows keep theirs (by primary key in a dump).
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <variant>
#include <vector>

namespace tilti::exchange {

// The storage classes of the STRICT tables that the exchange uses.
enum class ColumnType { kText, kInteger, kReal };

// One cell: NULL, an integer, a real or a text.
using Value = std::variant<std::monostate, int64_t, double, std::string>;

struct Column {
  std::string name;
  ColumnType type = ColumnType::kText;
  bool not_null = false;
  int primary_key = 0;  // 1-based position in the primary key; 0 = not part of it
};

struct TableRow {
  std::vector<Value> values;  // one per Table::columns, in that order
  // Where the row came from, for error messages: "organizations.csv:12" or
  // "$[3].services[1]". Empty for rows from a database dump.
  std::string origin;
};

struct Table {
  std::string name;             // the database table name, e.g. "organization"
  std::vector<Column> columns;  // in database order (dump) or file order (readers)
  std::vector<TableRow> rows;
  // true when every non-NULL value is text still to be converted to the column's type (CSV);
  // false when values carry their own type (dump, JSON), which must then match the column.
  bool text_cells = false;
  std::string origin;  // the file or JSON path the table came from, for messages

  // The index of the column called `name`, or -1.
  int ColumnIndex(std::string_view column) const {
    for (size_t i = 0; i < columns.size(); ++i) {
      if (columns[i].name == column) return static_cast<int>(i);
    }
    return -1;
  }
};

struct TableSet {
  std::vector<Table> tables;

  Table* Find(std::string_view name) {
    for (auto& t : tables) {
      if (t.name == name) return &t;
    }
    return nullptr;
  }
  const Table* Find(std::string_view name) const {
    for (const auto& t : tables) {
      if (t.name == name) return &t;
    }
    return nullptr;
  }
};

// The shortest text that reads back as exactly `v` (std::to_chars), e.g. "56.9496", "24".
inline std::string FormatReal(double v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

// Strict conversions of a whole text; nullopt when `s` is not exactly one such number.
inline std::optional<int64_t> ParseInteger(std::string_view s) {
  int64_t v = 0;
  if (s.empty()) return std::nullopt;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}
inline std::optional<double> ParseReal(std::string_view s) {
  double v = 0;
  if (s.empty()) return std::nullopt;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::general);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  if (v != v || v - v != 0) return std::nullopt;  // NaN or infinite
  return v;
}

}  // namespace tilti::exchange
