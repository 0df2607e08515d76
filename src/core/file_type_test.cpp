#include "core/file_type.h"

#include <gtest/gtest.h>

#include <string>

namespace tilti {
namespace {

using namespace std::string_literals;

std::string Be32(uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

std::string PngHeader(uint32_t w, uint32_t h) {
  return "\x89PNG\r\n\x1a\n"s + "\0\0\0\x0dIHDR"s + Be32(w) + Be32(h) + "\x08\x02\0\0\0"s;
}

std::string Le16(uint16_t v) { return {static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)}; }
std::string Le32(uint32_t v) { return Le16(v & 0xFFFF) + Le16(v >> 16); }

// A zip archive with empty stored entries of these names (local headers, central directory,
// end record), enough for the type check.
std::string Zip(const std::vector<std::string>& names, const std::string& first_content = "") {
  std::string local, central;
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string& content = i == 0 ? first_content : std::string();
    uint32_t offset = static_cast<uint32_t>(local.size());
    local += "PK\x03\x04"s + Le16(10) + Le16(0) + Le16(0) + Le32(0) + Le32(0) +
             Le32(static_cast<uint32_t>(content.size())) + Le32(static_cast<uint32_t>(content.size())) +
             Le16(static_cast<uint16_t>(names[i].size())) + Le16(0) + names[i] + content;
    central += "PK\x01\x02"s + Le16(20) + Le16(10) + Le16(0) + Le16(0) + Le32(0) + Le32(0) +
               Le32(static_cast<uint32_t>(content.size())) + Le32(static_cast<uint32_t>(content.size())) +
               Le16(static_cast<uint16_t>(names[i].size())) + Le16(0) + Le16(0) + Le16(0) +
               Le16(0) + Le32(0) + Le32(offset) + names[i];
  }
  uint16_t n = static_cast<uint16_t>(names.size());
  return local + central + "PK\x05\x06"s + Le16(0) + Le16(0) + Le16(n) + Le16(n) +
         Le32(static_cast<uint32_t>(central.size())) + Le32(static_cast<uint32_t>(local.size())) + Le16(0);
}

TEST(FileType, PngWithItsSize) {
  auto t = IdentifyFile(PngHeader(640, 480) + "rest");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->kind, FileKind::kImage);
  EXPECT_EQ(t->media_type, "image/png");
  EXPECT_EQ(t->extension, "png");
  EXPECT_EQ(t->width, 640);
  EXPECT_EQ(t->height, 480);
}

TEST(FileType, AbsurdImageSizesAreDropped) {
  auto t = IdentifyFile(PngHeader(0xFFFFFFFF, 10));
  ASSERT_TRUE(t);
  EXPECT_EQ(t->width, 0);
  EXPECT_EQ(t->height, 0);
}

TEST(FileType, JpegSizeFromTheFrameHeader) {
  // SOI, an APP0 segment of 16 bytes, then SOF0 with height 200 and width 300.
  std::string jpeg = "\xFF\xD8"s + "\xFF\xE0\x00\x10"s + "JFIF\0"s + std::string(9, '\0') +
                     "\xFF\xC0\x00\x11\x08\x00\xC8\x01\x2C\x03"s + std::string(9, '\0');
  auto t = IdentifyFile(jpeg);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->media_type, "image/jpeg");
  EXPECT_EQ(t->extension, "jpg");
  EXPECT_EQ(t->width, 300);
  EXPECT_EQ(t->height, 200);
}

TEST(FileType, GifAndWebp) {
  auto gif = IdentifyFile("GIF89a"s + Le16(16) + Le16(9) + "\0\0\0"s);
  ASSERT_TRUE(gif);
  EXPECT_EQ(gif->media_type, "image/gif");
  EXPECT_EQ(gif->width, 16);
  EXPECT_EQ(gif->height, 9);
  // Lossless WebP: 14 bits width-1, 14 bits height-1.
  uint32_t bits = (99u) | (49u << 14);
  auto webp = IdentifyFile("RIFF"s + Le32(30) + "WEBPVP8L"s + Le32(10) + "\x2F"s + Le32(bits) +
                           std::string(8, '\0'));
  ASSERT_TRUE(webp);
  EXPECT_EQ(webp->media_type, "image/webp");
  EXPECT_EQ(webp->width, 100);
  EXPECT_EQ(webp->height, 50);
  EXPECT_FALSE(IdentifyFile("RIFF"s + Le32(30) + "WAVEfmt "s + std::string(20, '\0')));
}

