#include "core/ids.h"

#include <gtest/gtest.h>

namespace tilti {

TEST(DeterministicUuid, SameNameSameIdDifferentNameDifferentId) {
  EXPECT_EQ(DeterministicUuid("organization:a"), DeterministicUuid("organization:a"));
  EXPECT_NE(DeterministicUuid("organization:a"), DeterministicUuid("organization:b"));
}

TEST(DeterministicUuid, HasUuidShapeVersionAndVariant) {
  std::string id = DeterministicUuid("x");
  EXPECT_TRUE(LooksLikeUuid(id)) << id;
  EXPECT_EQ(id[14], '8');
  EXPECT_TRUE(id[19] == '8' || id[19] == '9' || id[19] == 'a' || id[19] == 'b') << id;
}

TEST(RandomUuid, IsAVersion4UuidAndDiffersEachTime) {
  std::string a = RandomUuid(), b = RandomUuid();
  EXPECT_TRUE(LooksLikeUuid(a)) << a;
  EXPECT_EQ(a[14], '4');
  EXPECT_NE(std::string("89ab").find(a[19]), std::string::npos) << a;
  EXPECT_NE(a, b);
  EXPECT_EQ(RandomHex(16).size(), 32u);
}

TEST(Fnv1a64Hex, MatchesTheReferenceVectors) {
  EXPECT_EQ(Fnv1a64Hex(""), "cbf29ce484222325");
  EXPECT_EQ(Fnv1a64Hex("a"), "af63dc4c8601ec8c");
}

TEST(LooksLikeUuid, RejectsOtherShapes) {
  EXPECT_FALSE(LooksLikeUuid(""));
  EXPECT_FALSE(LooksLikeUuid("0123456789abcdef0123456789abcdef0123"));
  EXPECT_FALSE(LooksLikeUuid("ABCDEF01-2345-6789-abcd-ef0123456789"));
}

}  // namespace tilti
