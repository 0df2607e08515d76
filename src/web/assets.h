#pragma once
// Static assets (web/static/*) served under content-hashed names with long-lived caching:
// "/static/site.css" is published as "/static/site.<hash>.css", so a changed file gets a new
// URL and old pages keep working. Text assets are gzip-compressed once at load.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/embedded.h"

namespace tilti::web {

struct Asset {
  std::string hashed_name;  // "site.1a2b3c4d5e.css"
  std::string content_type;
  std::string etag;  // quoted
  std::string bytes;
  std::optional<std::string> gzip;  // only when it saves at least 10 %
};

class StaticAssets {
 public:
  // Takes every "static/<name>" among `files`.
  explicit StaticAssets(const std::vector<embedded::File>& files);

  // "/static/site.<hash>.css" for "site.css"; throws std::logic_error for an unknown name
  // (a template or handler naming a missing asset is a programming error).
  std::string Url(std::string_view name) const;
  // The asset published under `hashed_name`, if any.
  const Asset* Find(std::string_view hashed_name) const;
  size_t size() const { return by_hashed_.size(); }

 private:
  std::map<std::string, Asset, std::less<>> by_hashed_;
  std::map<std::string, std::string, std::less<>> hashed_of_;  // plain name -> hashed name
};

// Content type for a file name, by extension.
std::string ContentTypeFor(std::string_view name);

// gzip (RFC 1952) of `bytes` at the best compression level.
std::string Gzip(std::string_view bytes);

}  // namespace tilti::web
