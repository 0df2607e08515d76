#include "http/beast_message.h"

#include <boost/beast/http/write.hpp>
#include <sstream>

#include "http/ascii.h"

namespace tilti::http {
namespace {

bool IsFramingHeader(std::string_view name) {
  std::string lower = AsciiLower(name);
  return lower == "content-length" || lower == "transfer-encoding" || lower == "connection";
}

// 1xx, 204 and 304 responses never have a body, so they get no Content-Length either.
bool HasNoBody(int status) { return status < 200 || status == 204 || status == 304; }

}  // namespace

void CopyHeader(const BeastRequest& in, Request& out) {
  out.method = std::string(in.method_string());
  out.target = std::string(in.target());
  out.headers.clear();
  for (const auto& field : in) {
    out.headers.emplace_back(AsciiLower(field.name_string()), std::string(field.value()));
  }
}

BeastResponse ToBeastResponse(Response response, const WireContext& wire) {
  BeastResponse msg;
  msg.version(wire.version);
  msg.result(static_cast<unsigned>(response.status));
  for (const auto& [name, value] : response.headers) {
    if (!IsFramingHeader(name)) msg.insert(name, value);
  }
  msg.set("X-Request-Id", wire.request_id);
  msg.keep_alive(wire.keep_alive);
  if (HasNoBody(response.status)) return msg;
  msg.content_length(response.body.size());
  if (!wire.head) msg.body() = std::move(response.body);
  return msg;
}

std::string SerializeResponse(Response response, const WireContext& wire) {
  std::ostringstream out;
  out << ToBeastResponse(std::move(response), wire);
  return out.str();
}

}  // namespace tilti::http
