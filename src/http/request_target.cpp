#include "http/request_target.h"

#include <boost/url/pct_string_view.hpp>

#include "http/ascii.h"

namespace tilti::http {
namespace {

// "http://host:8080/a?q" -> "/a?q"; "http://host?q" -> "/?q"; nothing if not absolute form.
std::optional<std::string> OriginFormOf(std::string_view target) {
  std::string_view rest;
  if (AsciiIStartsWith(target, "http://")) {
    rest = target.substr(7);
  } else if (AsciiIStartsWith(target, "https://")) {
    rest = target.substr(8);
  } else {
    return std::nullopt;
  }
  size_t end = rest.find_first_of("/?");
  if (end == std::string_view::npos) return "/";
  if (rest[end] == '?') return "/" + std::string(rest.substr(end));
  return std::string(rest.substr(end));
}

}  // namespace

std::optional<RequestTarget> ParseRequestTarget(std::string_view target) {
  if (target == "*") return RequestTarget{"*", ""};
  std::string origin;
  if (!target.starts_with('/')) {
    std::optional<std::string> converted = OriginFormOf(target);
    if (!converted) return std::nullopt;
    origin = std::move(*converted);
    target = origin;
  }
  size_t question = target.find('?');
  std::string_view raw_path = target.substr(0, question);
  // Unlike form fields, a path that does not decode cannot name any resource: reject it.
  auto pct = boost::urls::make_pct_string_view(raw_path);
  if (!pct) return std::nullopt;
  RequestTarget out;
  out.path = pct->decode();
  if (out.path.find('\0') != std::string::npos) return std::nullopt;
  if (question != std::string_view::npos) out.query = std::string(target.substr(question + 1));
  return out;
}

}  // namespace tilti::http
