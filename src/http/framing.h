#pragma once
// Message framing rules checked after the request header is parsed (QUALITY.md R5). Beast
// 1.81 accepts some framings that let a proxy and this server disagree about where a request
// ends (request smuggling), so the server rejects them itself with 400 and closes.
// Internal to src/http; no Beast types so the rules can be tested alone.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/request.h"

namespace tilti::http {

// `version` is 10 for HTTP/1.0; `headers` have lower-cased names in arrival order.
// Returns why the framing is unacceptable (for the log), or nothing if it is fine:
// - a version other than HTTP/1.0 and HTTP/1.1;
// - Transfer-Encoding other than exactly one field "chunked" (case-insensitive);
// - Transfer-Encoding on HTTP/1.0;
// - Transfer-Encoding together with Content-Length;
// - Content-Length repeated or not a plain decimal number;
// - Host missing on HTTP/1.1, or repeated.
std::optional<std::string> FramingProblem(
    int version, const std::vector<std::pair<std::string, std::string>>& headers);

// Returns why a handler's response cannot be written (for the log), or nothing if it can:
// a status outside 200..599, a header name that is not an RFC 9110 token, or a header value
// with CR, LF or NUL (which would split the response).
std::optional<std::string> ResponseProblem(const Response& response);

// The size of a request's header as sent: request line plus "name: value\r\n" per field
// plus the blank line. Used to enforce the header limit over the whole header.
size_t HeaderBytes(const Request& request);

}  // namespace tilti::http
