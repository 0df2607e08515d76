#pragma once
// Rendered answers kept per node for pages and API replies that depend only on the request
// and the directory: keyed by the request (and the caller's extra key parts, e.g. the minute
// for "open now") and tagged with the directory version (store/search_snapshot.h
// DirectoryVersion) they were made from, so an entry made before a change is never served after
// it, whichever node made the change. Bounded by bytes; the least recently used entries go
// first. Thread-safe. Only answers that hold nothing personal may be cached (no CSRF tokens, no
// session data).
#include <cstdint>
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
};

class ResponseCache {
 public:
  explicit ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  // The answer stored under `key` for `version`; nullptr when there is none (or only one for
  // another version, which is dropped).
  std::shared_ptr<const CachedAnswer> Get(const std::string& key, int64_t version);
  // Stores `answer`; an answer larger than a quarter of the cache is not kept.
  void Put(const std::string& key, int64_t version, CachedAnswer answer);

  size_t bytes() const;
  size_t entries() const;

 private:
  struct Entry {
    std::string key;
    int64_t version;
    std::shared_ptr<const CachedAnswer> answer;
    size_t bytes;
  };
  void EvictLocked();

  const size_t max_bytes_;
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
};

}  // namespace tilti::web
