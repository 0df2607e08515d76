#include "core/metrics.h"

#include <cstdio>

namespace tilti {
namespace {

// Label values are route patterns and methods we chose, but escape anyway: the format
// requires \\, \" and \n escaped.
std::string EscapeLabel(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string FormatDouble(double d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.9g", d);
  return buf;
}

}  // namespace

void Metrics::RecordRequest(std::string_view method, std::string_view route, int status,
                            std::chrono::microseconds latency) {
  double seconds = static_cast<double>(latency.count()) / 1e6;
  std::lock_guard lock(mu_);
  requests_[{std::string(method), std::string(route), status}].count++;
  Histogram& h = latency_[std::string(route)];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) h.buckets[i]++;
  }
  h.count++;
  h.sum += seconds;
}

void Metrics::AddGauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(mu_);
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

std::string Metrics::RenderPrometheus() const {
  std::string out;
  std::lock_guard lock(mu_);
  out += "# HELP tilti_http_requests_total HTTP requests by method, route and status.\n";
  out += "# TYPE tilti_http_requests_total counter\n";
  for (const auto& [key, s] : requests_) {
    const auto& [method, route, status] = key;
    out += "tilti_http_requests_total{method=\"" + EscapeLabel(method) + "\",route=\"" +
           EscapeLabel(route) + "\",status=\"" + std::to_string(status) + "\"} " +
           std::to_string(s.count) + "\n";
  }
  out += "# HELP tilti_http_request_duration_seconds Time from request read to response ready.\n";
  out += "# TYPE tilti_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    std::string label = "route=\"" + EscapeLabel(route) + "\"";
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      out += "tilti_http_request_duration_seconds_bucket{" + label + ",le=\"" +
             FormatDouble(kBuckets[i]) + "\"} " + std::to_string(h.buckets[i]) + "\n";
    }
    out += "tilti_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
           std::to_string(h.count) + "\n";
    out += "tilti_http_request_duration_seconds_sum{" + label + "} " + FormatDouble(h.sum) + "\n";
    out += "tilti_http_request_duration_seconds_count{" + label + "} " + std::to_string(h.count) +
           "\n";
  }
  for (const auto& g : gauges_) {
    out += "# HELP " + g.name + " " + g.help + "\n# TYPE " + g.name + " gauge\n";
    out += g.name + " " + FormatDouble(g.read()) + "\n";
  }
  return out;
}

}  // namespace tilti
