#pragma once
// Logging goes through spdlog's default logger, set up once by the app. Never log passwords,
// tokens or personal data (STYLE.md habit 15).
#include <spdlog/spdlog.h>

namespace tilti::log {

enum class Format { kText, kJson };

// Sets the process logger: lines to stderr with a timestamp and level.
void Init(bool verbose);

}  // namespace tilti::log
