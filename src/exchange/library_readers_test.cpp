#include "exchange/library_readers.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "exchange/reader_support.h"

namespace tilti::exchange {
namespace {

std::string ReadDataFile(const std::string& relative) {
  std::ifstream in(std::string(TILTI_SOURCE_DIR) + "/../shared/data/" + relative,
                   std::ios::binary);
  if (!in) return "";
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

std::string Reasons(const std::vector<RowIssue>& issues) {
  std::string out;
  for (const auto& i : issues) out += std::to_string(i.line) + ": " + i.reason + "\n";
  return out;
}

const std::string kEnglandHeader =
    "name,id,authority_id,address,postcode,lat,lng,statutory2010,statutory2016,type,closed,"
    "closed_year,opened_year,replacement,notes,hours,staffhours,url,email\n";

TEST(EnglandCsv, ReadsOpenLibrariesAndSkipsClosedOnes) {
  ReadResult r = ReadEnglandCsv(
      kEnglandHeader +
      "Barking,1,1,\"2 Town Square, Barking\",IG117NB,51.5363870954125,0.0799942126122769,t,t,"
      "LAL,,,,f,,72,72,www.lbbd.gov.uk/libraries,barking.library@lbbd.gov.uk\n"
      "Castle Green,2,1,\"Gale Street, Dagenham\",RM9 4UN,51.53,0.12,t,f,,XL,2013,,f,Closed,,,,\n");
  ASSERT_TRUE(r.errors.empty()) << Reasons(r.errors);
  EXPECT_EQ(r.skipped, 1);
  ASSERT_EQ(r.records.size(), 1u);
  const LibraryRecord& b = r.records[0];
  EXPECT_EQ(b.line, 2);
  EXPECT_EQ(b.source, "gb-england");
  EXPECT_EQ(b.external_id, "1");
  EXPECT_EQ(b.name, "Barking");
  EXPECT_EQ(b.address_1, "2 Town Square");
  EXPECT_EQ(b.city, "Barking");
  EXPECT_EQ(b.postal_code, "IG117NB");
  EXPECT_EQ(b.country, "GB");
  EXPECT_EQ(b.time_zone, "Europe/London");
  EXPECT_NEAR(*b.latitude, 51.53638, 1e-5);
  EXPECT_EQ(b.website, "http://www.lbbd.gov.uk/libraries");
  EXPECT_EQ(b.email, "barking.library@lbbd.gov.uk");
  EXPECT_TRUE(b.hours.empty());  // "72" is a weekly total, not a timetable
}

TEST(EnglandCsv, ReportsEveryBadRowWithItsLine) {
  ReadResult r = ReadEnglandCsv(kEnglandHeader +
                                "A,1,1,x,P,51.5,0.1,t,t,LAL,,,,f,,,,,\n"
                                "B,2,1,x,P,north,0.1,t,t,LAL,,,,f,,,,,\n"  // line 3
                                ",3,1,x,P,51.5,0.1,t,t,LAL,,,,f,,,,,\n"    // line 4: no name
                                "C,1,1,x,P,51.5,0.1,t,t,LAL,,,,f,,,,,\n"   // line 5: id again
                                "D,4,1,x,P,95,0.1,t,t,LAL,,,,f,,,,,\n");   // line 6
  ASSERT_EQ(r.errors.size(), 4u) << Reasons(r.errors);
  EXPECT_EQ(r.errors[0].line, 3);
  EXPECT_NE(r.errors[0].reason.find("north"), std::string::npos);
  EXPECT_EQ(r.errors[1].line, 4);
  EXPECT_NE(r.errors[1].reason.find("no name"), std::string::npos);
  EXPECT_EQ(r.errors[2].line, 5);
  EXPECT_NE(r.errors[2].reason.find("already used on line 2"), std::string::npos);
  EXPECT_EQ(r.errors[3].line, 6);
}

TEST(EnglandCsv, RefusesAFileOfAnotherFormat) {
  ReadResult r = ReadEnglandCsv("Local authority,Library name\nX,Y\n");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 1);
  EXPECT_NE(r.errors[0].reason.find("lacks the column(s) name, id"), std::string::npos);
  EXPECT_TRUE(r.records.empty());
}

TEST(EnglandCsv, ReportsABrokenQuoteWithItsLine) {
  ReadResult r = ReadEnglandCsv(kEnglandHeader + "A,1,1,x,P,51.5,0.1,t,t,LAL,,,,f,,,,,\n" +
                                "B,2,1,\"x\"y,P,51.5,0.1,t,t,LAL,,,,f,,,,,\n");
  ASSERT_EQ(r.errors.size(), 1u) << Reasons(r.errors);
  EXPECT_EQ(r.errors[0].line, 3);
}

const std::string kUkHeader =
    "Local authority,Library name,Address 1,Address 2,Address 3,Postcode,Unique property "
    "reference number,Statutory,Type of library,Year opened,Year closed,Monday staffed hours,"
    "Tuesday staffed hours,Wednesday staffed hours,Thursday staffed hours,Friday staffed hours,"
    "Saturday staffed hours,Sunday staffed hours,URL,Email address\n";

TEST(UkCsv, ReadsStaffedHoursPerWeekdayAndTheAuthority) {
  ReadResult r = ReadUkCsv(
      kUkHeader +
      "Aberdeen City Council,Airyhall Library,Springfield Road,Airyhall,Aberdeen,AB15 7RF,"
      "9051031064,Yes,LAL,,,09:00-19:00,,,,,\"10:00-13:00,14:00-17:00\",10:00-00:00,"
      "https://example.org/airyhall,AiryhallLibrary@aberdeencity.gov.uk\n"
      "Barnsley Council,Hoyland,High Croft,,,S74 9AF,,No,LAL,2010,2011,,,,,,,,,\n");
  ASSERT_TRUE(r.errors.empty()) << Reasons(r.errors);
  EXPECT_EQ(r.skipped, 1);
  ASSERT_EQ(r.records.size(), 1u);
  const LibraryRecord& a = r.records[0];
  EXPECT_EQ(a.external_id, "Aberdeen City Council/Airyhall Library/AB15 7RF");
  EXPECT_EQ(a.operator_name, "Aberdeen City Council");
  EXPECT_EQ(a.address_2, "Airyhall");
  EXPECT_EQ(a.city, "Aberdeen");
  EXPECT_FALSE(a.latitude);
  std::vector<directory::Period> want = {{1, 9 * 60, 19 * 60},
                                         {6, 10 * 60, 13 * 60},
                                         {6, 14 * 60, 17 * 60},
                                         {7, 10 * 60, 24 * 60}};
  EXPECT_EQ(a.hours, want);
}

TEST(UkCsv, ImportsALibraryWithUnreadableHoursWithoutHoursAndWarns) {
  ReadResult r = ReadUkCsv(kUkHeader +
                           "Council,Tolworth,Street,,Town,KT6 7EY,,Yes,LAL,,,09:00-17:00,,"
                           "1:00-18:00,,,,,,\n");
  ASSERT_TRUE(r.errors.empty()) << Reasons(r.errors);
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_TRUE(r.records[0].hours.empty());
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].line, 2);
  EXPECT_NE(r.warnings[0].reason.find("Wednesday staffed hours '1:00-18:00'"), std::string::npos)
      << r.warnings[0].reason;
}

