#include "store/row_batch.h"

#include <algorithm>
#include <stdexcept>

namespace tilti::store {

RowBatch::RowBatch(Connection& c, std::string_view insert, std::string_view row,
                   size_t rows_per_batch)
    : c_(c),
      insert_(insert),
      row_(row),
      per_row_(static_cast<size_t>(std::count(row.begin(), row.end(), '#'))),
      rows_per_batch_(std::max<size_t>(1, rows_per_batch)) {}

void RowBatch::Add(std::vector<std::string> values) {
  if (values.size() != per_row_) throw std::logic_error("RowBatch: wrong number of values");
  for (auto& v : values) queued_.push_back(std::move(v));
  if (queued_.size() >= per_row_ * rows_per_batch_) Flush();
}

std::string RowBatch::Sql(size_t rows) const {
  std::string sql = insert_;
  int n = 0;
  for (size_t r = 0; r < rows; ++r) {
    if (r > 0) sql += ", ";
    for (char ch : row_) {
      if (ch == '#') {
        sql += "?" + std::to_string(++n);
      } else {
        sql += ch;
      }
    }
  }
  return sql;
}

void RowBatch::Flush() {
  if (queued_.empty() || per_row_ == 0) return;
  const size_t rows = queued_.size() / per_row_;
  // A full batch reuses one cached statement; the last, shorter one is prepared once.
  auto run = [&](Statement& st) {
    for (size_t i = 0; i < queued_.size(); ++i) st.Bind(static_cast<int>(i + 1), queued_[i]);
    st.Run();
    st.Reset();
  };
  if (rows == rows_per_batch_) {
    run(c_.Cached(Sql(rows)));
  } else {
    Statement st = c_.Prepare(Sql(rows));
    run(st);
  }
  queued_.clear();
}

}  // namespace tilti::store
