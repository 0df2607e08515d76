#include "web/response_cache.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace tilti::web {
namespace {

CachedAnswer Answer(std::string body) { return {200, "text/html", std::move(body)}; }

TEST(ResponseCache, ServesAnAnswerOnlyForTheVersionItWasMadeFrom) {
  ResponseCache cache(1 << 20);
  EXPECT_EQ(cache.Get("a", 1), nullptr);
  cache.Put("a", 1, Answer("one"));
  ASSERT_NE(cache.Get("a", 1), nullptr);
  EXPECT_EQ(cache.Get("a", 1)->body, "one");
  EXPECT_EQ(cache.Get("a", 2), nullptr);  // the directory changed: dropped
  EXPECT_EQ(cache.Get("a", 1), nullptr);
  EXPECT_EQ(cache.entries(), 0u);
  EXPECT_EQ(cache.bytes(), 0u);
}

TEST(ResponseCache, WhileOneReaderRemakesAnAnswerTheOthersGetThePreviousOne) {
  ResponseCache cache(1 << 20);
  EXPECT_EQ(cache.GetOrStale("events", 1), nullptr);  // nothing yet: everyone makes it
  EXPECT_EQ(cache.GetOrStale("events", 1), nullptr);
  cache.Put("events", 1, Answer("minute one"));
  EXPECT_EQ(cache.GetOrStale("events", 1)->body, "minute one");
  // The minute turns: the first reader makes the new answer, the others meanwhile get the old.
  EXPECT_EQ(cache.GetOrStale("events", 2), nullptr);
  ASSERT_NE(cache.GetOrStale("events", 2), nullptr);
  EXPECT_EQ(cache.GetOrStale("events", 2)->body, "minute one");
  cache.Put("events", 2, Answer("minute two"));
  EXPECT_EQ(cache.GetOrStale("events", 2)->body, "minute two");
  // A plain Get never serves the old answer.
  EXPECT_EQ(cache.Get("events", 3), nullptr);
  EXPECT_EQ(cache.entries(), 0u);
}

TEST(ResponseCache, AnAnswerThatCannotBeReplacedIsNotServedStale) {
  ResponseCache cache(4000);
  // The new answer is too large to keep: the old one goes, so nobody keeps getting it.
  cache.Put("events", 1, Answer("minute one"));
  EXPECT_EQ(cache.GetOrStale("events", 2), nullptr);
  cache.Put("events", 2, Answer(std::string(1500, 'x')));
  EXPECT_EQ(cache.GetOrStale("events", 2), nullptr);
  EXPECT_EQ(cache.entries(), 0u);
  // The page is gone (the maker had nothing to Put): dropped, not served stale.
  cache.Put("library", 1, Answer("the library"));
  EXPECT_EQ(cache.GetOrStale("library", 2), nullptr);
  cache.Drop("library");
  EXPECT_EQ(cache.GetOrStale("library", 2), nullptr);
  EXPECT_EQ(cache.entries(), 0u);
  EXPECT_EQ(cache.bytes(), 0u);
}

TEST(ResponseCache, CombinedVersionsDifferWhenAnyPartDoes) {
  const int64_t base = CombinedVersion({7, 100, 29000000});
  EXPECT_EQ(base, CombinedVersion({7, 100, 29000000}));
  EXPECT_NE(base, CombinedVersion({8, 100, 29000000}));
  EXPECT_NE(base, CombinedVersion({7, 101, 29000000}));
  EXPECT_NE(base, CombinedVersion({7, 100, 29000001}));
  EXPECT_NE(base, CombinedVersion({100, 7, 29000000}));  // order matters
}

TEST(ResponseCache, EvictsTheLeastRecentlyUsedBeyondItsSize) {
  ResponseCache cache(4000);
  cache.Put("a", 1, Answer(std::string(900, 'a')));
  cache.Put("b", 1, Answer(std::string(900, 'b')));
  cache.Put("c", 1, Answer(std::string(900, 'c')));
  ASSERT_NE(cache.Get("a", 1), nullptr);  // a is now the most recent
  cache.Put("d", 1, Answer(std::string(900, 'd')));
  cache.Put("e", 1, Answer(std::string(900, 'e')));
  EXPECT_NE(cache.Get("a", 1), nullptr);
  EXPECT_EQ(cache.Get("b", 1), nullptr);
  EXPECT_LE(cache.bytes(), 4000u);
  // Too large for a quarter of the cache: not kept.
  cache.Put("big", 1, Answer(std::string(1500, 'x')));
  EXPECT_EQ(cache.Get("big", 1), nullptr);
}

TEST(ResponseCache, ReplacingAKeyKeepsTheCountRight) {
  ResponseCache cache(1 << 20);
  cache.Put("a", 1, Answer("one"));
  size_t one = cache.bytes();
  cache.Put("a", 2, Answer("two"));
  EXPECT_EQ(cache.entries(), 1u);
  EXPECT_EQ(cache.bytes(), one);
  EXPECT_EQ(cache.Get("a", 2)->body, "two");
}

TEST(ResponseCache, IsSafeFromManyThreads) {
  ResponseCache cache(64 * 1024);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, t] {
      for (int i = 0; i < 2000; ++i) {
        std::string key = "k" + std::to_string((i * 7 + t) % 97);
        if (auto hit = cache.Get(key, i % 3)) {
          EXPECT_FALSE(hit->body.empty());
        } else {
          cache.Put(key, i % 3, Answer(std::string(100 + i % 50, 'x')));
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_LE(cache.bytes(), 64u * 1024u);
}

}  // namespace
}  // namespace tilti::web
