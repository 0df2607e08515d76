#pragma once
// Request ids tie an access-log line, an error log line and the X-Request-Id a user reports
// to one request. Internal to src/http.
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

namespace tilti::http {

// Thread-safe. Ids are 16 lower-case hex digits: a per-process random prefix (so ids from
// two runs do not collide in the logs) followed by a counter.
class RequestIdGenerator {
 public:
  explicit RequestIdGenerator(uint32_t random_prefix) : prefix_(random_prefix) {}
  std::string Next();

 private:
  const uint32_t prefix_;
  std::atomic<uint32_t> counter_{0};
};

// True if a client-supplied X-Request-Id may be reused: 1 to 64 characters of
// [A-Za-z0-9._-], so it cannot forge log lines or headers.
bool IsAcceptableRequestId(std::string_view id);

}  // namespace tilti::http
