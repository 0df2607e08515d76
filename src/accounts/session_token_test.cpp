#include "accounts/session_token.h"

#include <gtest/gtest.h>

#include <set>

namespace tilti::accounts {
namespace {

TEST(SessionToken, Is43UrlSafeCharactersOf256RandomBitsWithItsSha256) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    auto t = MakeSessionToken();
    EXPECT_TRUE(IsWellFormedSessionToken(t.token)) << t.token;
    EXPECT_TRUE(IsWellFormedTokenHash(t.hash)) << t.hash;
    EXPECT_EQ(t.hash, HashSessionToken(t.token));
    EXPECT_NE(t.hash, t.token);
    seen.insert(t.token);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST(SessionToken, HashIsSha256Hex) {
  // SHA-256("abc"), FIPS 180-2 test vector.
  EXPECT_EQ(HashSessionToken("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(HashSessionToken(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(SessionToken, MalformedTokensAndHashesAreRecognised) {
  std::string good(43, 'A');
  EXPECT_TRUE(IsWellFormedSessionToken(good));
  EXPECT_FALSE(IsWellFormedSessionToken(good + "A"));
  EXPECT_FALSE(IsWellFormedSessionToken(std::string(42, 'A')));
  EXPECT_FALSE(IsWellFormedSessionToken(std::string(42, 'A') + "+"));
  EXPECT_FALSE(IsWellFormedSessionToken(std::string(42, 'A') + "="));
  EXPECT_FALSE(IsWellFormedSessionToken(""));
  EXPECT_TRUE(IsWellFormedTokenHash(std::string(64, 'f')));
  EXPECT_FALSE(IsWellFormedTokenHash(std::string(64, 'F')));
  EXPECT_FALSE(IsWellFormedTokenHash(std::string(63, 'f')));
  EXPECT_FALSE(IsWellFormedTokenHash(good));
}

TEST(ConstantTimeEquals, ComparesContentAndLength) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_TRUE(ConstantTimeEquals("secret", "secret"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secreT"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secret1"));
  EXPECT_FALSE(ConstantTimeEquals("", "x"));
}

}  // namespace
}  // namespace tilti::accounts
