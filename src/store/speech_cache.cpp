#include "store/speech_cache.h"

namespace tilti::store {

std::optional<std::string> StoredSpokenWav(Connection& c, std::string_view voice,
                                           std::string_view text_sha256) {
  Statement& st = c.Cached("SELECT wav FROM speech_audio WHERE voice = ?1 AND text_sha256 = ?2");
  st.Bind(1, voice).Bind(2, text_sha256);
  if (!st.Step()) return std::nullopt;
  std::string wav = st.Blob(0);
  st.Reset();
  return wav;
}

int64_t StoredSpokenWavCount(Connection& c) {
  Statement& st = c.Cached("SELECT count(*) FROM speech_audio");
  const int64_t n = st.Step() ? st.Int(0) : 0;
  st.Reset();
  return n;
}

Result<std::string> SpokenWav(Database& db, speech::Synthesizer& synthesizer,
                              std::string_view voice, std::string_view text, SysTime now) {
  const std::string key = speech::TextKey(text);
  {
    auto lease = db.Read();
    if (auto stored = StoredSpokenWav(*lease, voice, key)) return std::move(*stored);
  }
  // Synthesised outside the write transaction: the writer is never held for the tens of
  // milliseconds espeak-ng takes. A node that loses the race keeps the other's row.
  Result<std::string> wav = synthesizer.Synthesize(voice, text);
  if (!wav.ok()) return wav;
  db.Write([&](Connection& c) {
    c.Cached(
         "INSERT INTO speech_audio (voice, text_sha256, wav, created) VALUES (?1, ?2, ?3, ?4) "
         "ON CONFLICT (voice, text_sha256) DO NOTHING")
        .Bind(1, voice)
        .Bind(2, key)
        .BindBlob(3, wav.value())
        .Bind(4, FormatRfc3339(now))
        .Run();
  });
  return wav;
}

}  // namespace tilti::store
