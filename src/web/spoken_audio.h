#pragma once
// Spoken audio as the site serves it (the phrasebook's phrases, the guides read aloud): the WAV
// of a text in an espeak-ng voice, from the database or made once (store/speech_cache), with
// the headers every such file gets.
#include <string_view>

#include "http/request.h"
#include "web/site.h"

namespace tilti::web {

// The WAV of `text` spoken by `voice` (callers have checked both: what may be spoken is theirs
// to decide). audio/wav, nosniff, a policy that allows nothing, a month's caching and an ETag
// naming the exact voice and text (a matching If-None-Match gets 304 without any synthesis).
// When espeak-ng fails: 503, logged with `what` (the phrase or guide asked for).
http::Response SpokenAudioResponse(const Site& site, const http::Request& request,
                                   std::string_view voice, std::string_view text,
                                   std::string_view what);

}  // namespace tilti::web