TEST(FileType, PdfAndOfficeDocuments) {
  auto pdf = IdentifyFile("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n");
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->kind, FileKind::kDocument);
  EXPECT_EQ(pdf->media_type, "application/pdf");

  auto odt = IdentifyFile(Zip({"mimetype", "content.xml"}, "application/vnd.oasis.opendocument.text"));
  ASSERT_TRUE(odt);
  EXPECT_EQ(odt->extension, "odt");
  EXPECT_FALSE(IdentifyFile(
      Zip({"mimetype", "content.xml"}, "application/vnd.oasis.opendocument.text-template")));

  auto docx = IdentifyFile(Zip({"[Content_Types].xml", "_rels/.rels", "word/document.xml"}));
  ASSERT_TRUE(docx);
  EXPECT_EQ(docx->extension, "docx");
  auto xlsx = IdentifyFile(Zip({"[Content_Types].xml", "xl/workbook.xml"}));
  ASSERT_TRUE(xlsx);
  EXPECT_EQ(xlsx->extension, "xlsx");
  // Any other zip (a program, an archive of anything) is not a document we keep.
  EXPECT_FALSE(IdentifyFile(Zip({"evil.exe"})));
  EXPECT_FALSE(IdentifyFile(Zip({"word/document.xml"})));  // no [Content_Types].xml
}

TEST(FileType, VideoAndCaptions) {
  auto webm = IdentifyFile("\x1A\x45\xDF\xA3\x9F\x42\x86\x81\x01\x42\x82\x84webm"s);
  ASSERT_TRUE(webm);
  EXPECT_EQ(webm->kind, FileKind::kVideo);
  EXPECT_EQ(webm->media_type, "video/webm");
  auto mp4 = IdentifyFile("\0\0\0\x18"s + "ftypisom" + std::string(12, '\0'));
  ASSERT_TRUE(mp4);
  EXPECT_EQ(mp4->media_type, "video/mp4");
  EXPECT_FALSE(IdentifyFile("\0\0\0\x18"s + "ftypheic" + std::string(12, '\0')));  // a photo

  auto vtt = IdentifyFile("WEBVTT\n\n00:00.000 --> 00:02.000\nLabdien!\n");
  ASSERT_TRUE(vtt);
  EXPECT_EQ(vtt->kind, FileKind::kCaptions);
  EXPECT_EQ(vtt->media_type, "text/vtt");
  EXPECT_TRUE(IdentifyFile("\xEF\xBB\xBFWEBVTT"));
  EXPECT_FALSE(IdentifyFile("WEBVTTX\n"));
  EXPECT_FALSE(IdentifyFile("WEBVTT\n\xC3\x28"s));  // not UTF-8
  EXPECT_FALSE(IdentifyFile("WEBVTT\n\0"s));
}

TEST(FileType, WhatWeDoNotKeep) {
  for (std::string s : {""s, "hello"s, "<!DOCTYPE html><script>alert(1)</script>"s,
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>"s,
                        "\x7F" "ELF\x02\x01"s, "MZ\x90\0"s, "\x89PNG\r\n\x1a\n"s /* cut short */}) {
    EXPECT_FALSE(IdentifyFile(s)) << s;
  }
}

TEST(FileType, SafeFileNames) {
  EXPECT_EQ(SafeFileName("../../etc/passwd", "pdf"), "passwd.pdf");
  EXPECT_EQ(SafeFileName("C:\\Users\\x\\Atskaite 2025.docx", "docx"), "Atskaite 2025.docx");
  EXPECT_EQ(SafeFileName("photo.JPEG", "jpg"), "photo.jpg");
  EXPECT_EQ(SafeFileName("", "png"), "file.png");
  EXPECT_EQ(SafeFileName("...", "png"), "file.png");
  EXPECT_EQ(SafeFileName(".htaccess", "pdf"), "htaccess.pdf");
  EXPECT_EQ(SafeFileName("a\"b';c\r\nd<e>.pdf", "pdf"), "abcde.pdf");
  EXPECT_EQ(SafeFileName("Rēzekne—ziņas.pdf", "pdf"), "Rēzekne—ziņas.pdf");
  EXPECT_EQ(SafeFileName("bad\xC3(utf8.pdf", "pdf"), "bad(utf8.pdf");
  std::string longname = std::string(80, 'a') + "ā" + std::string(40, 'b') + ".pdf";
  std::string safe = SafeFileName(longname, "pdf");
  EXPECT_LE(safe.size(), 94u);
  EXPECT_TRUE(safe.ends_with(".pdf"));
  std::string cut = SafeFileName(std::string(89, 'a') + "ā", "pdf");  // ā would be cut in half
  EXPECT_EQ(cut, std::string(89, 'a') + ".pdf");
}

TEST(FileType, AttachmentDisposition) {
  EXPECT_EQ(AttachmentDisposition("Atskaite 2025.pdf"),
            "attachment; filename=\"Atskaite 2025.pdf\"; filename*=UTF-8''Atskaite%202025.pdf");
  EXPECT_EQ(AttachmentDisposition("Rēzekne.pdf"),
            "attachment; filename=\"R_zekne.pdf\"; filename*=UTF-8''R%C4%93zekne.pdf");
}

}  // namespace
}  // namespace tilti
