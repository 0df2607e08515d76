#pragma once
// Typed values from a request's query string, at the edge (STYLE habit 6).
#include <string>
#include <string_view>

#include "http/request.h"

namespace tilti::web {

// The first value of query parameter `name`, trimmed of whitespace and cut to at most
// `max_bytes` without splitting a UTF-8 character; "" when absent.
std::string QueryParam(const http::Request& request, std::string_view name,
                       size_t max_bytes = 200);

}  // namespace tilti::web
