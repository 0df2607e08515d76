#include "store/sql.h"

namespace tilti::store {

Statement& Connection::Cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    it = cache_.emplace(sql, std::make_unique<Statement>(PrepareImpl(sql, true))).first;
  }
  it->second->Reset();
  return *it->second;
}

void Connection::ResetCached() {
  for (auto& [sql, st] : cache_) st->Reset();
}

}  // namespace tilti::store
