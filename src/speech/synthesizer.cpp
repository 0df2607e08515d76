#include "speech/synthesizer.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <sodium.h>

#include <mutex>
#include <vector>

#include "speech/wav.h"

namespace tilti::speech {
namespace {

// espeak-ng is one global state machine (its voice, its callback, its buffers), so the lock
// and the "initialised" flag belong to the process, not to a Synthesizer: two Synthesizers
// (tests build several) must still never call into it at the same time. This is the one
// mutable global of the speech module, and it mirrors the library's own.
struct Engine {
  std::mutex mu;
  bool tried = false;   // guarded by mu
  bool ready = false;   // guarded by mu
  int sample_rate = 0;  // guarded by mu
};
Engine& TheEngine() {
  static Engine engine;
  return engine;
}

// espeak-ng's synthesis callback: appends the samples to the vector given as user_data.
int CollectSamples(short* wav, int count, espeak_EVENT* events) {
  if (wav == nullptr || count <= 0 || events == nullptr) return 0;
  auto* out = static_cast<std::vector<int16_t>*>(events->user_data);
  if (out != nullptr) out->insert(out->end(), wav, wav + count);
  return 0;  // 0 = go on
}

bool IsVoiceName(std::string_view voice) {
  if (voice.empty() || voice.size() > 40) return false;
  for (char c : voice) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

bool IsBlank(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

std::string StatusText(espeak_ng_STATUS status) {
  char buffer[256] = {};
  espeak_ng_GetStatusCodeMessage(status, buffer, sizeof buffer);
  return buffer;
}

}  // namespace

Synthesizer::Synthesizer(SynthesizerOptions options) : options_(std::move(options)) {}

Result<std::string> Synthesizer::Synthesize(std::string_view voice, std::string_view text) {
  if (!IsVoiceName(voice)) {
    return Error{ErrorCode::kInvalidInput, "not a voice name", {{"voice", "speech.error.voice"}}};
  }
  if (text.empty() || IsBlank(text)) {
    return Error{ErrorCode::kInvalidInput, "nothing to say", {{"text", "speech.error.empty"}}};
  }
  if (text.size() > kMaxTextBytes) {
    return Error{ErrorCode::kInvalidInput, "text too long", {{"text", "speech.error.long"}}};
  }
  Engine& engine = TheEngine();
  std::lock_guard lock(engine.mu);
  if (!engine.tried) {
    engine.tried = true;
    espeak_ng_InitializePath(options_.data_path.empty() ? nullptr : options_.data_path.c_str());
    espeak_ng_ERROR_CONTEXT context = nullptr;
    espeak_ng_STATUS status = espeak_ng_Initialize(&context);
    espeak_ng_ClearErrorContext(&context);
    if (status == ENS_OK)
      status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
    if (status == ENS_OK) {
      espeak_SetSynthCallback(CollectSamples);
      engine.sample_rate = espeak_ng_GetSampleRate();
      engine.ready = engine.sample_rate > 0;
    }
  }
  if (!engine.ready) {
    return Error{ErrorCode::kUnavailable,
                 "espeak-ng could not start (is espeak-ng-data installed?)"};
  }
  const std::string voice_name(voice);
  espeak_ng_STATUS status = espeak_ng_SetVoiceByName(voice_name.c_str());
  if (status != ENS_OK) {
    return Error{ErrorCode::kNotFound, "espeak-ng voice " + voice_name + ": " + StatusText(status)};
  }
  espeak_ng_SetParameter(espeakRATE, options_.words_per_minute, 0);
  std::vector<int16_t> samples;
  const std::string utf8(text);  // espeak-ng reads up to a NUL
  status = espeak_ng_Synthesize(utf8.c_str(), utf8.size() + 1, 0, POS_CHARACTER, 0,
                                espeakCHARS_UTF8 | espeakENDPAUSE, nullptr, &samples);
  if (status == ENS_OK) status = espeak_ng_Synchronize();
  if (status != ENS_OK) {
    return Error{ErrorCode::kUnavailable, "espeak-ng: " + StatusText(status)};
  }
  if (samples.empty()) return Error{ErrorCode::kUnavailable, "espeak-ng produced no sound"};
  syntheses_.fetch_add(1, std::memory_order_relaxed);
  return WavFromPcm16(samples, engine.sample_rate);
}

std::string TextKey(std::string_view text) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(sizeof digest * 2);
  for (unsigned char b : digest) {
    hex.push_back(kHex[b >> 4]);
    hex.push_back(kHex[b & 0xf]);
  }
  return hex;
}

}  // namespace tilti::speech
