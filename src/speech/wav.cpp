#include "speech/wav.h"

namespace tilti::speech {
namespace {

constexpr size_t kHeaderBytes = 44;

void PutU32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void PutU16(std::string& out, uint16_t v) {
  out.push_back(static_cast<char>(v & 0xff));
  out.push_back(static_cast<char>((v >> 8) & 0xff));
}
uint32_t GetU32(std::string_view b, size_t at) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}
uint16_t GetU16(std::string_view b, size_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(b[at]) |
                               (static_cast<unsigned char>(b[at + 1]) << 8));
}

}  // namespace

std::string WavFromPcm16(const std::vector<int16_t>& samples, int sample_rate) {
  const uint32_t data_bytes = static_cast<uint32_t>(samples.size() * 2);
  std::string out;
  out.reserve(kHeaderBytes + data_bytes);
  out += "RIFF";
  PutU32(out, 36 + data_bytes);
  out += "WAVE";
  out += "fmt ";
  PutU32(out, 16);  // PCM format chunk size
  PutU16(out, 1);   // PCM
  PutU16(out, 1);   // mono
  PutU32(out, static_cast<uint32_t>(sample_rate));
  PutU32(out, static_cast<uint32_t>(sample_rate) * 2);  // byte rate
  PutU16(out, 2);                                       // block align
  PutU16(out, 16);                                      // bits per sample
  out += "data";
  PutU32(out, data_bytes);
  for (int16_t s : samples) PutU16(out, static_cast<uint16_t>(s));
  return out;
}

std::optional<WavInfo> ReadWavHeader(std::string_view b) {
  if (b.size() < kHeaderBytes) return std::nullopt;
  if (b.substr(0, 4) != "RIFF" || b.substr(8, 4) != "WAVE" || b.substr(12, 4) != "fmt " ||
      b.substr(36, 4) != "data") {
    return std::nullopt;
  }
  if (GetU32(b, 16) != 16 || GetU16(b, 20) != 1) return std::nullopt;
  WavInfo info;
  info.channels = GetU16(b, 22);
  info.sample_rate = static_cast<int>(GetU32(b, 24));
  info.bits_per_sample = GetU16(b, 34);
  info.data_bytes = GetU32(b, 40);
  if (GetU32(b, 4) != b.size() - 8 || info.data_bytes != b.size() - kHeaderBytes) {
    return std::nullopt;
  }
  return info;
}

}  // namespace tilti::speech
