#include "programme/methods.h"

#include <gtest/gtest.h>

namespace tilti::programme {
namespace {

std::vector<std::string> Fields(const Status& s) {
  std::vector<std::string> out;
  if (s.ok()) return out;
  for (const auto& f : s.error().fields) out.push_back(f.field + ":" + f.message_key);
  return out;
}

TEST(MethodChecks, ADocumentNeedsATopicAndATitle) {
  EXPECT_TRUE(CheckMethodDocument({"partnership", "Partnerības rokasgrāmata", ""}).ok());
  EXPECT_EQ(Fields(CheckMethodDocument({"cooking", "  ", std::string(1001, 'a')})),
            (std::vector<std::string>{"topic:methods.error.topic", "title:methods.error.title_missing",
                                      "summary:methods.error.too_long"}));
  // Characters, not bytes: 200 Latvian letters are fine.
  std::string title;
  for (int i = 0; i < 200; ++i) title += "ā";
  EXPECT_TRUE(CheckMethodDocument({"other", title, ""}).ok());
  EXPECT_EQ(Fields(CheckMethodDocument({"other", title + "ā", ""})),
            (std::vector<std::string>{"title:methods.error.too_long"}));
}

TEST(MethodChecks, AVersionNeedsATextOrAFileAndLaterOnesSayWhatChanged) {
  MethodVersionForm first{"", std::nullopt, "", "", true, true};
  EXPECT_TRUE(CheckMethodVersion(first).ok());  // a file alone, no date, no note
  MethodVersionForm empty{"", std::nullopt, "", " \n", false, true};
  EXPECT_EQ(Fields(CheckMethodVersion(empty)), (std::vector<std::string>{"body:methods.error.body_or_file"}));
  MethodVersionForm later{"31.02.2026", std::nullopt, "", "Jauns teksts", false, false};
  EXPECT_EQ(Fields(CheckMethodVersion(later)),
            (std::vector<std::string>{"published_on:programme.error.date", "note:methods.error.note_missing"}));
  MethodVersionForm ok{"1.3.2026", "2026-03-01", "Pievienoti piemēri", "Teksts", false, false};
  EXPECT_TRUE(CheckMethodVersion(ok).ok());
}

}  // namespace
}  // namespace tilti::programme
