#include "store/speech_cache.h"

#include <gtest/gtest.h>

#include "speech/wav.h"
#include "store/demo_database_for_tests.h"

namespace tilti::store {
namespace {

const SysTime kNow = std::chrono::sys_days{std::chrono::year{2026} / 12 / 6};

TEST(SpeechCache, SynthesisesOnceThenServesTheStoredAudio) {
  MigratedDatabaseForTests temp;
  speech::Synthesizer synth;
  auto first = SpokenWav(temp.db(), synth, "lv", "Labdien! Kā varu jums palīdzēt?", kNow);
  ASSERT_TRUE(first.ok()) << first.error().detail;
  EXPECT_TRUE(speech::ReadWavHeader(first.value()));
  EXPECT_EQ(synth.syntheses(), 1u);
  EXPECT_EQ(StoredSpokenWavCount(*temp.db().Read()), 1);

  auto second = SpokenWav(temp.db(), synth, "lv", "Labdien! Kā varu jums palīdzēt?", kNow);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.value(), first.value()) << "byte for byte the stored file";
  EXPECT_EQ(synth.syntheses(), 1u) << "the second answer came from the database";
  EXPECT_EQ(StoredSpokenWavCount(*temp.db().Read()), 1);
}

TEST(SpeechCache, AnotherNodeFindsWhatTheFirstMade) {
  // Two synthesizers stand for two nodes on one database.
  MigratedDatabaseForTests temp;
  speech::Synthesizer node_a, node_b;
  ASSERT_TRUE(SpokenWav(temp.db(), node_a, "en", "Welcome to the library!", kNow).ok());
  ASSERT_TRUE(SpokenWav(temp.db(), node_b, "en", "Welcome to the library!", kNow).ok());
  EXPECT_EQ(node_b.syntheses(), 0u);
}

TEST(SpeechCache, KeysOnVoiceAndExactText) {
  MigratedDatabaseForTests temp;
  speech::Synthesizer synth;
  ASSERT_TRUE(SpokenWav(temp.db(), synth, "ru", "Добро пожаловать!", kNow).ok());
  ASSERT_TRUE(SpokenWav(temp.db(), synth, "uk", "Добро пожаловать!", kNow).ok());
  ASSERT_TRUE(SpokenWav(temp.db(), synth, "ru", "Добро пожаловать", kNow).ok());
  EXPECT_EQ(synth.syntheses(), 3u);
  EXPECT_EQ(StoredSpokenWavCount(*temp.db().Read()), 3);
  EXPECT_TRUE(StoredSpokenWav(*temp.db().Read(), "uk", speech::TextKey("Добро пожаловать!")));
}

TEST(SpeechCache, AFailedSynthesisStoresNothing) {
  MigratedDatabaseForTests temp;
  speech::Synthesizer synth;
  auto wav = SpokenWav(temp.db(), synth, "no-such-voice", "Hello", kNow);
  ASSERT_FALSE(wav.ok());
  EXPECT_EQ(wav.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(StoredSpokenWavCount(*temp.db().Read()), 0);
}

TEST(SpeechCache, SchemaRefusesWhatIsNotAWav) {
  MigratedDatabaseForTests temp;
  EXPECT_THROW(temp.db().Write([](Connection& c) {
    c.Exec("INSERT INTO speech_audio VALUES ('lv', '" + std::string(64, 'a') +
           "', zeroblob(100), '2026-12-06T00:00:00Z')");
  }),
               std::exception);
  EXPECT_THROW(temp.db().Write([](Connection& c) {
    c.Exec(
        "INSERT INTO speech_audio VALUES ('lv', 'not-a-hash', CAST('RIFF' || hex(zeroblob(50)) AS "
        "BLOB), "
        "'2026-12-06T00:00:00Z')");
  }),
               std::exception);
}

}  // namespace
}  // namespace tilti::store
