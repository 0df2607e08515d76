#include <gtest/gtest.h>

#include "speech/synthesizer.h"
#include "speech/voices.h"
#include "speech/wav.h"

namespace tilti::speech {
namespace {

TEST(SpeechVoices, MapsEachSiteLocaleToAnEspeakVoice) {
  EXPECT_EQ(VoiceFor("lv"), "lv");
  EXPECT_EQ(VoiceFor("ru"), "ru");
  EXPECT_EQ(VoiceFor("uk"), "uk");
  EXPECT_EQ(VoiceFor("en"), "en");
  EXPECT_EQ(VoiceFor("en-GB"), "en");
}

TEST(SpeechVoices, UnknownLocaleCannotBeSpoken) {
  EXPECT_EQ(VoiceFor("xx"), std::nullopt);
  EXPECT_EQ(VoiceFor(""), std::nullopt);
  EXPECT_EQ(VoiceFor("lvx"), std::nullopt);
}

TEST(SpeechWav, HeaderRoundTrips) {
  const std::string wav = WavFromPcm16({0, 1000, -1000, 32767, -32768}, 22050);
  ASSERT_EQ(wav.size(), 44u + 10u);
  EXPECT_EQ(wav.substr(0, 4), "RIFF");
  EXPECT_EQ(wav.substr(8, 4), "WAVE");
  auto info = ReadWavHeader(wav);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->channels, 1);
  EXPECT_EQ(info->sample_rate, 22050);
  EXPECT_EQ(info->bits_per_sample, 16);
  EXPECT_EQ(info->data_bytes, 10u);
}

TEST(SpeechWav, RejectsTruncatedOrForeignBytes) {
  std::string wav = WavFromPcm16({1, 2, 3}, 22050);
  EXPECT_FALSE(ReadWavHeader(wav.substr(0, wav.size() - 1)));
  EXPECT_FALSE(ReadWavHeader("RIFF"));
  std::string not_wave = wav;
  not_wave.replace(8, 4, "AVI ");
  EXPECT_FALSE(ReadWavHeader(not_wave));
}

// Real syntheses with the installed espeak-ng-data: a real WAV header and real audio.
TEST(SpeechSynthesizer, SpeaksEverySiteLanguage) {
  Synthesizer synth;
  const std::pair<const char*, const char*> phrases[] = {
      {"lv", "Labdien! Kā varu palīdzēt?"},
      {"ru", "Здравствуйте! Чем я могу помочь?"},
      {"uk", "Добрий день! Чим я можу допомогти?"},
      {"en", "Hello! How can I help you?"},
  };
  for (const auto& [locale, text] : phrases) {
    auto voice = VoiceFor(locale);
    ASSERT_TRUE(voice) << locale;
    auto wav = synth.Synthesize(*voice, text);
    ASSERT_TRUE(wav.ok()) << locale << ": " << wav.error().detail;
    auto info = ReadWavHeader(wav.value());
    ASSERT_TRUE(info) << locale;
    EXPECT_EQ(info->channels, 1);
    EXPECT_EQ(info->bits_per_sample, 16);
    EXPECT_GT(info->sample_rate, 8000);
    // At least half a second of sound, and not all silence.
    EXPECT_GT(info->data_bytes, static_cast<uint32_t>(info->sample_rate));
    bool any_sound = false;
    for (size_t i = 44; i + 1 < wav.value().size() && !any_sound; i += 2) {
      const int16_t s = static_cast<int16_t>(static_cast<unsigned char>(wav.value()[i]) |
                                             (static_cast<unsigned char>(wav.value()[i + 1]) << 8));
      any_sound = s > 500 || s < -500;
    }
    EXPECT_TRUE(any_sound) << locale;
  }
  EXPECT_EQ(synth.syntheses(), 4u);
}

TEST(SpeechSynthesizer, RefusesUnknownVoice) {
  Synthesizer synth;
  auto wav = synth.Synthesize("no-such-voice", "Hello");
  ASSERT_FALSE(wav.ok());
  EXPECT_EQ(wav.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(synth.syntheses(), 0u);
}

TEST(SpeechSynthesizer, RefusesVoiceNamesThatCouldBePaths) {
  Synthesizer synth;
  for (const char* voice : {"../../etc/passwd", "lv/../en", "LV", "", "en gb"}) {
    auto wav = synth.Synthesize(voice, "Hello");
    ASSERT_FALSE(wav.ok()) << voice;
    EXPECT_EQ(wav.error().code, ErrorCode::kInvalidInput) << voice;
  }
}

TEST(SpeechSynthesizer, RefusesEmptyAndOverlongText) {
  Synthesizer synth;
  EXPECT_EQ(synth.Synthesize("en", "").error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(synth.Synthesize("en", " \n\t").error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(synth.Synthesize("en", std::string(kMaxTextBytes + 1, 'a')).error().code,
            ErrorCode::kInvalidInput);
}

TEST(SpeechSynthesizer, MarkupIsReadNotObeyed) {
  // Without espeakSSML, markup is not interpreted: the call succeeds and speaks the text.
  Synthesizer synth;
  auto wav = synth.Synthesize("en", "<speak>Hi</speak>");
  ASSERT_TRUE(wav.ok()) << wav.error().detail;
  EXPECT_TRUE(ReadWavHeader(wav.value()));
}

TEST(SpeechTextKey, IsSha256Hex) {
  EXPECT_EQ(TextKey(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(TextKey("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_NE(TextKey("Labdien"), TextKey("labdien"));
}

}  // namespace
}  // namespace tilti::speech
