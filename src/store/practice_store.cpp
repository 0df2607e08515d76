#include "store/practice_store.h"

#include <algorithm>

#include <boost/json.hpp>

#include "core/ids.h"
#include "directory/folding.h"
#include "store/localized_sql.h"
#include "store/slugs.h"
#include "store/translation_store.h"

namespace tilti::store {
namespace {

// The translatable texts of a practice, in the order of PracticeView's fields.
constexpr std::string_view kTextFields[] = {"title", "problem", "audience", "what_done",
                                            "cost", "results", "watch_out"};

// A practice's columns for the reader's chain (?1..?3), the practice table being `p` and the
// organisation `o` (LEFT JOINed).
std::string ViewColumns() {
  std::string sql = "SELECT p.id, p.slug, p.status, p.category, p.country, p.source_locale, ";
  for (std::string_view f : kTextFields) {
    sql += BestText("practice", "p.id", f, "p." + std::string(f), "p.source_locale") + ", ";
  }
  sql += "CASE WHEN o.id IS NULL THEN p.library_name || '\x1f' || p.source_locale ELSE " +
         BestText("organization", "o.id", "name", "o.name", "o.source_locale") +
         " END, coalesce(o.slug, ''), coalesce(p.organization_id, ''), p.submitted_by, p.submitted_at, "
         "p.review_note, coalesce(p.published_at, ''), p.last_modified, p.is_sample, p.source_note "
         "FROM practice p LEFT JOIN organization o ON o.id = p.organization_id ";
  return sql;
}

PracticeView ReadView(const Statement& st) {
  PracticeView v;
  v.id = st.Text(0);
  v.slug = st.Text(1);
  v.status = st.Text(2);
  v.category = st.Text(3);
  v.country = st.Text(4);
  v.source_locale = st.Text(5);
  LocalizedText* texts[] = {&v.title, &v.problem, &v.audience, &v.what_done, &v.cost, &v.results, &v.watch_out};
  int col = 6;
  for (LocalizedText* t : texts) *t = SplitLocalized(st.TextView(col++));
  v.library = SplitLocalized(st.TextView(col++));
  v.library_slug = st.Text(col++);
  v.organization_id = st.Text(col++);
  v.submitted_by = st.Text(col++);
  v.submitted_at = st.Text(col++);
  v.review_note = st.Text(col++);
  v.published_at = st.Text(col++);
  v.last_modified = st.Text(col++);
  v.is_sample = st.Int(col++) != 0;
  v.source_note = st.Text(col++);
  return v;
}

std::vector<PracticeImage> ImagesOf(Connection& c, std::string_view practice_id, const LocaleChain& chain,
                                    int64_t limit) {
  static const std::string sql =
      "SELECT g.id, " + BestText("practice_image", "g.id", "alt", "g.alt", "p.source_locale") + ", " +
      BestText("practice_image", "g.id", "caption", "g.caption", "p.source_locale") + ", " +
      std::string(kUploadInfoColumns) +
      " FROM practice_image g JOIN practice p ON p.id = g.practice_id JOIN upload u ON u.id = g.upload_id"
      " WHERE g.practice_id = ?4 ORDER BY g.position, g.id LIMIT ?5";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, practice_id).Bind(5, limit);
  std::vector<PracticeImage> out;
  while (st.Step()) {
    PracticeImage g;
    g.id = st.Text(0);
    g.alt = SplitLocalized(st.TextView(1));
    g.caption = SplitLocalized(st.TextView(2));
    g.file = ReadUploadInfo(st, 3);
    out.push_back(std::move(g));
  }
  st.Reset();
  return out;
}

std::vector<LocalizedText> TargetGroupsOf(Connection& c, std::string_view practice_id, const LocaleChain& chain) {
  static const std::string sql =
      "SELECT " + BestText("taxonomy_term", "tt.id", "name", "tt.name", "'en'") +
      " FROM practice_target_group g JOIN taxonomy_term tt ON tt.id = g.taxonomy_term_id"
      " WHERE g.practice_id = ?4 ORDER BY tt.position, tt.code";
  Statement& st = c.Cached(sql);
  BindChain(st, chain);
  st.Bind(4, practice_id);
  std::vector<LocalizedText> out;
  while (st.Step()) out.push_back(SplitLocalized(st.TextView(0)));
  st.Reset();
  return out;
}

std::vector<PracticeLink> LinksOf(Connection& c, std::string_view practice_id, std::string_view kind,
                                  const LocaleChain& chain) {
  static const std::string events =
      "SELECT e.id, " + BestText("event", "e.id", "title", "e.title", "e.source_locale") +
      " FROM practice_link l JOIN event e ON e.id = l.target_id"
      " WHERE l.practice_id = ?4 AND l.kind = 'event' ORDER BY e.title";
  static const std::string services =
      "SELECT s.id, " + BestText("service", "s.id", "name", "s.name", "s.source_locale") +
      " FROM practice_link l JOIN service s ON s.id = l.target_id"
      " WHERE l.practice_id = ?4 AND l.kind = 'service' ORDER BY s.name";
  Statement& st = c.Cached(kind == "event" ? events : services);
  BindChain(st, chain);
  st.Bind(4, practice_id);
  std::vector<PracticeLink> out;
  while (st.Step()) out.push_back({st.Text(0), SplitLocalized(st.TextView(1))});
  st.Reset();
  return out;
}

void ReplaceIds(Connection& c, std::string_view practice_id, const char* delete_sql, const char* insert_sql,
                const std::vector<std::string>& ids) {
  Statement d = c.Prepare(delete_sql);
  d.Bind(1, practice_id).Run();
  Statement in = c.Prepare(insert_sql);
  for (const std::string& id : ids) {
    in.Bind(1, practice_id).Bind(2, id).Run();
    in.Reset();
  }
}

// The WHERE clause of the published practices matching `filter`: its conditions are constants
// of this function; their values go to `values`, to be bound from parameter `first` on.
std::string PublishedWhere(const PracticeFilter& filter, int first, std::vector<std::string>& values) {
  auto param = [&](std::string value) {
    values.push_back(std::move(value));
    return "?" + std::to_string(first + static_cast<int>(values.size()) - 1);
  };
  std::string where = "WHERE p.status = 'published'";
  // Every word (at most 8) must begin a word of the folded texts of some locale.
  const std::vector<std::string> words = directory::Tokens(directory::Fold(filter.query));
  for (size_t i = 0; i < words.size() && i < 8; ++i) {
    where += " AND instr(p.search_text, " + param(" " + words[i]) + ") > 0";
  }
  if (!filter.category.empty()) where += " AND p.category = " + param(filter.category);
  if (!filter.country.empty()) where += " AND p.country = " + param(filter.country);
  if (!filter.target_group_id.empty()) {
    where += " AND p.id IN (SELECT practice_id FROM practice_target_group WHERE taxonomy_term_id = " +
             param(filter.target_group_id) + ")";
  }
  return where + " ";
}

// Back-office order: waiting first, then returned, then published (newest first within).
constexpr std::string_view kReviewOrder =
    "ORDER BY CASE p.status WHEN 'submitted' THEN 0 WHEN 'returned' THEN 1 ELSE 2 END, "
    "p.last_modified DESC, p.id";

}  // namespace