const std::string kImlsHeader =
    "STABR,FSCSKEY,FSCS_SEQ,C_FSCS,LIBID,LIBNAME,ADDRESS,CITY,ZIP,ZIP4,CNTY,PHONE,C_OUT_TY,"
    "LONGITUD,LATITUDE\n";

TEST(ImlsCsv, DecodesWindows1252AndReadsMissingCodesAsMissing) {
  // 0x96 is an en dash and 0xE9 an e with an acute accent in Windows-1252.
  ReadResult r = ReadImlsCsv(kImlsHeader +
                             "CO,CO0022,004,Y,x,DELTA CO PLD \x96 DELTA PUBLIC LIBRARY,211 W 6TH "
                             "ST,DELTA,81416,M,DELTA,9708745400,BR,-108.07,38.74\n"
                             "TX,TX0001,002,Y,x,BIBLIOTECA JOS\xC9,-3,AUSTIN,78701,1234,TRAVIS,-4,"
                             "CE,-97.74,30.27\n"
                             "OH,OH0001,009,Y,x,BOOKMOBILE,1 MAIN,X,43001,M,Y,-4,BS,-82,40\n");
  ASSERT_TRUE(r.errors.empty()) << Reasons(r.errors);
  EXPECT_EQ(r.skipped, 1);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].name, "DELTA CO PLD \u2013 DELTA PUBLIC LIBRARY");
  EXPECT_EQ(r.records[0].external_id, "CO0022-004");
  EXPECT_EQ(r.records[0].phone, "+1 970-874-5400");
  EXPECT_EQ(r.records[0].postal_code, "81416");
  EXPECT_EQ(r.records[0].time_zone, "America/Denver");
  EXPECT_EQ(r.records[1].name, "BIBLIOTECA JOS\u00C9");
  EXPECT_FALSE(r.records[1].address_1);  // -3: not applicable
  EXPECT_FALSE(r.records[1].phone);
  EXPECT_EQ(r.records[1].postal_code, "78701-1234");
}

