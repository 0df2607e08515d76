#include "accounts/password.h"

#include <gtest/gtest.h>

#include <future>

namespace tilti::accounts {
namespace {

std::string KeyOf(std::string_view password, std::string_view email = "anna@example.org") {
  auto errors = CheckPasswordPolicy(password, email);
  if (errors.empty()) return "";
  EXPECT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "password");
  return errors[0].message_key;
}

PasswordHasherOptions Cheap(int slots = 2, int wait_ms = 2000) {
  PasswordHasherOptions o;
  o.cost = HashCost::ForTests();
  o.max_concurrent = slots;
  o.max_wait = std::chrono::milliseconds(wait_ms);
  return o;
}

TEST(PasswordPolicy, AcceptsTwelveCharactersCountedAsCodePoints) {
  EXPECT_EQ(KeyOf("correct horse"), "");
  EXPECT_EQ(KeyOf("abcdefghijkl"), "") << "exactly 12";
  EXPECT_EQ(KeyOf("abcdefghijk"), "password.too_short") << "11";
  // 11 Latvian/Cyrillic letters are 22 bytes but still 11 characters.
  EXPECT_EQ(KeyOf("ēšžčģīķļņūā"), "password.too_short");
  EXPECT_EQ(KeyOf("ēšžčģīķļņūāж"), "");
  EXPECT_EQ(KeyOf(""), "password.too_short");
}

TEST(PasswordPolicy, RefusesMoreThan1024Bytes) {
  EXPECT_EQ(KeyOf(std::string(1023, 'a') + "b"), "");
  EXPECT_EQ(KeyOf(std::string(1024, 'a') + "b"), "password.too_long");
  // 600 two-byte letters: 600 characters but 1,200 bytes.
  std::string cyrillic;
  for (int i = 0; i < 600; ++i) cyrillic += "ж";
  EXPECT_EQ(KeyOf(cyrillic), "password.too_long");
}

TEST(PasswordPolicy, RefusesOneRepeatedCharacter) {
  EXPECT_EQ(KeyOf("aaaaaaaaaaaaaaaa"), "password.repetitive");
  EXPECT_EQ(KeyOf("жжжжжжжжжжжжжж"), "password.repetitive");
  EXPECT_EQ(KeyOf("aaaaaaaaaaaaaaab"), "");
}

TEST(PasswordPolicy, RefusesTheEmailAddressInAnyCase) {
  EXPECT_EQ(KeyOf("anna.berzina@example.org", "anna.berzina@example.org"), "password.is_email");
  EXPECT_EQ(KeyOf("Anna.Berzina@Example.org", "anna.berzina@example.org"), "password.is_email");
  EXPECT_EQ(KeyOf("anna.berzina@example.org!", "anna.berzina@example.org"), "");
}

TEST(PasswordPolicy, RefusesBrokenUtf8AndControlCharacters) {
  EXPECT_EQ(KeyOf("abcdefghijkl\xff"), "password.invalid");
  EXPECT_EQ(KeyOf("abcdefghijkl\xd0"), "password.invalid") << "truncated sequence";
  EXPECT_EQ(KeyOf("abcdefghijkl\xc0\xaf"), "password.invalid") << "overlong";
  EXPECT_EQ(KeyOf("abcdefghijkl\xed\xa0\x80"), "password.invalid") << "surrogate";
  EXPECT_EQ(KeyOf(std::string("abcdef\0ghijkl", 13)), "password.invalid");
  EXPECT_EQ(KeyOf("abcdef\nghijkl"), "password.invalid");
  EXPECT_EQ(KeyOf("abcdef\tghijkl"), "") << "a tab is allowed";
}

TEST(GeneratePassword, GivesTwentyUrlSafeCharactersThatMeetThePolicyAndDiffer) {
  std::string a = GeneratePassword(), b = GeneratePassword();
  EXPECT_EQ(a.size(), 20u);
  EXPECT_NE(a, b);
  EXPECT_TRUE(CheckPasswordPolicy(a, "x@example.org").empty());
  for (char ch : a) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_');
}

TEST(PasswordHasher, HashesWithArgon2idAndVerifies) {
  PasswordHasher hasher(Cheap());
  auto hash = hasher.Hash("correct horse battery");
  ASSERT_TRUE(hash.ok()) << hash.error().detail;
  EXPECT_TRUE(hash.value().starts_with("$argon2id$")) << hash.value();
  EXPECT_EQ(hash.value().find("correct"), std::string::npos);
  EXPECT_TRUE(hasher.Verify(hash.value(), "correct horse battery").value());
  EXPECT_FALSE(hasher.Verify(hash.value(), "correct horse batterY").value());
  EXPECT_FALSE(hasher.Verify(hash.value(), "").value());
  auto again = hasher.Hash("correct horse battery");
  EXPECT_NE(again.value(), hash.value()) << "a fresh salt each time";
}

TEST(PasswordHasher, MalformedHashesAndOverlongPasswordsNeverMatch) {
  PasswordHasher hasher(Cheap());
  EXPECT_FALSE(hasher.Verify("", "correct horse battery").value());
  EXPECT_FALSE(hasher.Verify("$argon2id$garbage", "correct horse battery").value());
  EXPECT_FALSE(hasher.Verify(std::string(500, '$'), "correct horse battery").value());
  auto hash = hasher.Hash(std::string(1025, 'x')).value();
  EXPECT_FALSE(hasher.Verify(hash, std::string(1025, 'x')).value());
}

TEST(PasswordHasher, NeedsRehashWhenTheCostChanged) {
  PasswordHasher cheap(Cheap());
  auto hash = cheap.Hash("correct horse battery").value();
  EXPECT_FALSE(cheap.NeedsRehash(hash));
  PasswordHasherOptions full;  // the production cost; constructing it hashes nothing
  PasswordHasher production(full);
  EXPECT_TRUE(production.NeedsRehash(hash));
  EXPECT_TRUE(production.NeedsRehash("not a hash"));
  EXPECT_TRUE(production.Verify(hash, "correct horse battery").value())
      << "an old hash still verifies, so it can be upgraded at the next login";
}

TEST(PasswordHasher, RefusesWithBusyWhenEverySlotStaysTaken) {
  PasswordHasher hasher(Cheap(/*slots=*/2, /*wait_ms=*/50));
  auto hash = hasher.Hash("correct horse battery").value();
  auto first = hasher.gate().Enter();
  auto second = hasher.gate().Enter();
  ASSERT_TRUE(first && second);
  EXPECT_EQ(hasher.gate().free_slots(), 0);
  auto refused = hasher.Hash("correct horse battery");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(refused.error().detail.find("busy"), std::string::npos);
  auto refused_verify = hasher.Verify(hash, "correct horse battery");
  ASSERT_FALSE(refused_verify.ok());
  EXPECT_EQ(refused_verify.error().code, ErrorCode::kUnavailable);
  second.reset();
  EXPECT_TRUE(hasher.Hash("correct horse battery").ok()) << "a freed slot is used again";
  EXPECT_EQ(hasher.gate().free_slots(), 1) << "the permit was given back";
}

TEST(PasswordHasher, AWaitingCallerGetsTheSlotWhenItIsFreedInTime) {
  PasswordHasher hasher(Cheap(/*slots=*/1, /*wait_ms=*/10000));
  auto held = hasher.gate().Enter();
  ASSERT_TRUE(held);
  auto waiting = std::async(std::launch::async, [&] { return hasher.Hash("correct horse battery"); });
  EXPECT_EQ(waiting.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout);
  held.reset();
  EXPECT_TRUE(waiting.get().ok());
}

TEST(HashingGate, NeedsAtLeastOneSlot) {
  EXPECT_THROW(HashingGate(0, std::chrono::milliseconds(1)), std::invalid_argument);
}

}  // namespace
}  // namespace tilti::accounts