std::optional<PracticeSource> LoadPractice(Connection& c, std::string_view slug) {
  Statement st = c.Prepare(
      "SELECT id, slug, status, source_locale, category, title, problem, audience, what_done, cost,"
      " results, watch_out, coalesce(organization_id, ''), library_name, country, submitted_by,"
      " submitted_at, review_note, reviewed_by, coalesce(published_at, ''), is_sample, source_note"
      " FROM practice WHERE slug = ?1");
  st.Bind(1, slug);
  if (!st.Step()) return std::nullopt;
  PracticeSource p;
  std::string* columns[] = {&p.id, &p.slug, &p.status, &p.source_locale, &p.category, &p.title,
                            &p.problem, &p.audience, &p.what_done, &p.cost, &p.results, &p.watch_out,
                            &p.organization_id, &p.library_name, &p.country, &p.submitted_by,
                            &p.submitted_at, &p.review_note, &p.reviewed_by, &p.published_at};
  int col = 0;
  for (std::string* s : columns) *s = st.Text(col++);
  p.is_sample = st.Int(col++) != 0;
  p.source_note = st.Text(col++);
  Statement g = c.Prepare("SELECT taxonomy_term_id FROM practice_target_group WHERE practice_id = ?1");
  g.Bind(1, p.id);
  while (g.Step()) p.target_group_ids.push_back(g.Text(0));
  Statement l = c.Prepare("SELECT kind, target_id FROM practice_link WHERE practice_id = ?1 ORDER BY kind, target_id");
  l.Bind(1, p.id);
  while (l.Step()) (l.TextView(0) == "event" ? p.event_ids : p.service_ids).push_back(l.Text(1));
  return p;
}

