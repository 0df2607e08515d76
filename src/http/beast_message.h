#pragma once
// Conversions between Beast messages and Request/Response. Internal to src/http: this is one
// of the two headers (with session.h) where Beast types appear, and no public header
// includes it.
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <string>
#include <string_view>

#include "http/request.h"

namespace tilti::http {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;
using BeastResponse = boost::beast::http::response<boost::beast::http::string_body>;

// Copies the method (as sent, also for methods Beast does not know), the target and the header
// fields (names lower-cased, in order) of a possibly partly parsed request into `out`.
void CopyHeader(const BeastRequest& in, Request& out);

// How a response goes on the wire.
struct WireContext {
  unsigned version = 11;  // 10 or 11, as the request
  bool keep_alive = true;
  bool head = false;  // a HEAD request: headers only, Content-Length as for GET
  std::string_view request_id;
};

// Builds the message for `response`, which must pass ResponseProblem (framing.h). The server
// owns framing, so the handler's Content-Length, Transfer-Encoding and Connection headers are
// replaced by its own, and X-Request-Id is set.
BeastResponse ToBeastResponse(Response response, const WireContext& wire);

// The bytes of ToBeastResponse(response, wire).
std::string SerializeResponse(Response response, const WireContext& wire);

}  // namespace tilti::http
