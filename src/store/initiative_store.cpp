#include "store/initiative_store.h"

#include "store/slugs.h"

#include <algorithm>
#include <map>

#include "core/ids.h"
#include "core/text.h"
#include "directory/folding.h"
#include "store/manage_queries.h"
#include "store/translation_store.h"

namespace tilti::store {
namespace {

std::optional<std::string> Opt(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

}  // namespace

std::optional<InitiativeSource> LoadInitiativeSource(Connection& c, std::string_view slug) {
  Statement st = c.Prepare(
      "SELECT id, slug, name, coalesce(short_name, ''), description, coalesce(programme, ''), "
      "coalesce(call_code, ''), coalesce(starts_on, ''), coalesce(ends_on, ''), source_locale, "
      "coalesce(lead_organization_id, ''), budget_total_cents FROM initiative WHERE slug = ?1");
  st.Bind(1, slug);
  if (!st.Step()) return std::nullopt;
  InitiativeSource s{st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4), st.Text(5), st.Text(6),
                     st.Text(7), st.Text(8), st.Text(9), st.Text(10), {}, {}, std::nullopt, {}, {}, {}};
  if (!st.IsNull(11)) s.total_cents = st.Int(11);
  Statement m = c.Prepare(
      "SELECT io.organization_id, io.role, o.kind FROM initiative_organization io "
      "JOIN organization o ON o.id = io.organization_id WHERE io.initiative_id = ?1 ORDER BY o.name");
  m.Bind(1, s.id);
  while (m.Step()) {
    const std::string org = m.Text(0), role = m.Text(1), kind = m.Text(2);
    if (org == s.lead_id) continue;
    if (role == "partner" || role == "lead" || role == "administrator") s.partner_ids.push_back(org);
    else if (kind == "library") s.library_ids.push_back(org);
  }
  Statement f = c.Prepare("SELECT funder, amount_cents FROM initiative_funding WHERE initiative_id = ?1 ORDER BY position");
  f.Bind(1, s.id);
  while (f.Step()) s.funding.push_back({f.Text(0), f.Int(1)});
  Statement g = c.Prepare("SELECT taxonomy_term_id FROM initiative_target_group WHERE initiative_id = ?1");
  g.Bind(1, s.id);
  while (g.Step()) s.target_group_ids.push_back(g.Text(0));
  Statement r = c.Prepare(
      "SELECT text, status FROM initiative_goal WHERE initiative_id = ?1 AND kind = 'result' ORDER BY position");
  r.Bind(1, s.id);
  while (r.Step()) s.results.emplace_back(r.Text(0), r.Text(1));
  return s;
}

ResolvedOrganizations ResolveOrganizations(Connection& c, const std::vector<std::string>& typed,
                                           bool libraries_only) {
  // Every name of every organisation, folded; few enough to hold for one form's submission.
  std::map<std::string, std::vector<std::string>> by_name;  // folded name or slug -> ids
  auto add = [&](const std::string& key, const std::string& id) {
    auto& ids = by_name[key];
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  Statement o = c.Prepare(
      "SELECT o.id, o.slug, o.name FROM organization o WHERE ?1 = 0 OR o.kind = 'library'");
  o.Bind(1, libraries_only ? 1 : 0);
  while (o.Step()) {
    add(o.Text(1), o.Text(0));
    add(directory::Fold(o.TextView(2)), o.Text(0));
  }
  Statement t = c.Prepare(
      "SELECT t.entity_id, t.value FROM translation t JOIN organization o ON o.id = t.entity_id "
      "WHERE t.entity = 'organization' AND t.field = 'name' AND (?1 = 0 OR o.kind = 'library')");
  t.Bind(1, libraries_only ? 1 : 0);
  while (t.Step()) add(directory::Fold(t.TextView(1)), t.Text(0));
  ResolvedOrganizations out;
  for (const std::string& line : typed) {
    const std::string name = TrimSpace(line);
    if (name.empty()) continue;
    auto it = by_name.find(name);
    if (it == by_name.end()) it = by_name.find(directory::Fold(name));
    if (it == by_name.end() || it->second.size() != 1) {
      out.unknown.push_back(name);
    } else if (std::find(out.ids.begin(), out.ids.end(), it->second.front()) == out.ids.end()) {
      out.ids.push_back(it->second.front());
    }
  }
  return out;
}

std::string OrganizationName(Connection& c, std::string_view id) {
  Statement st = c.Prepare("SELECT name FROM organization WHERE id = ?1");
  st.Bind(1, id);
  return st.Step() ? st.Text(0) : "";
}

std::string SaveInitiative(Connection& c, std::string_view id, const InitiativeValues& v,
                           std::string_view source_locale, std::string_view now) {
  std::string iid(id), slug;
  std::map<std::pair<std::string, int64_t>, std::string> notes;  // (funder, cents) -> source note
  if (iid.empty()) {
    iid = RandomUuid();
    slug = FreeSlugIn(c, "initiative", v.short_name.empty() ? v.name : v.short_name, "initiative");
    Statement in = c.Prepare(
        "INSERT INTO initiative (id, slug, name, source_locale, last_modified) VALUES (?1, ?2, ?3, ?4, ?5)");
    in.Bind(1, iid).Bind(2, slug).Bind(3, v.name).Bind(4, source_locale).Bind(5, now).Run();
  } else {
    Statement s = c.Prepare("SELECT slug FROM initiative WHERE id = ?1");
    s.Bind(1, iid);
    if (s.Step()) slug = s.Text(0);
    Statement n = c.Prepare("SELECT funder, amount_cents, source_note FROM initiative_funding WHERE initiative_id = ?1");
    n.Bind(1, iid);
    while (n.Step()) notes[{n.Text(0), n.Int(1)}] = n.Text(2);
  }
  Statement up = c.Prepare(
      "UPDATE initiative SET name = ?2, short_name = ?3, description = ?4, programme = ?5, call_code = ?6, "
      "starts_on = ?7, ends_on = ?8, lead_organization_id = ?9, budget_total_cents = ?10, last_modified = ?11 "
      "WHERE id = ?1");
  up.Bind(1, iid).Bind(2, v.name).Bind(3, Opt(v.short_name)).Bind(4, v.description).Bind(5, Opt(v.programme));
  up.Bind(6, Opt(v.call_code)).Bind(7, v.starts_on).Bind(8, v.ends_on).Bind(9, v.lead_id).Bind(10, v.total_cents);
  up.Bind(11, now).Run();
  const std::string locale = [&] {
    Statement l = c.Prepare("SELECT source_locale FROM initiative WHERE id = ?1");
    l.Bind(1, iid);
    return l.Step() ? l.Text(0) : std::string(source_locale);
  }();
  WriteOriginal(c, "initiative", iid, "name", locale, v.name, now);
  WriteOriginal(c, "initiative", iid, "description", locale, v.description, now);

  // Members: whoever the form no longer names goes, except the local partnerships' organisations.
  std::vector<std::string> listed = v.partner_ids;
  listed.insert(listed.end(), v.library_ids.begin(), v.library_ids.end());
  if (v.lead_id) listed.push_back(*v.lead_id);
  const std::string json = IdsJson(listed);
  Statement drop = c.Prepare(
      "DELETE FROM initiative_organization WHERE initiative_id = ?1 "
      "AND organization_id NOT IN (SELECT value FROM json_each(?2)) "
      "AND organization_id NOT IN (SELECT library_organization_id FROM partnership WHERE initiative_id = ?1 "
      "  UNION SELECT municipality_organization_id FROM partnership WHERE initiative_id = ?1 AND municipality_organization_id IS NOT NULL "
      "  UNION SELECT integration_organization_id FROM partnership WHERE initiative_id = ?1 AND integration_organization_id IS NOT NULL)");
  drop.Bind(1, iid).Bind(2, json).Run();
  Statement member = c.Prepare(
      "INSERT INTO initiative_organization (initiative_id, organization_id, role) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (initiative_id, organization_id) DO UPDATE SET role = CASE "
      "WHEN initiative_organization.role = 'administrator' THEN 'administrator' "
      "WHEN excluded.role = 'participant' THEN initiative_organization.role ELSE excluded.role END");
  auto put = [&](const std::string& org, const char* role) {
    member.Bind(1, iid).Bind(2, org).Bind(3, role).Run();
    member.Reset();
  };
  if (v.lead_id) put(*v.lead_id, "lead");
  for (const auto& org : v.partner_ids) {
    if (!v.lead_id || org != *v.lead_id) put(org, "partner");
  }
  for (const auto& org : v.library_ids) put(org, "participant");

  Statement groups = c.Prepare("DELETE FROM initiative_target_group WHERE initiative_id = ?1");
  groups.Bind(1, iid).Run();
  Statement group = c.Prepare(
      "INSERT INTO initiative_target_group (initiative_id, taxonomy_term_id) "
      "SELECT ?1, t.id FROM taxonomy_term t JOIN taxonomy x ON x.id = t.taxonomy_id "
      "WHERE x.code = 'target-group' AND t.id = ?2 ON CONFLICT DO NOTHING");
  for (const auto& term : v.target_group_ids) {
    group.Bind(1, iid).Bind(2, term).Run();
    group.Reset();
  }
  std::vector<std::string> result_ids;
  {
    Statement ids = c.Prepare("SELECT id FROM initiative_goal WHERE initiative_id = ?1 AND kind = 'result' ORDER BY position");
    ids.Bind(1, iid);
    while (ids.Step()) result_ids.push_back(ids.Text(0));
  }
  Statement result = c.Prepare(
      "INSERT INTO initiative_goal (id, initiative_id, kind, position, text, status, last_modified) "
      "VALUES (?1, ?2, 'result', ?3, ?4, ?5, ?6) ON CONFLICT (id) DO UPDATE SET position = excluded.position, "
      "text = excluded.text, status = excluded.status, last_modified = excluded.last_modified "
      "WHERE (initiative_goal.position, initiative_goal.text, initiative_goal.status) "
      "IS DISTINCT FROM (excluded.position, excluded.text, excluded.status)");
  for (size_t i = 0; i < v.results.size(); ++i) {
    const std::string rid = i < result_ids.size() ? result_ids[i] : RandomUuid();
    result.Bind(1, rid).Bind(2, iid).Bind(3, static_cast<int64_t>(i + 1)).Bind(4, v.results[i].first);
    result.Bind(5, v.results[i].second).Bind(6, now).Run();
    result.Reset();
    WriteOriginal(c, "initiative_goal", rid, "text", locale, v.results[i].first, now);
  }
  Statement gone = c.Prepare("DELETE FROM initiative_goal WHERE id = ?1");
  Statement gone_texts = c.Prepare("DELETE FROM translation WHERE entity = 'initiative_goal' AND entity_id = ?1");
  for (size_t i = v.results.size(); i < result_ids.size(); ++i) {
    gone.Bind(1, result_ids[i]).Run();
    gone.Reset();
    gone_texts.Bind(1, result_ids[i]).Run();
    gone_texts.Reset();
  }

  Statement clear = c.Prepare("DELETE FROM initiative_funding WHERE initiative_id = ?1");
  clear.Bind(1, iid).Run();
  Statement line = c.Prepare(
      "INSERT INTO initiative_funding (initiative_id, position, funder, amount_cents, source_note) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  for (size_t i = 0; i < v.funding.size(); ++i) {
    const auto& f = v.funding[i];
    auto note = notes.find({f.funder, f.amount_cents});
    line.Bind(1, iid).Bind(2, static_cast<int64_t>(i)).Bind(3, f.funder).Bind(4, f.amount_cents);
    line.Bind(5, note == notes.end() ? std::string() : note->second).Run();
    line.Reset();
  }
  return slug;
}

std::optional<PartnershipSource> LoadPartnership(Connection& c, std::string_view id) {
  Statement st = c.Prepare(
      "SELECT id, coalesce(initiative_id, ''), library_organization_id, coalesce(municipality_organization_id, ''), "
      "coalesce(integration_organization_id, ''), coalesce(starts_on, '') FROM partnership WHERE id = ?1");
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  return PartnershipSource{st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4), st.Text(5)};
}

Result<std::string> SavePartnership(Connection& c, const PartnershipSource& p) {
  Statement taken = c.Prepare(
      "SELECT 1 FROM partnership WHERE initiative_id = ?1 AND library_organization_id = ?2 AND id <> ?3");
  taken.Bind(1, p.initiative_id).Bind(2, p.library_id).Bind(3, p.id);
  if (taken.Step()) return Error{ErrorCode::kConflict, "partnership exists", {{"library", "programme.error.partnership_exists"}}};
  const std::string pid = p.id.empty() ? RandomUuid() : p.id;
  Statement st = c.Prepare(
      "INSERT INTO partnership (id, initiative_id, library_organization_id, municipality_organization_id, "
      "integration_organization_id, position, starts_on) VALUES (?1, ?2, ?3, ?4, ?5, "
      "(SELECT coalesce(max(position), 0) + 1 FROM partnership WHERE initiative_id = ?2), ?6) "
      "ON CONFLICT (id) DO UPDATE SET library_organization_id = excluded.library_organization_id, "
      "municipality_organization_id = excluded.municipality_organization_id, "
      "integration_organization_id = excluded.integration_organization_id, starts_on = excluded.starts_on");
  st.Bind(1, pid).Bind(2, p.initiative_id).Bind(3, p.library_id).Bind(4, Opt(p.municipality_id));
  st.Bind(5, Opt(p.integration_id)).Bind(6, Opt(p.starts_on)).Run();
  Statement member = c.Prepare(
      "INSERT INTO initiative_organization (initiative_id, organization_id, role) "
      "VALUES (?1, ?2, 'participant') ON CONFLICT DO NOTHING");
  for (const std::string* org : {&p.library_id, &p.municipality_id, &p.integration_id}) {
    if (org->empty()) continue;
    member.Bind(1, p.initiative_id).Bind(2, *org).Run();
    member.Reset();
  }
  return pid;
}

std::optional<NewsSource> LoadNews(Connection& c, std::string_view id) {
  Statement st = c.Prepare("SELECT id, initiative_id, published_on, title, body FROM initiative_news WHERE id = ?1");
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  return NewsSource{st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4)};
}

std::string SaveNews(Connection& c, std::string_view id, std::string_view initiative_id,
                     const NewsSource& v, std::string_view now) {
  const std::string nid = id.empty() ? RandomUuid() : std::string(id);
  Statement st = c.Prepare(
      "INSERT INTO initiative_news (id, initiative_id, published_on, title, body, last_modified) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO UPDATE SET published_on = excluded.published_on, "
      "title = excluded.title, body = excluded.body, last_modified = excluded.last_modified");
  st.Bind(1, nid).Bind(2, initiative_id).Bind(3, v.published_on).Bind(4, v.title).Bind(5, v.body).Bind(6, now).Run();
  Statement l = c.Prepare("SELECT source_locale FROM initiative WHERE id = ?1");
  l.Bind(1, initiative_id);
  const std::string locale = l.Step() ? l.Text(0) : "lv";
  WriteOriginal(c, "initiative_news", nid, "title", locale, v.title, now);
  WriteOriginal(c, "initiative_news", nid, "body", locale, v.body, now);
  return nid;
}

}  // namespace tilti::store