std::string SavePractice(Connection& c, const PracticeSource& p, std::string_view now) {
  std::string id = p.id, slug = p.slug;
  if (id.empty()) {
    id = RandomUuid();
    if (slug.empty()) slug = FreeSlugIn(c, "practice", p.title, "practice");
    Statement in = c.Prepare(
        "INSERT INTO practice (id, slug, status, source_locale, category, title, problem, audience,"
        " what_done, cost, results, watch_out, organization_id, library_name, country, submitted_by,"
        " submitted_at, published_at, is_sample, source_note, last_modified)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?17)");
    in.Bind(1, id).Bind(2, slug).Bind(3, p.status.empty() ? "submitted" : p.status).Bind(4, p.source_locale);
    in.Bind(5, p.category).Bind(6, p.title).Bind(7, p.problem).Bind(8, p.audience).Bind(9, p.what_done);
    in.Bind(10, p.cost).Bind(11, p.results).Bind(12, p.watch_out);
    if (p.organization_id.empty()) in.BindNull(13); else in.Bind(13, p.organization_id);
    in.Bind(14, p.library_name).Bind(15, p.country).Bind(16, p.submitted_by).Bind(17, now);
    if (p.published_at.empty()) in.BindNull(18); else in.Bind(18, p.published_at);
    in.Bind(19, p.is_sample ? 1 : 0).Bind(20, p.source_note).Run();
  } else {
    Statement up = c.Prepare(
        "UPDATE practice SET status = ?2, category = ?3, title = ?4, problem = ?5, audience = ?6,"
        " what_done = ?7, cost = ?8, results = ?9, watch_out = ?10, organization_id = ?11,"
        " library_name = ?12, country = ?13, last_modified = ?14 WHERE id = ?1");
    up.Bind(1, id).Bind(2, p.status).Bind(3, p.category).Bind(4, p.title).Bind(5, p.problem);
    up.Bind(6, p.audience).Bind(7, p.what_done).Bind(8, p.cost).Bind(9, p.results).Bind(10, p.watch_out);
    if (p.organization_id.empty()) up.BindNull(11); else up.Bind(11, p.organization_id);
    up.Bind(12, p.library_name).Bind(13, p.country).Bind(14, now).Run();
  }
  const std::string texts[] = {p.title, p.problem, p.audience, p.what_done, p.cost, p.results, p.watch_out};
  for (size_t i = 0; i < std::size(kTextFields); ++i) {
    WriteOriginal(c, "practice", id, kTextFields[i], p.source_locale, texts[i], now);
  }
  ReplaceIds(c, id, "DELETE FROM practice_target_group WHERE practice_id = ?1",
             "INSERT INTO practice_target_group (practice_id, taxonomy_term_id) VALUES (?1, ?2) "
             "ON CONFLICT DO NOTHING",
             p.target_group_ids);
  ReplaceIds(c, id, "DELETE FROM practice_link WHERE practice_id = ?1 AND kind = 'event'",
             "INSERT INTO practice_link (practice_id, kind, target_id) VALUES (?1, 'event', ?2) "
             "ON CONFLICT DO NOTHING",
             p.event_ids);
  ReplaceIds(c, id, "DELETE FROM practice_link WHERE practice_id = ?1 AND kind = 'service'",
             "INSERT INTO practice_link (practice_id, kind, target_id) VALUES (?1, 'service', ?2) "
             "ON CONFLICT DO NOTHING",
             p.service_ids);
  RefreshPracticeSearch(c, id);
  return slug;
}

