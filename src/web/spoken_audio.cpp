#include "web/spoken_audio.h"

#include "core/log.h"
#include "speech/synthesizer.h"
#include "store/speech_cache.h"

namespace tilti::web {

http::Response SpokenAudioResponse(const Site& site, const http::Request& request,
                                   std::string_view voice, std::string_view text,
                                   std::string_view what) {
  // The ETag names the exact voice and text, so a corrected text is fetched anew however long
  // a browser has kept the old audio.
  std::string etag = "\"";
  etag += voice;
  etag += '-';
  etag += speech::TextKey(text).substr(0, 32);
  etag += '"';
  http::Response r;
  r.Set("Content-Type", "audio/wav");
  r.Set("X-Content-Type-Options", "nosniff");
  r.Set("Content-Security-Policy", "default-src 'none'");
  // A month, not "immutable": a phrase's URL stays when its text is corrected.
  r.Set("Cache-Control", "public, max-age=2592000");
  r.Set("ETag", etag);
  if (request.Header("if-none-match").value_or("") == etag) {
    r.status = 304;
    return r;
  }
  Result<std::string> wav =
      store::SpokenWav(site.db(), site.speech(), voice, text, site.clock().Now());
  if (!wav.ok()) {
    spdlog::error("rid={} speech {} {}: {}", request.request_id, voice, what, wav.error().detail);
    return site.ErrorPage(503, request);
  }
  r.body = std::move(wav.value());
  return r;
}

}  // namespace tilti::web
