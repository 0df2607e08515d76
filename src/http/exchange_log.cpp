#include "http/exchange_log.h"

#include <array>
#include <string_view>

#include "core/log.h"

namespace tilti::http {

std::string_view MetricMethod(std::string_view method) {
  if (method.empty() || method == "-") return "-";
  static constexpr std::array<std::string_view, 9> kKnown = {
      "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "TRACE"};
  for (std::string_view known : kKnown) {
    if (method == known) return known;
  }
  return "OTHER";
}

void RecordExchange(const ExchangeRecord& record, bool access_log, Metrics& metrics) {
  metrics.RecordRequest(MetricMethod(record.method), record.route, record.status, record.duration);
  if (!access_log) return;
  double ms = static_cast<double>(record.duration.count()) / 1000.0;
  // The method is a token (the parser rejects anything else), so the line stays one line.
  spdlog::info("{} {} {} {:.3f}ms rid={}", record.method.empty() ? "-" : record.method,
               record.route, record.status, ms, record.request_id);
}

}  // namespace tilti::http
