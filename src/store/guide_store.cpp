#include "store/guide_store.h"

#include <algorithm>
#include <map>

#include "core/ids.h"
#include "store/translation_store.h"

namespace tilti::store {
namespace {

constexpr std::string_view kEntity = "guide";

constexpr std::string_view kColumns =
    "id, slug, source_locale, topic, position, title, summary, body, "
    "coalesce(easy_version_of, ''), published, coalesce(video_upload_id, ''), video_description";

GuideSource SourceOf(Statement& st) {
  GuideSource g;
  g.id = st.Text(0);
  g.slug = st.Text(1);
  g.source_locale = st.Text(2);
  g.topic = st.Text(3);
  g.position = st.Int(4);
  g.title = st.Text(5);
  g.summary = st.Text(6);
  g.body = st.Text(7);
  g.easy_version_of = st.Text(8);
  g.published = st.Int(9) != 0;
  g.video_upload_id = st.Text(10);
  g.video_description = st.Text(11);
  return g;
}

std::optional<GuideSource> LoadWhere(Connection& c, std::string_view where, std::string_view v) {
  Statement st = c.Prepare("SELECT " + std::string(kColumns) + " FROM guide WHERE " +
                           std::string(where) + " = ?1");
  st.Bind(1, v);
  if (!st.Step()) return std::nullopt;
  return SourceOf(st);
}

// A guide's translation rows: field -> locale -> (value, outdated).
struct Row {
  std::string value;
  bool outdated = false;
};
using Rows = std::map<std::string, std::map<std::string, Row>, std::less<>>;

Rows TranslationRows(Connection& c, std::string_view guide_id) {
  Statement& st = c.Cached(
      "SELECT field, locale, value, outdated FROM translation WHERE entity = 'guide' "
      "AND entity_id = ?1");
  st.Bind(1, guide_id);
  Rows rows;
  while (st.Step()) rows[st.Text(0)][st.Text(1)] = {st.Text(2), st.Int(3) != 0};
  st.Reset();
  return rows;
}

// The best text of `field` for `chain`; the source text when no locale of the chain has one.
GuideText Pick(const Rows& rows, std::string_view field, const std::string& source_text,
               const std::string& source_locale, const LocaleChain& chain) {
  if (source_text.empty()) return {};
  auto f = rows.find(field);
  for (const std::string& locale : chain) {
    if (locale == source_locale) return {source_text, source_locale, false};
    if (f == rows.end()) continue;
    auto r = f->second.find(locale);
    if (r != f->second.end() && !r->second.value.empty()) {
      return {r->second.value, locale, r->second.outdated};
    }
  }
  return {source_text, source_locale, false};
}

GuideText TitleOf(Connection& c, const GuideSource& g, const LocaleChain& chain) {
  return Pick(TranslationRows(c, g.id), "title", g.title, g.source_locale, chain);
}

}  // namespace

const std::vector<std::string>& GuideTopics() {
  static const std::vector<std::string> topics = {"libraries", "library-card", "learning-latvian",
                                                  "e-services", "integration"};
  return topics;
}

const std::vector<std::string>& GuideTextFields() {
  static const std::vector<std::string> fields = {"title", "summary", "body", "video_description"};
  return fields;
}

std::optional<GuideSource> LoadGuideBySlug(Connection& c, std::string_view slug) {
  return LoadWhere(c, "slug", slug);
}

std::optional<GuideSource> LoadGuideById(Connection& c, std::string_view id) {
  return LoadWhere(c, "id", id);
}

bool EasyVersionTaken(Connection& c, std::string_view original_id, std::string_view except_id) {
  Statement st = c.Prepare("SELECT 1 FROM guide WHERE easy_version_of = ?1 AND id <> ?2");
  st.Bind(1, original_id).Bind(2, except_id);
  return st.Step();
}

std::string SaveGuide(Connection& c, const GuideSource& g, std::string_view now) {
  const std::string id = g.id.empty() ? RandomUuid() : g.id;
  auto opt = [](const std::string& s) { return s.empty() ? std::nullopt : std::optional(s); };
  Statement st = c.Prepare(
      "INSERT INTO guide (id, slug, source_locale, topic, position, title, summary, body, "
      "easy_version_of, published, video_upload_id, video_description, last_modified) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
      "ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, source_locale = "
      "excluded.source_locale, "
      "topic = excluded.topic, position = excluded.position, title = excluded.title, "
      "summary = excluded.summary, body = excluded.body, easy_version_of = "
      "excluded.easy_version_of, "
      "published = excluded.published, video_upload_id = excluded.video_upload_id, "
      "video_description = excluded.video_description, last_modified = excluded.last_modified");
  st.Bind(1, id).Bind(2, g.slug).Bind(3, g.source_locale).Bind(4, g.topic).Bind(5, g.position);
  st.Bind(6, g.title).Bind(7, g.summary).Bind(8, g.body).Bind(9, opt(g.easy_version_of));
  st.Bind(10, static_cast<int64_t>(g.published ? 1 : 0)).Bind(11, opt(g.video_upload_id));
  st.Bind(12, g.video_description).Bind(13, now).Run();
  WriteOriginal(c, kEntity, id, "title", g.source_locale, g.title, now);
  WriteOriginal(c, kEntity, id, "summary", g.source_locale, g.summary, now);
  WriteOriginal(c, kEntity, id, "body", g.source_locale, g.body, now);
  WriteOriginal(c, kEntity, id, "video_description", g.source_locale, g.video_description, now);
  return id;
}

std::optional<GuideView> ReadGuide(Connection& c, std::string_view slug, const LocaleChain& chain,
                                   bool published_only) {
  auto g = LoadGuideBySlug(c, slug);
  if (!g || (published_only && !g->published)) return std::nullopt;
  const Rows rows = TranslationRows(c, g->id);
  GuideView v;
  v.id = g->id;
  v.slug = g->slug;
  v.topic = g->topic;
  v.source_locale = g->source_locale;
  v.published = g->published;
  v.title = Pick(rows, "title", g->title, g->source_locale, chain);
  v.summary = Pick(rows, "summary", g->summary, g->source_locale, chain);
  v.body = Pick(rows, "body", g->body, g->source_locale, chain);
  if (!g->video_upload_id.empty()) {
    v.video = UploadById(c, g->video_upload_id);
    if (v.video) {
      v.video_description =
          Pick(rows, "video_description", g->video_description, g->source_locale, chain);
      v.captions = GuideCaptions(c, g->id);
    }
  }
  Statement easy =
      c.Prepare("SELECT " + std::string(kColumns) + " FROM guide WHERE easy_version_of = ?1");
  easy.Bind(1, g->id);
  if (easy.Step()) {
    GuideSource e = SourceOf(easy);
    if (!published_only || e.published) {
      v.easy_slug = e.slug;
      v.easy_title = TitleOf(c, e, chain);
    }
  }
  if (!g->easy_version_of.empty()) {
    auto original = LoadGuideById(c, g->easy_version_of);
    if (original && (!published_only || original->published)) {
      v.original_slug = original->slug;
      v.original_title = TitleOf(c, *original, chain);
    }
  }
  return v;
}

std::vector<GuideListItem> ListGuides(Connection& c, const LocaleChain& chain,
                                      bool published_only) {
  Statement st = c.Prepare("SELECT " + std::string(kColumns) + " FROM guide" +
                           (published_only ? " WHERE published = 1" : ""));
  std::vector<GuideListItem> out;
  while (st.Step()) {
    GuideSource g = SourceOf(st);
    const Rows rows = TranslationRows(c, g.id);
    GuideListItem item;
    item.id = g.id;
    item.slug = g.slug;
    item.topic = g.topic;
    item.position = g.position;
    item.published = g.published;
    item.is_easy = !g.easy_version_of.empty();
    item.title = Pick(rows, "title", g.title, g.source_locale, chain);
    item.summary = Pick(rows, "summary", g.summary, g.source_locale, chain);
    out.push_back(std::move(item));
  }
  const auto& topics = GuideTopics();
  auto rank = [&](const std::string& t) {
    return std::find(topics.begin(), topics.end(), t) - topics.begin();
  };
  std::stable_sort(out.begin(), out.end(), [&](const GuideListItem& a, const GuideListItem& b) {
    if (a.topic != b.topic) return rank(a.topic) < rank(b.topic);
    if (a.position != b.position) return a.position < b.position;
    if (a.is_easy != b.is_easy) return !a.is_easy;
    return a.title.text < b.title.text;
  });
  return out;
}

std::string GuideLocaleState(Connection& c, std::string_view guide_id, std::string_view locale) {
  auto g = LoadGuideById(c, guide_id);
  if (!g) return "missing";
  if (g->source_locale == locale) return "original";
  bool missing = false, outdated = false;
  for (const auto& f : ReadGuideTranslation(c, guide_id, locale)) {
    if (f.value.empty()) missing = true;
    if (f.outdated) outdated = true;
  }
  if (outdated) return "outdated";
  if (missing) return "missing";
  return "translated";
}

std::vector<GuideTranslationField> ReadGuideTranslation(Connection& c, std::string_view guide_id,
                                                        std::string_view locale) {
  auto g = LoadGuideById(c, guide_id);
  if (!g) return {};
  const Rows rows = TranslationRows(c, guide_id);
  const std::string* sources[] = {&g->title, &g->summary, &g->body, &g->video_description};
  std::vector<GuideTranslationField> out;
  for (size_t i = 0; i < GuideTextFields().size(); ++i) {
    const std::string& field = GuideTextFields()[i];
    if (sources[i]->empty()) continue;
    GuideTranslationField t{field, *sources[i], "", false};
    auto f = rows.find(field);
    if (f != rows.end()) {
      auto r = f->second.find(std::string(locale));
      if (r != f->second.end()) {
        t.value = r->second.value;
        t.outdated = r->second.outdated;
      }
    }
    out.push_back(std::move(t));
  }
  return out;
}

void SaveGuideTranslation(Connection& c, std::string_view guide_id, std::string_view locale,
                          const std::vector<std::pair<std::string, std::string>>& texts,
                          std::string_view now) {
  auto g = LoadGuideById(c, guide_id);
  if (!g || g->source_locale == locale) return;
  const auto& fields = GuideTextFields();
  std::vector<std::pair<std::string, std::string>> known;
  for (const auto& text : texts) {
    if (std::find(fields.begin(), fields.end(), text.first) != fields.end()) known.push_back(text);
  }
  WriteHumanTranslations(c, "guide", guide_id, locale, known, now);
}

void SetGuideCaption(Connection& c, std::string_view guide_id, std::string_view locale,
                     std::string_view upload_id) {
  c.Cached(
       "INSERT INTO guide_caption (guide_id, locale, upload_id) VALUES (?1, ?2, ?3) "
       "ON CONFLICT (guide_id, locale) DO UPDATE SET upload_id = excluded.upload_id")
      .Bind(1, guide_id)
      .Bind(2, locale)
      .Bind(3, upload_id)
      .Run();
}

std::vector<GuideCaption> GuideCaptions(Connection& c, std::string_view guide_id) {
  Statement st =
      c.Prepare("SELECT locale, upload_id FROM guide_caption WHERE guide_id = ?1 ORDER BY locale");
  st.Bind(1, guide_id);
  std::vector<std::pair<std::string, std::string>> rows;
  while (st.Step()) rows.emplace_back(st.Text(0), st.Text(1));
  std::vector<GuideCaption> out;
  for (const auto& [locale, upload] : rows) {
    if (auto file = UploadById(c, upload)) out.push_back({locale, std::move(*file)});
  }
  return out;
}

}  // namespace tilti::store