TEST(ImlsCsv, RefusesAnUnknownStateCode) {
  ReadResult r = ReadImlsCsv(kImlsHeader + "ZZ,ZZ0001,001,Y,x,A,B,C,00000,M,D,-4,CE,-1,1\n");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 2);
  EXPECT_NE(r.errors[0].reason.find("'ZZ'"), std::string::npos);
}

TEST(SwissOsmJson, ReadsNodesAndWaysWithTagsAndHours) {
  ReadResult r = ReadSwissOsmJson(R"({"elements": [
    {"type": "node", "id": 1, "lat": 46.9489837, "lon": 7.4473488, "tags": {
      "amenity": "library", "name": "Kornhausbibliothek", "name:de": "Kornhausbibliothek",
      "addr:street": "Kornhausplatz", "addr:housenumber": "18", "addr:city": "Bern",
      "addr:postcode": "3011", "contact:phone": "+41 31 3271010", "wheelchair": "yes",
      "contact:website": "http://www.kornhausbibliotheken.ch/",
      "opening_hours": "Mo off; Tu-Fr 10:00-19:00; Sa 10:00-17:00; Su off"}},
    {"type": "node", "id": 10, "lat": 47.0, "lon": 8.0},
    {"type": "node", "id": 11, "lat": 47.2, "lon": 8.2},
    {"type": "way", "id": 2, "nodes": [10, 11], "tags": {"amenity": "library",
      "name": "Bibliothèque", "opening_hours": "Jan-Jun Mo 10:00-12:00"}},
    {"type": "way", "id": 3, "nodes": [10, 99], "tags": {"amenity": "library", "name": "B"}},
    {"type": "node", "id": 4, "lat": 46, "lon": 7, "tags": {"amenity": "library"}},
    {"type": "node", "id": 5, "lat": 46, "lon": 7, "tags": {"amenity": "cafe", "name": "C"}}
  ]})");
  ASSERT_TRUE(r.errors.empty()) << Reasons(r.errors);
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.skipped, 1);  // no name
  const LibraryRecord& k = r.records[0];
  EXPECT_EQ(k.external_id, "node/1");
  EXPECT_EQ(k.locale, "de");
  EXPECT_EQ(k.address_1, "Kornhausplatz 18");
  EXPECT_EQ(k.time_zone, "Europe/Zurich");
  EXPECT_TRUE(k.wheelchair_accessible);
  EXPECT_EQ(k.hours.size(), 5u);
  const LibraryRecord& w = r.records[1];
  EXPECT_EQ(w.external_id, "way/2");
  EXPECT_EQ(w.locale, "und");  // no name:xx repeats the name
  EXPECT_NEAR(*w.latitude, 47.1, 1e-9);
  EXPECT_TRUE(w.hours.empty());
  EXPECT_EQ(w.hours_note, "Jan-Jun Mo 10:00-12:00");
  EXPECT_FALSE(r.records[2].latitude);  // node 99 is not in the file
  ASSERT_EQ(r.warnings.size(), 3u) << Reasons(r.warnings);
}

