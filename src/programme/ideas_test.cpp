#include "programme/ideas.h"

#include <gtest/gtest.h>

namespace tilti::programme {
namespace {

std::vector<std::string> Fields(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.fields) out.push_back(f.field + ":" + f.message_key);
  return out;
}

TEST(Ideas, TheSeedsFourCategoriesAndFiveStatuses) {
  EXPECT_TRUE(IsIdeaCategory("digital-skills"));
  EXPECT_FALSE(IsIdeaCategory("Digital-skills"));
  EXPECT_FALSE(IsIdeaCategory(""));
  EXPECT_TRUE(IsIdeaStatus("dropped"));
  EXPECT_FALSE(IsIdeaStatus("cancelled"));
}

TEST(Ideas, AnIdeaNeedsACategoryATitleAndALinkOnceItRuns) {
  EXPECT_TRUE(CheckIdea({"language-culture", "idea", "Sarunvalodas klubi", "", "", ""}).ok());
  EXPECT_TRUE(CheckIdea({"digital-skills", "running", "Apmācības", "", "event-1", ""}).ok());
  EXPECT_TRUE(CheckIdea({"digital-skills", "running", "Apmācības", "", "", "service-1"}).ok());
  const Status running = CheckIdea({"digital-skills", "running", "Apmācības", "", "", ""});
  ASSERT_FALSE(running.ok());
  EXPECT_EQ(Fields(running.error()), (std::vector<std::string>{"event:programme.error.running_needs_link"}));
  const Status bad = CheckIdea({"sport", "maybe", "   ", std::string(2001, 'x'), "", ""});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(Fields(bad.error()),
            (std::vector<std::string>{"category:programme.error.category", "title:programme.error.title_missing",
                                      "description:programme.error.description_too_long",
                                      "status:programme.error.status"}));
  // Length is counted in characters: 200 Cyrillic letters (400 bytes) fit, 201 do not.
  std::string title;
  for (int i = 0; i < 200; ++i) title += "я";
  EXPECT_TRUE(CheckIdea({"information-access", "idea", title, "", "", ""}).ok());
  EXPECT_FALSE(CheckIdea({"information-access", "idea", title + "я", "", "", ""}).ok());
}

TEST(Ideas, AHackathonFallsWithinItsInitiativeAndCountsHeads) {
  HackathonForm f{"2025-09-16", "2024-05-01", "2026-04-30", "ogre", {"jelgava", "ogre", "sigulda", "jelgava"}, " 29 "};
  auto ok = CheckHackathon(f);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value().participants, 29);
  EXPECT_EQ(ok.value().library_ids, (std::vector<std::string>{"ogre", "jelgava", "sigulda"}));

  f.held_on = "2026-05-01";  // the day after the initiative ended
  f.typed_participants = "-3";
  f.host_id = "";
  auto bad = CheckHackathon(f);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(Fields(bad.error()),
            (std::vector<std::string>{"held_on:programme.error.date_outside", "host:programme.error.host_missing",
                                      "participants:programme.error.participants"}));
  f = {std::nullopt, "", "", "ogre", {}, "12.5"};
  bad = CheckHackathon(f);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(Fields(bad.error()),
            (std::vector<std::string>{"held_on:programme.error.date", "participants:programme.error.participants"}));
  f = {"2030-01-01", "", "", "ogre", {}, "0"};  // no period known: any real date
  EXPECT_TRUE(CheckHackathon(f).ok());
}

}  // namespace
}  // namespace tilti::programme
