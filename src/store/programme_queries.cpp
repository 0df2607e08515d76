#include "store/programme_queries.h"

#include "store/localized_sql.h"

namespace tilti::store {
namespace {

// The columns ReadItem reads (0-7), the description (8) and the budget (9) of `initiative i`.
const std::string& ItemColumns() {
  static const std::string sql =
      "SELECT i.id, i.slug, " + BestText("initiative", "i.id", "name", "i.name", "i.source_locale") +
      ", coalesce(i.short_name, ''), coalesce(i.programme, ''), coalesce(i.call_code, ''), "
      "coalesce(i.starts_on, ''), coalesce(i.ends_on, ''), " +
      BestText("initiative", "i.id", "description", "i.description", "i.source_locale") +
      ", i.budget_total_cents";
  return sql;
}

const std::string& ItemSql() {
  static const std::string sql = ItemColumns() + " FROM initiative i ";
  return sql;
}

InitiativeItem ReadItem(const Statement& st) {
  return {st.Text(0), st.Text(1), SplitLocalized(st.TextView(2)), st.Text(3), st.Text(4),
          st.Text(5), st.Text(6), st.Text(7)};
}

}  // namespace

std::vector<InitiativeItem> AllInitiatives(Connection& c, const LocaleChain& chain) {
  Statement st = c.Prepare(ItemSql() + "ORDER BY coalesce(i.ends_on, i.starts_on, '') DESC, i.slug");
  BindChain(st, chain);
  std::vector<InitiativeItem> out;
  while (st.Step()) out.push_back(ReadItem(st));
  return out;
}

std::vector<PartnershipRow> AllPartnerships(Connection& c, const LocaleChain& chain) {
  auto name = [](std::string_view alias) {
    const std::string a(alias);
    return "CASE WHEN " + a + ".id IS NULL THEN '' ELSE " +
           BestText("organization", a + ".id", "name", a + ".name", a + ".source_locale") + " END";
  };
  // The organisation's public contact points: website, e-mail, and its own phone or else its
  // first location's (HSDS keeps library phones at the location).
  auto contact = [](std::string_view alias) {
    const std::string a(alias);
    return "coalesce(" + a + ".website, ''), coalesce(" + a + ".email, ''), coalesce((SELECT number FROM phone "
           "WHERE organization_id = " + a + ".id ORDER BY id LIMIT 1), (SELECT ph.number FROM location pl JOIN "
           "phone ph ON ph.location_id = pl.id WHERE pl.organization_id = " + a + ".id ORDER BY pl.id, ph.id LIMIT 1), '')";
  };
  static const std::string sql =
      "SELECT coalesce(i.slug, ''), coalesce(i.short_name, ''), l.slug, coalesce(p.starts_on, ''), p.id, "
      "CASE WHEN i.id IS NULL THEN '' ELSE " + BestText("initiative", "i.id", "name", "i.name", "i.source_locale") +
      " END, " + name("l") + ", " + name("m") + ", " + name("g") +
      ", loc.latitude, loc.longitude, coalesce(loc.coordinates_approximate, 0), " + contact("l") + ", " +
      contact("m") + ", " + contact("g") +
      " FROM partnership p JOIN organization l ON l.id = p.library_organization_id "
      "LEFT JOIN initiative i ON i.id = p.initiative_id "
      "LEFT JOIN organization m ON m.id = p.municipality_organization_id "
      "LEFT JOIN organization g ON g.id = p.integration_organization_id "
      "LEFT JOIN location loc ON loc.id = (SELECT id FROM location WHERE organization_id = l.id ORDER BY id LIMIT 1) "
      "ORDER BY i.starts_on DESC NULLS LAST, i.slug NULLS FIRST, p.position";
  Statement st = c.Prepare(sql);
  BindChain(st, chain);
  std::vector<PartnershipRow> out;
  while (st.Step()) {
    PartnershipRow r;
    r.initiative_slug = st.Text(0);
    r.initiative_short_name = st.Text(1);
    r.library_slug = st.Text(2);
    r.starts_on = st.Text(3);
    r.id = st.Text(4);
    r.initiative = SplitLocalized(st.TextView(5));
    r.library = SplitLocalized(st.TextView(6));
    r.municipality = SplitLocalized(st.TextView(7));
    r.integration = SplitLocalized(st.TextView(8));
    if (!st.IsNull(9) && !st.IsNull(10)) {
      r.latitude = st.Double(9);
      r.longitude = st.Double(10);
    }
    r.approximate = st.Int(11) != 0;
    int col = 12;
    for (ContactPoints* cp : {&r.library_contact, &r.municipality_contact, &r.integration_contact}) {
      cp->website = st.Text(col++);
      cp->email = st.Text(col++);
      cp->phone = st.Text(col++);
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<InitiativeSummary> InitiativeSummaries(Connection& c, const LocaleChain& chain) {
  static const std::string sql =
      ItemColumns() + ", (SELECT count(*) FROM initiative_organization io JOIN organization o ON o.id = io.organization_id "
      "WHERE io.initiative_id = i.id AND o.kind = 'library'), "
      "(SELECT count(*) FROM partnership p WHERE p.initiative_id = i.id), "
      "(SELECT count(*) FROM hackathon h WHERE h.initiative_id = i.id), "
      "(SELECT coalesce(sum(participants), 0) FROM hackathon h WHERE h.initiative_id = i.id), "
      "(SELECT count(*) FROM idea d WHERE d.initiative_id = i.id), "
      "(SELECT count(*) FROM idea d WHERE d.initiative_id = i.id AND d.status IN ('running', 'done')) "
      "FROM initiative i ORDER BY coalesce(i.ends_on, i.starts_on, '') DESC, i.slug";
  Statement st = c.Prepare(sql);
  BindChain(st, chain);
  std::vector<InitiativeSummary> out;
  while (st.Step()) {
    out.push_back({ReadItem(st), st.Int(10), st.Int(11), st.Int(12), st.Int(13), st.Int(14), st.Int(15)});
  }
  return out;
}

std::vector<IdeaCount> IdeaCounts(Connection& c) {
  Statement st = c.Prepare("SELECT category, status, count(*) FROM idea GROUP BY category, status");
  std::vector<IdeaCount> out;
  while (st.Step()) out.push_back({st.Text(0), st.Text(1), st.Int(2)});
  return out;
}

LibraryFreshness CountLibraryFreshness(Connection& c, std::string_view cutoff) {
  // '' sorts first in least(): a library with one never-checked record counts as never checked.
  Statement st = c.Prepare(
      "WITH oldest(d, unknown) AS (SELECT least(coalesce(o.assured_date, ''), "
      "coalesce((SELECT min(coalesce(l.assured_date, '')) FROM location l WHERE l.organization_id = o.id), 'z')), 0 "
      "FROM organization o WHERE o.kind = 'library') "
      "SELECT count(*), count(*) FILTER (WHERE d = ''), count(*) FILTER (WHERE d <> '' AND d < ?1) "
      "FROM oldest");
  st.Bind(1, cutoff);
  st.Step();
  return {st.Int(0), st.Int(1), st.Int(2)};
}

std::optional<InitiativeItem> InitiativeById(Connection& c, std::string_view id, const LocaleChain& chain) {
  Statement st = c.Prepare(ItemSql() + "WHERE i.id = ?4");
  BindChain(st, chain);
  st.Bind(4, id);
  if (!st.Step()) return std::nullopt;
  return ReadItem(st);
}

std::optional<InitiativeItem> InitiativeItemBySlug(Connection& c, std::string_view slug,
                                                   const LocaleChain& chain) {
  Statement st = c.Prepare(ItemSql() + "WHERE i.slug = ?4");
  BindChain(st, chain);
  st.Bind(4, slug);
  if (!st.Step()) return std::nullopt;
  return ReadItem(st);
}

std::optional<InitiativeDetail> InitiativeBySlug(Connection& c, std::string_view slug,
                                                 const LocaleChain& chain) {
  Statement st = c.Prepare(ItemSql() + "WHERE i.slug = ?4");
  BindChain(st, chain);
  st.Bind(4, slug);
  if (!st.Step()) return std::nullopt;
  InitiativeDetail d;
  d.item = ReadItem(st);
  d.description = SplitLocalized(st.TextView(8));
  if (!st.IsNull(9)) d.budget_total_cents = st.Int(9);
  {
    static const std::string sql =
        "SELECT o.slug, o.kind, o.country, io.role, " +
        BestText("organization", "o.id", "name", "o.name", "o.source_locale") +
        " FROM initiative_organization io JOIN organization o ON o.id = io.organization_id "
        "WHERE io.initiative_id = ?4 ORDER BY CASE io.role WHEN 'lead' THEN 0 WHEN 'partner' "
        "THEN 1 ELSE 2 END, o.name";
    Statement m = c.Prepare(sql);
    BindChain(m, chain);
    m.Bind(4, d.item.id);
    while (m.Step()) d.members.push_back({m.Text(0), m.Text(1), m.Text(2), m.Text(3), SplitLocalized(m.TextView(4))});
  }
  {
    auto name = [](std::string_view alias) {
      return "CASE WHEN " + std::string(alias) + ".id IS NULL THEN '' ELSE " +
             BestText("organization", std::string(alias) + ".id", "name", std::string(alias) + ".name",
                      std::string(alias) + ".source_locale") + " END";
    };
    static const std::string sql =
        "SELECT l.slug, " + name("l") + ", " + name("m") + ", " + name("g") +
        " FROM partnership p JOIN organization l ON l.id = p.library_organization_id "
        "LEFT JOIN organization m ON m.id = p.municipality_organization_id "
        "LEFT JOIN organization g ON g.id = p.integration_organization_id "
        "WHERE p.initiative_id = ?4 ORDER BY p.position";
    Statement p = c.Prepare(sql);
    BindChain(p, chain);
    p.Bind(4, d.item.id);
    while (p.Step()) {
      d.partnerships.push_back({p.Text(0), SplitLocalized(p.TextView(1)), SplitLocalized(p.TextView(2)),
                                SplitLocalized(p.TextView(3))});
    }
  }
  {
    static const std::string sql =
        "SELECT g.id, g.status, " + BestText("initiative_goal", "g.id", "text", "g.text", "i.source_locale") +
        " FROM initiative_goal g JOIN initiative i ON i.id = g.initiative_id "
        "WHERE g.initiative_id = ?4 AND g.kind = 'result' ORDER BY g.position";
    Statement r = c.Prepare(sql);
    BindChain(r, chain);
    r.Bind(4, d.item.id);
    while (r.Step()) d.results.push_back({r.Text(0), r.Text(1), SplitLocalized(r.TextView(2))});
  }
  {
    static const std::string sql =
        "SELECT " + BestText("taxonomy_term", "tt.id", "name", "tt.name", "'en'") +
        " FROM initiative_target_group g JOIN taxonomy_term tt ON tt.id = g.taxonomy_term_id "
        "WHERE g.initiative_id = ?4 ORDER BY tt.code";
    Statement t = c.Prepare(sql);
    BindChain(t, chain);
    t.Bind(4, d.item.id);
    while (t.Step()) d.target_groups.push_back(SplitLocalized(t.TextView(0)));
  }
  {
    static const std::string sql =
        "SELECT n.id, n.published_on, " + BestText("initiative_news", "n.id", "title", "n.title", "i.source_locale") +
        ", " + BestText("initiative_news", "n.id", "body", "n.body", "i.source_locale") +
        " FROM initiative_news n JOIN initiative i ON i.id = n.initiative_id "
        "WHERE n.initiative_id = ?4 ORDER BY n.published_on DESC";
    Statement n = c.Prepare(sql);
    BindChain(n, chain);
    n.Bind(4, d.item.id);
    while (n.Step()) d.news.push_back({n.Text(0), n.Text(1), SplitLocalized(n.TextView(2)), SplitLocalized(n.TextView(3))});
  }
  Statement f = c.Prepare(
      "SELECT funder, amount_cents, source_note FROM initiative_funding WHERE initiative_id = ?1 "
      "ORDER BY position");
  f.Bind(1, d.item.id);
  while (f.Step()) {
    d.funding.push_back({f.Text(0), f.Int(1)});
    d.funding_notes.push_back(f.Text(2));
  }
  return d;
}

}  // namespace tilti::store