void SetPracticeStatus(Connection& c, std::string_view id, std::string_view status,
                       std::string_view note, std::string_view reviewer, std::string_view now) {
  Statement st = c.Prepare(
      "UPDATE practice SET status = ?2, review_note = ?3, reviewed_by = ?4, last_modified = ?5,"
      " published_at = CASE WHEN ?2 = 'published' THEN coalesce(published_at, ?5) ELSE published_at END"
      " WHERE id = ?1");
  st.Bind(1, id).Bind(2, status).Bind(3, note).Bind(4, reviewer).Bind(5, now).Run();
}

void RefreshPracticeSearch(Connection& c, std::string_view id) {
  std::string text;
  Statement own = c.Prepare(
      "SELECT p.title || ' ' || p.problem || ' ' || p.audience || ' ' || p.what_done || ' ' || p.cost"
      " || ' ' || p.results || ' ' || p.watch_out || ' ' || p.library_name || ' ' || coalesce(o.name, '')"
      " || ' ' || coalesce(o.alternate_name, '')"
      " FROM practice p LEFT JOIN organization o ON o.id = p.organization_id WHERE p.id = ?1");
  own.Bind(1, id);
  if (!own.Step()) return;
  text = own.Text(0);
  Statement tr = c.Prepare(
      "SELECT value FROM translation WHERE entity = 'practice' AND entity_id = ?1 AND source <> 'original'");
  tr.Bind(1, id);
  while (tr.Step()) text += " " + tr.Text(0);
  // " word word … ": the list's search matches each query word at the start of a word.
  std::string words = " ";
  for (const std::string& w : directory::Tokens(directory::Fold(text))) words += w + " ";
  Statement up = c.Prepare("UPDATE practice SET search_text = ?2 WHERE id = ?1");
  up.Bind(1, id).Bind(2, words).Run();
}

std::vector<TextTranslation> PracticeTranslation(Connection& c, const PracticeSource& p, std::string_view locale) {
  const std::string texts[] = {p.title, p.problem, p.audience, p.what_done, p.cost, p.results, p.watch_out};
  std::vector<std::pair<std::string, std::string>> sources;
  for (size_t i = 0; i < std::size(kTextFields); ++i) sources.emplace_back(std::string(kTextFields[i]), texts[i]);
  return TranslationsOf(c, "practice", p.id, locale, sources);
}

void SavePracticeTranslation(Connection& c, const PracticeSource& p, std::string_view locale,
                             const std::vector<std::pair<std::string, std::string>>& texts, std::string_view now) {
  if (locale == p.source_locale) return;
  std::vector<std::pair<std::string, std::string>> known;
  for (const auto& text : texts) {
    if (std::find(std::begin(kTextFields), std::end(kTextFields), text.first) != std::end(kTextFields)) known.push_back(text);
  }
  WriteHumanTranslations(c, "practice", p.id, locale, known, now);
  RefreshPracticeSearch(c, p.id);
}

std::optional<PracticeView> PracticeBySlug(Connection& c, std::string_view slug, const LocaleChain& chain) {
  static const std::string sql = ViewColumns() + "WHERE p.slug = ?4";
  Statement st = c.Prepare(sql);
  BindChain(st, chain);
  st.Bind(4, slug);
  if (!st.Step()) return std::nullopt;
  PracticeView v = ReadView(st);
  v.target_groups = TargetGroupsOf(c, v.id, chain);
  v.events = LinksOf(c, v.id, "event", chain);
  v.services = LinksOf(c, v.id, "service", chain);
  v.images = ImagesOf(c, v.id, chain, 1000);
  return v;
}

PracticeList PublishedPractices(Connection& c, const PracticeFilter& filter, const LocaleChain& chain,
                                int64_t limit, int64_t offset) {
  std::vector<std::string> values;
  PracticeList out;
  Statement count = c.Prepare("SELECT count(*) FROM practice p " + PublishedWhere(filter, 1, values));
  for (size_t i = 0; i < values.size(); ++i) count.Bind(static_cast<int>(i) + 1, values[i]);
  count.Step();
  out.total = count.Int(0);
  values.clear();
  const std::string where = PublishedWhere(filter, 4, values);
  const int next = static_cast<int>(values.size()) + 4;
  Statement st = c.Prepare(ViewColumns() + where + " ORDER BY p.published_at DESC NULLS LAST, p.id LIMIT ?" +
                           std::to_string(next) + " OFFSET ?" + std::to_string(next + 1));
  BindChain(st, chain);
  for (size_t i = 0; i < values.size(); ++i) st.Bind(static_cast<int>(i) + 4, values[i]);
  st.Bind(next, limit).Bind(next + 1, offset);
  while (st.Step()) out.items.push_back(ReadView(st));
  for (PracticeView& v : out.items) {
    v.target_groups = TargetGroupsOf(c, v.id, chain);
    v.images = ImagesOf(c, v.id, chain, 1);
  }
  return out;
}

