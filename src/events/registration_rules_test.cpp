#include "events/registration_rules.h"

#include <gtest/gtest.h>

namespace tilti::events {
namespace {

RegistrationContext Context(std::optional<int> capacity = 12) {
  return {{"lv", "en", "ru", "uk"}, {"uk", "ru"}, capacity};
}

RegistrationInput Valid() {
  RegistrationInput in;
  in.name = "  Olena ";
  in.party_size = "2";
  in.language = "uk";
  return in;
}

std::vector<std::string> Keys(const Result<RegistrationForm>& r) {
  std::vector<std::string> keys;
  for (const auto& f : r.error().fields) keys.push_back(f.field + ":" + f.message_key);
  return keys;
}

TEST(RegistrationRules, AcceptsOnlyWhatIsNeeded) {
  auto in = Valid();
  in.needs = {"interpreter:uk", "step-free"};
  in.note = " a quiet seat ";
  auto r = ValidateRegistration(in, Context());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().name, "Olena");
  EXPECT_EQ(r.value().contact, "");
  EXPECT_EQ(r.value().party_size, 2);
  EXPECT_EQ(r.value().needs, (std::vector<std::string>{"step-free", "interpreter:uk"}));
  EXPECT_EQ(r.value().note, "a quiet seat");
}

TEST(RegistrationRules, AcceptsEmailOrPhoneLoosely) {
  for (const char* contact : {"olena@example.org", "+371 2000 0000", "(371) 29-000-000"}) {
    auto in = Valid();
    in.contact = contact;
    EXPECT_TRUE(ValidateRegistration(in, Context()).ok()) << contact;
  }
  for (const char* contact : {"olena", "@example.org", "a@b", "12 34", "call me maybe"}) {
    auto in = Valid();
    in.contact = contact;
    auto r = ValidateRegistration(in, Context());
    ASSERT_FALSE(r.ok()) << contact;
    EXPECT_EQ(Keys(r), (std::vector<std::string>{"contact:registration.error.contact_invalid"}));
  }
}

TEST(RegistrationRules, NamesEveryProblemInFormOrder) {
  RegistrationInput in;
  in.name = "   ";
  in.contact = "nope";
  in.party_size = "0";
  in.language = "de";
  in.needs = {"interpreter:de"};
  in.note = std::string(301, 'x');
  auto r = ValidateRegistration(in, Context());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(Keys(r), (std::vector<std::string>{
                         "name:registration.error.name_missing",
                         "contact:registration.error.contact_invalid",
                         "party_size:registration.error.party_size",
                         "language:registration.error.language",
                         "needs:registration.error.need_unknown",
                         "note:registration.error.note_too_long"}));
}

TEST(RegistrationRules, CountsCharactersNotBytes) {
  auto in = Valid();
  in.name = std::string();
  for (int i = 0; i < 100; ++i) in.name += "ї";  // 2 bytes each
  EXPECT_TRUE(ValidateRegistration(in, Context()).ok());
  in.name += "ї";
  EXPECT_EQ(Keys(ValidateRegistration(in, Context())),
            (std::vector<std::string>{"name:registration.error.name_too_long"}));
  in.name = "\xff\xfe";
  EXPECT_EQ(Keys(ValidateRegistration(in, Context())),
            (std::vector<std::string>{"name:registration.error.text_invalid"}));
}

TEST(RegistrationRules, PartySize) {
  for (const char* bad : {"", "x", "-1", "11", "2.5", "1e1", "9999"}) {
    auto in = Valid();
    in.party_size = bad;
    EXPECT_EQ(Keys(ValidateRegistration(in, Context())),
              (std::vector<std::string>{"party_size:registration.error.party_size"}))
        << bad;
  }
  auto in = Valid();
  in.party_size = "4";
  EXPECT_EQ(Keys(ValidateRegistration(in, Context(3))),
            (std::vector<std::string>{"party_size:registration.error.party_over_capacity"}));
  EXPECT_TRUE(ValidateRegistration(in, Context(std::nullopt)).ok());
}

TEST(RegistrationRules, NeedsRoundTripThroughStorage) {
  std::vector<std::string> needs;
  std::string note;
  const std::string stored = EncodeNeeds({"step-free", "interpreter:uk"}, "line one\nline two");
  EXPECT_EQ(stored, "step-free,interpreter:uk\nline one line two");
  DecodeNeeds(stored, &needs, &note);
  EXPECT_EQ(needs, (std::vector<std::string>{"step-free", "interpreter:uk"}));
  EXPECT_EQ(note, "line one line two");
  DecodeNeeds("", &needs, &note);
  EXPECT_TRUE(needs.empty());
  EXPECT_TRUE(note.empty());
}

TEST(RegistrationRules, PlaceForAParty) {
  using enum PlaceStatus;
  EXPECT_EQ(PlaceFor(RegistrationMode::kOpen, false, 10, 8, 0, 2), kConfirmed);
  EXPECT_EQ(PlaceFor(RegistrationMode::kOpen, false, 10, 9, 0, 2), kWaitlisted);  // never split
  EXPECT_EQ(PlaceFor(RegistrationMode::kOpen, false, 10, 5, 1, 1), kWaitlisted);  // no overtaking
  EXPECT_EQ(PlaceFor(RegistrationMode::kOpen, false, std::nullopt, 500, 0, 3), kConfirmed);
  EXPECT_EQ(PlaceFor(RegistrationMode::kApproval, false, 10, 0, 0, 1), kPending);
  EXPECT_EQ(PlaceFor(RegistrationMode::kApproval, true, 10, 0, 0, 1), kConfirmed);
  EXPECT_EQ(PlaceFor(RegistrationMode::kApproval, true, 10, 10, 0, 1), kWaitlisted);
}

TEST(RegistrationRules, PromotionIsFirstComeFirstServed) {
  EXPECT_EQ(PartiesToPromote(10, 7, {2, 1, 1}), 2u);  // 2 and 1 fit, the next does not
  EXPECT_EQ(PartiesToPromote(10, 7, {4, 1}), 0u);     // the head does not fit: nobody overtakes
  EXPECT_EQ(PartiesToPromote(10, 10, {1}), 0u);
  EXPECT_EQ(PartiesToPromote(std::nullopt, 99, {5, 5}), 2u);
  EXPECT_EQ(PartiesToPromote(10, 0, {}), 0u);
}

TEST(RegistrationRules, StatusNames) {
  for (auto s : {PlaceStatus::kConfirmed, PlaceStatus::kWaitlisted, PlaceStatus::kPending,
                 PlaceStatus::kCancelled, PlaceStatus::kDeclined}) {
    EXPECT_EQ(ParsePlaceStatus(PlaceStatusName(s)), s);
  }
  EXPECT_FALSE(ParsePlaceStatus("maybe"));
}

}  // namespace
}  // namespace tilti::events
