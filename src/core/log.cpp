#include "core/log.h"

#include <spdlog/sinks/stdout_color_sinks.h>

namespace tilti::log {

void Init(bool verbose) {
  auto logger = spdlog::stderr_color_mt("tilti");
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %^%l%$ %v", spdlog::pattern_time_type::utc);
  logger->set_level(verbose ? spdlog::level::debug : spdlog::level::info);
  spdlog::set_default_logger(logger);
}

}  // namespace tilti::log