std::vector<std::string> PracticeCountries(Connection& c) {
  Statement st = c.Prepare("SELECT DISTINCT country FROM practice WHERE status = 'published' ORDER BY country");
  std::vector<std::string> out;
  while (st.Step()) out.push_back(st.Text(0));
  return out;
}

std::vector<PracticeView> PracticesInBackOffice(Connection& c, bool everything, std::string_view account_id,
                                                const std::vector<std::string>& organization_ids,
                                                const LocaleChain& chain) {
  static const std::string all = ViewColumns() + std::string(kReviewOrder);
  static const std::string own =
      ViewColumns() +
      "WHERE p.submitted_by = ?4 OR p.organization_id IN (SELECT value FROM json_each(?5)) " +
      std::string(kReviewOrder);
  Statement st = c.Prepare(everything ? all : own);
  BindChain(st, chain);
  if (!everything) {
    boost::json::array ids;
    for (const std::string& id : organization_ids) ids.emplace_back(id);
    st.Bind(4, account_id).Bind(5, boost::json::serialize(ids));
  }
  std::vector<PracticeView> out;
  while (st.Step()) out.push_back(ReadView(st));
  return out;
}

std::vector<NamedOrganization> NamedOrganizations(Connection& c, const std::vector<std::string>& ids,
                                                  const LocaleChain& chain) {
  static const std::string sql =
      "SELECT o.id, coalesce(o.slug, ''), " + BestText("organization", "o.id", "name", "o.name", "o.source_locale") +
      " FROM organization o WHERE o.id IN (SELECT value FROM json_each(?4)) ORDER BY o.name";
  boost::json::array list;
  for (const std::string& id : ids) list.emplace_back(id);
  Statement st = c.Prepare(sql);
  BindChain(st, chain);
  st.Bind(4, boost::json::serialize(list));
  std::vector<NamedOrganization> out;
  while (st.Step()) out.push_back({st.Text(0), st.Text(1), SplitLocalized(st.TextView(2))});
  return out;
}

int64_t PracticesWaiting(Connection& c) {
  Statement st = c.Prepare("SELECT count(*) FROM practice WHERE status = 'submitted'");
  st.Step();
  return st.Int(0);
}

std::string AddPracticeImage(Connection& c, std::string_view practice_id, std::string_view upload_id,
                             std::string_view alt, std::string_view caption, std::string_view now) {
  const std::string id = RandomUuid();
  Statement st = c.Prepare(
      "INSERT INTO practice_image (id, practice_id, upload_id, position, alt, caption, last_modified)"
      " VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM practice_image WHERE practice_id = ?2),"
      " ?4, ?5, ?6)");
  st.Bind(1, id).Bind(2, practice_id).Bind(3, upload_id).Bind(4, alt).Bind(5, caption).Bind(6, now).Run();
  Statement l = c.Prepare("SELECT source_locale FROM practice WHERE id = ?1");
  l.Bind(1, practice_id);
  const std::string locale = l.Step() ? l.Text(0) : "lv";
  WriteOriginal(c, "practice_image", id, "alt", locale, alt, now);
  WriteOriginal(c, "practice_image", id, "caption", locale, caption, now);
  return id;
}

std::optional<std::string> PracticeOfImage(Connection& c, std::string_view image_id) {
  Statement st = c.Prepare("SELECT practice_id FROM practice_image WHERE id = ?1");
  st.Bind(1, image_id);
  if (!st.Step()) return std::nullopt;
  return st.Text(0);
}

void DeletePracticeImage(Connection& c, std::string_view image_id) {
  Statement t = c.Prepare("DELETE FROM translation WHERE entity = 'practice_image' AND entity_id = ?1");
  t.Bind(1, image_id).Run();
  Statement st = c.Prepare("DELETE FROM practice_image WHERE id = ?1");
  st.Bind(1, image_id).Run();
}

}  // namespace tilti::store
