#pragma once
// The access log line and request metrics written once per answered request.
// Internal to src/http.
#include <chrono>
#include <string_view>

#include "core/metrics.h"

namespace tilti::http {

struct ExchangeRecord {
  std::string_view method;  // as sent, "-" if unknown
  std::string_view route;   // Response::route, "-" if no route matched
  int status = 0;
  std::chrono::microseconds duration{0};  // request read to response ready
  std::string_view request_id;
};

// Logs `GET /{lang}/ 200 0.412ms rid=...` at info level when `access_log` is set, and records
// the request in `metrics`.
void RecordExchange(const ExchangeRecord& record, bool access_log, Metrics& metrics);

// The method label used for metrics: a standard method as is, "-" if unknown (the request was
// refused before its method was read), anything else "OTHER", so that clients sending
// made-up methods cannot create unbounded metric series.
std::string_view MetricMethod(std::string_view method);

}  // namespace tilti::http
