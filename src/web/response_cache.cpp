#include "web/response_cache.h"

namespace tilti::web {

std::shared_ptr<const CachedAnswer> ResponseCache::Get(const std::string& key, int64_t version) {
  std::lock_guard lock(mu_);
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  if (it->second->version != version) {
    DropLocked(key);
    return nullptr;
  }
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->answer;
}

std::shared_ptr<const CachedAnswer> ResponseCache::GetOrStale(const std::string& key,
                                                              int64_t version) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mu_);
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  Entry& e = *it->second;
  if (e.version == version) return e.answer;
  if (e.refreshing_since != std::chrono::steady_clock::time_point{} &&
      now - e.refreshing_since < kRefreshWait) {
    return e.answer;  // another reader is making the new one
  }
  e.refreshing_since = now;  // this reader makes it (or, if it fails, the next after the wait)
  return nullptr;
}

void ResponseCache::Put(const std::string& key, int64_t version, CachedAnswer answer) {
  const size_t size = key.size() + answer.body.size() + answer.content_type.size() + 64;
  if (size > max_bytes_ / 4) {
    Drop(key);
    return;
  }
  auto shared = std::make_shared<const CachedAnswer>(std::move(answer));
  std::lock_guard lock(mu_);
  DropLocked(key);
  lru_.push_front({key, version, std::move(shared), size});
  index_.emplace(key, lru_.begin());
  bytes_ += size;
  EvictLocked();
}

void ResponseCache::Drop(const std::string& key) {
  std::lock_guard lock(mu_);
  DropLocked(key);
}

void ResponseCache::DropLocked(const std::string& key) {
  auto it = index_.find(key);
  if (it == index_.end()) return;
  bytes_ -= it->second->bytes;
  lru_.erase(it->second);
  index_.erase(it);
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

int64_t CombinedVersion(std::initializer_list<int64_t> parts) {
  uint64_t h = 0x9e3779b97f4a7c15ULL;
  for (int64_t part : parts) {
    uint64_t x = static_cast<uint64_t>(part) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    x ^= x >> 30;  // splitmix64's finaliser, so near parts spread
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    h ^= x;
  }
  return static_cast<int64_t>(h);
}

}  // namespace tilti::web
