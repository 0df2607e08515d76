#include <gtest/gtest.h>

#include "web/back_office.h"

namespace tilti::web {
namespace {

TEST(FormFieldsMultipart, ReadsFieldsAndFiles) {
  const std::string body =
      "preamble\r\n--XyZ\r\n"
      "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
      "tok\r\n--XyZ\r\n"
      "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\\\dir\\\\tilti-ru.po\"\r\n"
      "Content-Type: text/x-gettext-translation\r\n\r\n"
      "line1\r\n--Xy\r\nline3\r\n--XyZ--\r\nepilogue";
  FormFields f("Multipart/Form-Data; boundary=\"XyZ\"", body);
  EXPECT_EQ(f.Get("csrf"), "tok");
  const FormFile* file = f.File("file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->filename, "tilti-ru.po");
  EXPECT_EQ(file->content_type, "text/x-gettext-translation");
  EXPECT_EQ(file->content, "line1\r\n--Xy\r\nline3");
  EXPECT_FALSE(f.Has("file")) << "files are not fields";
  EXPECT_EQ(f.File("other"), nullptr);
}

TEST(FormFieldsMultipart, UrlencodedStillWorks) {
  FormFields f("application/x-www-form-urlencoded", "a=1&b=%C4%81");
  EXPECT_EQ(f.Get("b"), "ā");
  FormFields g("", "a=1");
  EXPECT_EQ(g.Get("a"), "1");
}

TEST(FormFieldsMultipart, MalformedBodiesGiveNothing) {
  const std::string part = "--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nt\r\n";
  for (const auto& [type, body] : std::vector<std::pair<std::string, std::string>>{
           {"multipart/form-data", part + "--b--"},                         // no boundary
           {"multipart/form-data; boundary=", part + "--b--"},              // empty boundary
           {"multipart/form-data; boundary=b", part},                       // not closed
           {"multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--"},
           {"multipart/form-data; boundary=b", "--b\r\nno colon\r\n\r\nx\r\n--b--"},
           {"multipart/form-data; boundary=b", "--b\r\n" + std::string(9000, 'a') + ": x\r\n\r\n\r\n--b--"},
           {"multipart/form-data; boundary=" + std::string(71, 'b'), ""},
           {"multipart/form-data; boundary=b", ""},
       }) {
    FormFields f(type, body);
    EXPECT_TRUE(f.pairs().empty()) << type << " | " << body.substr(0, 60);
  }
}

TEST(FormFieldsMultipart, TooManyPartsGiveNothing) {
  std::string body;
  for (size_t i = 0; i <= FormFields::kMaxParts; ++i) {
    body += "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n";
  }
  body += "--b--";
  EXPECT_TRUE(FormFields("multipart/form-data; boundary=b", body).pairs().empty());
}

}  // namespace
}  // namespace tilti::web
