#include "store/method_store.h"

#include "core/ids.h"
#include "store/localized_sql.h"
#include "store/slugs.h"
#include "store/translation_store.h"

namespace tilti::store {
namespace {

// The documents' columns; ?1..?3 the reader's chain.
std::string DocumentSql() {
  return "SELECT d.id, d.slug, d.topic, d.source_locale, " +
         BestText("method_document", "d.id", "title", "d.title", "d.source_locale") + ", " +
         BestText("method_document", "d.id", "summary", "d.summary", "d.source_locale") +
         " FROM method_document d ";
}

// A version's columns (then the file's, NULL without one) for the document alias `d`.
std::string VersionSql() {
  return "SELECT v.id, v.number, coalesce(v.published_on, ''), " +
         BestText("method_version", "v.id", "note", "v.note", "d.source_locale") + ", " +
         BestText("method_version", "v.id", "body", "v.body", "d.source_locale") +
         ", coalesce(v.upload_id, '') FROM method_version v JOIN method_document d ON d.id = v.document_id ";
}

MethodDocumentView ReadDocument(const Statement& st) {
  MethodDocumentView d;
  d.id = st.Text(0);
  d.slug = st.Text(1);
  d.topic = st.Text(2);
  d.source_locale = st.Text(3);
  d.title = SplitLocalized(st.TextView(4));
  d.summary = SplitLocalized(st.TextView(5));
  return d;
}

MethodVersionView ReadVersion(Connection& c, const Statement& st) {
  MethodVersionView v;
  v.id = st.Text(0);
  v.number = st.Int(1);
  v.published_on = st.Text(2);
  v.note = SplitLocalized(st.TextView(3));
  v.body = SplitLocalized(st.TextView(4));
  if (const std::string upload = st.Text(5); !upload.empty()) v.file = UploadById(c, upload);
  return v;
}

// Topics in the order of seed 004's training topics, "other" last.
constexpr std::string_view kTopicOrder =
    "CASE d.topic WHEN 'partnership' THEN 0 WHEN 'diagnostics' THEN 1 WHEN 'strategy' THEN 2 "
    "WHEN 'hackathon' THEN 3 WHEN 'impact' THEN 4 ELSE 5 END";

}  // namespace

std::vector<MethodDocumentView> MethodDocuments(Connection& c, const LocaleChain& chain) {
  static const std::string sql = DocumentSql() + "ORDER BY " + std::string(kTopicOrder) + ", d.title";
  Statement st = c.Prepare(sql);
  BindChain(st, chain);
  std::vector<MethodDocumentView> out;
  while (st.Step()) out.push_back(ReadDocument(st));
  static const std::string current =
      VersionSql() + "WHERE v.document_id = ?4 ORDER BY v.number DESC LIMIT 1";
  Statement v = c.Prepare(current);
  for (auto& d : out) {
    BindChain(v, chain);
    v.Bind(4, d.id);
    if (v.Step()) d.versions.push_back(ReadVersion(c, v));
    v.Reset();
  }
  return out;
}

std::optional<MethodDocumentView> MethodDocumentBySlug(Connection& c, std::string_view slug,
                                                       const LocaleChain& chain) {
  static const std::string sql = DocumentSql() + "WHERE d.slug = ?4";
  Statement st = c.Prepare(sql);
  BindChain(st, chain);
  st.Bind(4, slug);
  if (!st.Step()) return std::nullopt;
  MethodDocumentView d = ReadDocument(st);
  static const std::string versions = VersionSql() + "WHERE v.document_id = ?4 ORDER BY v.number DESC";
  Statement v = c.Prepare(versions);
  BindChain(v, chain);
  v.Bind(4, d.id);
  while (v.Step()) d.versions.push_back(ReadVersion(c, v));
  return d;
}

std::optional<MethodDocumentSource> LoadMethodDocument(Connection& c, std::string_view slug) {
  Statement st = c.Prepare(
      "SELECT id, slug, topic, source_locale, title, summary FROM method_document WHERE slug = ?1");
  st.Bind(1, slug);
  if (!st.Step()) return std::nullopt;
  return MethodDocumentSource{st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4), st.Text(5)};
}

std::string SaveMethodDocument(Connection& c, const MethodDocumentSource& d, std::string_view now) {
  std::string id = d.id, slug = d.slug;
  if (id.empty()) {
    id = RandomUuid();
    slug = FreeSlugIn(c, "method_document", d.title, "document");
    Statement in = c.Prepare(
        "INSERT INTO method_document (id, slug, topic, source_locale, title, summary, last_modified) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    in.Bind(1, id).Bind(2, slug).Bind(3, d.topic).Bind(4, d.source_locale).Bind(5, d.title);
    in.Bind(6, d.summary).Bind(7, now).Run();
  } else {
    Statement up = c.Prepare(
        "UPDATE method_document SET topic = ?2, title = ?3, summary = ?4, last_modified = ?5 WHERE id = ?1");
    up.Bind(1, id).Bind(2, d.topic).Bind(3, d.title).Bind(4, d.summary).Bind(5, now).Run();
  }
  Statement l = c.Prepare("SELECT source_locale FROM method_document WHERE id = ?1");
  l.Bind(1, id);
  const std::string locale = l.Step() ? l.Text(0) : "lv";
  WriteOriginal(c, "method_document", id, "title", locale, d.title, now);
  WriteOriginal(c, "method_document", id, "summary", locale, d.summary, now);
  return slug;
}

int64_t AddMethodVersion(Connection& c, std::string_view document_id, const NewMethodVersion& v,
                         std::string_view now) {
  Statement n = c.Prepare(
      "SELECT coalesce(max(number), 0) + 1, (SELECT source_locale FROM method_document WHERE id = ?1) "
      "FROM method_version WHERE document_id = ?1");
  n.Bind(1, document_id);
  n.Step();
  const int64_t number = n.Int(0);
  const std::string locale = n.IsNull(1) ? "lv" : n.Text(1);
  const std::string id = RandomUuid();
  Statement in = c.Prepare(
      "INSERT INTO method_version (id, document_id, number, published_on, note, body, upload_id, "
      "created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  in.Bind(1, id).Bind(2, document_id).Bind(3, number);
  if (v.published_on.empty()) in.BindNull(4); else in.Bind(4, v.published_on);
  in.Bind(5, v.note).Bind(6, v.body);
  if (v.upload_id.empty()) in.BindNull(7); else in.Bind(7, v.upload_id);
  in.Bind(8, v.account_id).Bind(9, now).Run();
  WriteOriginal(c, "method_version", id, "note", locale, v.note, now);
  WriteOriginal(c, "method_version", id, "body", locale, v.body, now);
  return number;
}

}  // namespace tilti::store
