#pragma once
// Process metrics rendered in the Prometheus text format at /metrics.
// Thread-safe: request recording is called from every worker thread.
#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tilti {

class Metrics {
 public:
  // Upper bounds of the latency histogram, in seconds.
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,     5};

  // One finished request: `route` is the route pattern ("/{lang}/libraries/{slug}"), never
  // the raw path, so the number of series stays bounded.
  void RecordRequest(std::string_view method, std::string_view route, int status,
                     std::chrono::microseconds latency);

  // A gauge read when /metrics is rendered (open connections, database size...).
  void AddGauge(std::string name, std::string help, std::function<double()> read);

  std::string RenderPrometheus() const;

 private:
  struct Series {
    uint64_t count = 0;
  };
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> buckets{};
    uint64_t count = 0;
    double sum = 0;
  };
  struct Gauge {
    std::string name, help;
    std::function<double()> read;
  };
  mutable std::mutex mu_;
  // Guarded by mu_:
  std::map<std::tuple<std::string, std::string, int>, Series> requests_;
  std::map<std::string, Histogram> latency_;
  std::vector<Gauge> gauges_;
};

}  // namespace tilti
