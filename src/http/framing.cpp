#include "http/framing.h"

#include <algorithm>

#include "http/ascii.h"

namespace tilti::http {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IsDecimal(std::string_view s) {
  // 18 digits cannot overflow uint64_t; nothing we accept comes close to that size anyway.
  return !s.empty() && s.size() <= 18 &&
         std::ranges::all_of(s, [](char c) { return c >= '0' && c <= '9'; });
}

bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

struct FramingFields {
  std::vector<std::string_view> transfer_encoding, content_length;
  int host_count = 0;
};

FramingFields Collect(const std::vector<std::pair<std::string, std::string>>& headers) {
  FramingFields f;
  for (const auto& [name, value] : headers) {
    if (name == "transfer-encoding") f.transfer_encoding.push_back(Trim(value));
    if (name == "content-length") f.content_length.push_back(Trim(value));
    if (name == "host") f.host_count++;
  }
  return f;
}

}  // namespace

std::optional<std::string> FramingProblem(
    int version, const std::vector<std::pair<std::string, std::string>>& headers) {
  if (version != 10 && version != 11) return "unsupported HTTP version";
  FramingFields f = Collect(headers);
  if (!f.transfer_encoding.empty()) {
    if (version < 11) return "Transfer-Encoding on HTTP/1.0";
    if (f.transfer_encoding.size() > 1) return "repeated Transfer-Encoding";
    if (!AsciiIEquals(f.transfer_encoding.front(), "chunked"))
      return "Transfer-Encoding not chunked";
    if (!f.content_length.empty()) return "both Transfer-Encoding and Content-Length";
  }
  if (f.content_length.size() > 1) return "repeated Content-Length";
  if (f.content_length.size() == 1 && !IsDecimal(f.content_length.front())) {
    return "Content-Length not a decimal number";
  }
  if (f.host_count > 1) return "repeated Host";
  if (f.host_count == 0 && version >= 11) return "missing Host";
  return std::nullopt;
}

std::optional<std::string> ResponseProblem(const Response& response) {
  if (response.status < 200 || response.status > 599) {
    return "status " + std::to_string(response.status);
  }
  for (const auto& [name, value] : response.headers) {
    if (name.empty() || !std::ranges::all_of(name, IsTokenChar)) {
      return "header name '" + name + "'";
    }
    if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos) {
      return "control character in header " + name;
    }
  }
  return std::nullopt;
}

size_t HeaderBytes(const Request& request) {
  // "METHOD SP target SP HTTP/1.1 CRLF" ... "CRLF"
  size_t n = request.method.size() + 1 + request.target.size() + 1 + 8 + 2 + 2;
  for (const auto& [name, value] : request.headers) n += name.size() + 2 + value.size() + 2;
  return n;
}

}  // namespace tilti::http
