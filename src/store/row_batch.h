#pragma once
// Inserts many rows a few hundred at a time, one statement per batch: on PostgreSQL a round
// trip per row is most of what a bulk write costs (a search index rebuild writes one row per
// library and per service). The same SQL runs on SQLite, where it saves less.
#include <string>
#include <string_view>
#include <vector>

#include "store/sql.h"

namespace tilti::store {

class RowBatch {
 public:
  // `insert`: the statement up to VALUES ("INSERT INTO t (a, b, c) VALUES "); `row`: one row's
  // values with `#` for each bound value ("(#, #, 'fixed')"). Rows are text values.
  RowBatch(Connection& c, std::string_view insert, std::string_view row, size_t rows_per_batch = 200);
  RowBatch(const RowBatch&) = delete;
  RowBatch& operator=(const RowBatch&) = delete;

  // Queues one row (as many values as `row` has `#`); writes the batch when it is full.
  void Add(std::vector<std::string> values);
  // Writes the rows still queued. Call before reading what was inserted (and at the end).
  void Flush();

 private:
  std::string Sql(size_t rows) const;

  Connection& c_;
  const std::string insert_, row_;
  const size_t per_row_, rows_per_batch_;
  std::vector<std::string> queued_;
};

}  // namespace tilti::store
