#include "web/response_cache.h"

namespace tilti::web {

std::shared_ptr<const CachedAnswer> ResponseCache::Get(const std::string& key, int64_t version) {
  std::lock_guard lock(mu_);
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  if (it->second->version != version) {
    bytes_ -= it->second->bytes;
    lru_.erase(it->second);
    index_.erase(it);
    return nullptr;
  }
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->answer;
}

void ResponseCache::Put(const std::string& key, int64_t version, CachedAnswer answer) {
  const size_t size = key.size() + answer.body.size() + answer.content_type.size() + 64;
  if (size > max_bytes_ / 4) return;
  auto shared = std::make_shared<const CachedAnswer>(std::move(answer));
  std::lock_guard lock(mu_);
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->bytes;
    lru_.erase(it->second);
    index_.erase(it);
  }
  lru_.push_front({key, version, std::move(shared), size});
  index_.emplace(key, lru_.begin());
  bytes_ += size;
  EvictLocked();
}

void ResponseCache::EvictLocked() {
  while (bytes_ > max_bytes_ && !lru_.empty()) {
    bytes_ -= lru_.back().bytes;
    index_.erase(lru_.back().key);
    lru_.pop_back();
  }
}

size_t ResponseCache::bytes() const {
  std::lock_guard lock(mu_);
  return bytes_;
}

size_t ResponseCache::entries() const {
  std::lock_guard lock(mu_);
  return lru_.size();
}

}  // namespace tilti::web