TEST(SwissOsmJson, RefusesWhatIsNotOverpassJson) {
  ReadResult r = ReadSwissOsmJson("{\"elements\": [}");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].reason.find("not JSON"), std::string::npos);
  r = ReadSwissOsmJson("[1, 2]");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].reason.find("elements"), std::string::npos);
  r = ReadSwissOsmJson(R"({"elements": [{"type": "node"}]})");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].reason.find("elements[0]"), std::string::npos);
}

TEST(ReaderSupport, Windows1252CoversTheWholeCodePage) {
  EXPECT_EQ(Windows1252ToUtf8("\x80\x9f\xa0\xff"), "\u20AC\u0178\u00A0\u00FF");
  EXPECT_EQ(Windows1252ToUtf8("\x81"), "\uFFFD");
  EXPECT_TRUE(IsValidUtf8(Windows1252ToUtf8(std::string("\x80\x81\x8d\xfe", 4))));
  EXPECT_FALSE(IsValidUtf8("\xC9 is not UTF-8"));
  EXPECT_FALSE(IsValidUtf8("\xE2\x82"));        // cut short
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));        // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));    // a surrogate
}

TEST(ReaderSupport, WebsitesAndEmails) {
  EXPECT_EQ(NormaliseWebsite("https://a.example/x"), "https://a.example/x");
  EXPECT_EQ(NormaliseWebsite("www.a.example"), "http://www.a.example");
  EXPECT_FALSE(NormaliseWebsite("see website"));
  EXPECT_FALSE(NormaliseWebsite("javascript:alert(1).x"));
  EXPECT_FALSE(NormaliseWebsite("a@b.example"));
  EXPECT_EQ(NormaliseEmail("mailto:a@b.example"), "a@b.example");
  EXPECT_FALSE(NormaliseEmail("https://www.b.example/form-enquiry"));
  EXPECT_FALSE(NormaliseEmail("a@b"));
}

// The real files of ../shared/data, when they are there: the counts the import reports.
TEST(RealDataSets, ReadWithoutErrors) {
  struct Case {
    Format format;
    const char* path;
    size_t records;
    int skipped;
  };
  for (const Case& c : {Case{Format::kEngland, "england-librarydata/libraries.csv", 2986, 252},
                        Case{Format::kUk, "uk-librarydata-db/libraries.csv", 3753, 478},
                        Case{Format::kSwissOsm, "ch-osm-libraries/all_swiss_library_data.json",
                             699, 42},
                        Case{Format::kUsImls, "us-imls-pls-fy19-outlets/PLS_FY19_Outlet_pud19i.csv",
                             16866, 630}}) {
    std::string bytes = ReadDataFile(c.path);
    if (bytes.empty()) GTEST_SKIP() << "no ../shared/data";
    ReadResult r = ReadLibraries(c.format, bytes);
    EXPECT_TRUE(r.errors.empty()) << c.path << "\n" << Reasons(r.errors);
    EXPECT_EQ(r.records.size(), c.records) << c.path;
    EXPECT_EQ(r.skipped, c.skipped) << c.path;
  }
}

}  // namespace
}  // namespace tilti::exchange
