#pragma once
// Rendered answers kept per node for pages and API replies that depend only on the request
// and the directory: keyed by the request (and the caller's extra key parts, e.g. the minute
// for "open now") and tagged with the directory version (store/search_snapshot.h
// DirectoryVersion) they were made from, so an entry made before a change is never served after
// it, whichever node made the change. Bounded by bytes; the least recently used entries go
// first. Thread-safe. Only answers that hold nothing personal may be cached (no CSRF tokens, no
// session data).
#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace tilti::web {

struct CachedAnswer {
  int status = 200;
  std::string content_type;
  std::string body;
  std::string etag = {};  // the API's entity tag of the body, made once (empty for pages)
};

class ResponseCache {
 public:
  explicit ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  // The answer stored under `key` for `version`; nullptr when there is none (or only one for
  // another version, which is dropped).
  std::shared_ptr<const CachedAnswer> Get(const std::string& key, int64_t version);
  // For answers that change often for every reader at once (the minute turns): like Get, but
  // when the answer stored is for another version, only the first caller gets nullptr (and
  // makes the new one, then Puts it); the others get the previous answer meanwhile, for at
  // most kRefreshWait, instead of all rendering it at once. A reader alone (who just changed
  // something) is always the first, so sees the new answer.
  std::shared_ptr<const CachedAnswer> GetOrStale(const std::string& key, int64_t version);
  static constexpr std::chrono::seconds kRefreshWait{2};
  // Stores `answer`; an answer larger than a quarter of the cache is not kept (and the one
  // stored under `key` before is dropped, so GetOrStale never keeps serving it).
  void Put(const std::string& key, int64_t version, CachedAnswer answer);
  // Forgets the answer under `key`: for a GetOrStale caller that ends up with nothing to Put
  // (the page is gone), so the previous answer is not served in its place.
  void Drop(const std::string& key);

  size_t bytes() const;
  size_t entries() const;

 private:
  struct Entry {
    std::string key;
    int64_t version;
    std::shared_ptr<const CachedAnswer> answer;
    size_t bytes;
    std::chrono::steady_clock::time_point refreshing_since{};  // GetOrStale: being remade
  };
  void EvictLocked();
  void DropLocked(const std::string& key);

  const size_t max_bytes_;
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
};

// One version made of several (the directory's, the events', the minute...), for the cache:
// equal parts give equal versions, and a change in any part gives another.
int64_t CombinedVersion(std::initializer_list<int64_t> parts);

}  // namespace tilti::web
