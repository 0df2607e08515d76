#pragma once
// RIFF/WAVE files of 16-bit mono PCM: what the synthesizer returns and browsers play.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tilti::speech {

// A complete WAV file (44-byte canonical header + little-endian samples).
std::string WavFromPcm16(const std::vector<int16_t>& samples, int sample_rate);

// What a WAV header says, when `bytes` starts with a well-formed one.
struct WavInfo {
  int channels = 0;
  int sample_rate = 0;
  int bits_per_sample = 0;
  uint32_t data_bytes = 0;
};
// Reads the canonical header WavFromPcm16 writes ("RIFF" size "WAVE" "fmt " PCM "data" size);
// nullopt when it is not one or its sizes disagree with the length of `bytes`.
std::optional<WavInfo> ReadWavHeader(std::string_view bytes);

}  // namespace tilti::speech
