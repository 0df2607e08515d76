#include "web/assets.h"

#include "core/ids.h"

#include <zlib.h>

#include <cstdio>
#include <stdexcept>

namespace tilti::web {
namespace {


bool IsText(std::string_view type) {
  return type.starts_with("text/") || type.find("javascript") != std::string_view::npos ||
         type.find("json") != std::string_view::npos || type.find("svg") != std::string_view::npos;
}

}  // namespace

std::string ContentTypeFor(std::string_view name) {
  auto dot = name.rfind('.');
  std::string_view ext = dot == std::string_view::npos ? "" : name.substr(dot + 1);
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "webp") return "image/webp";
  if (ext == "ico") return "image/x-icon";
  if (ext == "json") return "application/json";
  if (ext == "txt") return "text/plain; charset=utf-8";
  if (ext == "vtt") return "text/vtt; charset=utf-8";
  if (ext == "woff2") return "font/woff2";
  return "application/octet-stream";
}

std::string Gzip(std::string_view bytes) {
  z_stream zs{};
  // windowBits 15 + 16 selects the gzip wrapper.
  if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out(deflateBound(&zs, bytes.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) throw std::runtime_error("deflate failed");
  out.resize(zs.total_out);
  return out;
}

StaticAssets::StaticAssets(const std::vector<embedded::File>& files) {
  constexpr std::string_view kDir = "static/";
  for (const auto& f : files) {
    if (!f.path.starts_with(kDir)) continue;
    std::string name(f.path.substr(kDir.size()));
    std::string hash = Fnv1a64Hex(f.bytes).substr(0, 10);
    auto dot = name.rfind('.');
    std::string hashed = dot == std::string::npos
                             ? name + "." + hash
                             : name.substr(0, dot) + "." + hash + name.substr(dot);
    Asset a;
    a.hashed_name = hashed;
    a.content_type = ContentTypeFor(name);
    a.etag = "\"" + hash + "\"";
    a.bytes = std::string(f.bytes);
    if (IsText(a.content_type) && a.bytes.size() > 512) {
      std::string gz = Gzip(a.bytes);
      if (gz.size() * 10 < a.bytes.size() * 9) a.gzip = std::move(gz);
    }
    hashed_of_[name] = hashed;
    by_hashed_.emplace(hashed, std::move(a));
  }
}

std::string StaticAssets::Url(std::string_view name) const {
  auto it = hashed_of_.find(name);
  if (it == hashed_of_.end()) throw std::logic_error("no static asset " + std::string(name));
  return "/static/" + it->second;
}

const Asset* StaticAssets::Find(std::string_view hashed_name) const {
  auto it = by_hashed_.find(hashed_name);
  return it == by_hashed_.end() ? nullptr : &it->second;
}

}  // namespace tilti::web
