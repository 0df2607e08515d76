#include "store/hackathon_store.h"

#include "core/ids.h"
#include "core/text.h"
#include "store/localized_sql.h"
#include "store/translation_store.h"

namespace tilti::store {
namespace {

std::string OrgName(std::string_view alias) {
  const std::string a(alias);
  return BestText("organization", a + ".id", "name", a + ".name", a + ".source_locale");
}

const std::string& HackathonSql() {
  static const std::string sql =
      "SELECT h.id, coalesce(h.initiative_id, ''), h.held_on, h.source_note, h.participants, "
      "o.id, o.slug, " + OrgName("o") +
      " FROM hackathon h JOIN organization o ON o.id = h.host_organization_id ";
  return sql;
}

const std::string& OthersSql() {
  static const std::string sql =
      "SELECT o.id, o.slug, " + OrgName("o") +
      " FROM hackathon_library hl JOIN organization o ON o.id = hl.organization_id "
      "WHERE hl.hackathon_id = ?4 AND hl.organization_id <> ?5 ORDER BY o.name";
  return sql;
}

std::vector<HackathonView> ReadHackathons(Connection& c, Statement& st, const LocaleChain& chain) {
  std::vector<HackathonView> out;
  while (st.Step()) {
    HackathonView h;
    h.id = st.Text(0);
    h.initiative_id = st.Text(1);
    h.held_on = st.Text(2);
    h.source_note = st.Text(3);
    h.participants = st.Int(4);
    h.host = {st.Text(5), st.Text(6), SplitLocalized(st.TextView(7))};
    out.push_back(std::move(h));
  }
  Statement others = c.Prepare(OthersSql());
  for (auto& h : out) {
    BindChain(others, chain);
    others.Bind(4, h.id).Bind(5, h.host.id);
    while (others.Step()) h.others.push_back({others.Text(0), others.Text(1), SplitLocalized(others.TextView(2))});
    others.Reset();
  }
  return out;
}

const std::string& IdeaSql() {
  static const std::string sql =
      "SELECT i.id, coalesce(i.initiative_id, ''), coalesce(i.hackathon_id, ''), i.category, i.status, " +
      BestText("idea", "i.id", "title", "i.title", "i.source_locale") + ", " +
      BestText("idea", "i.id", "description", "i.description", "i.source_locale") +
      ", coalesce(i.event_id, ''), coalesce(i.service_id, ''), "
      "CASE WHEN e.id IS NULL THEN '' ELSE " +
      BestText("event", "e.id", "title", "e.title", "e.source_locale") + " END, "
      "CASE WHEN s.id IS NULL THEN '' ELSE " +
      BestText("service", "s.id", "name", "s.name", "s.source_locale") + " END, i.position "
      "FROM idea i LEFT JOIN event e ON e.id = i.event_id LEFT JOIN service s ON s.id = i.service_id ";
  return sql;
}

IdeaView ReadIdea(const Statement& st) {
  IdeaView v;
  v.id = st.Text(0);
  v.initiative_id = st.Text(1);
  v.hackathon_id = st.Text(2);
  v.category = st.Text(3);
  v.status = st.Text(4);
  v.title = SplitLocalized(st.TextView(5));
  v.description = SplitLocalized(st.TextView(6));
  v.event_id = st.Text(7);
  v.service_id = st.Text(8);
  v.event_title = SplitLocalized(st.TextView(9));
  v.service_name = SplitLocalized(st.TextView(10));
  v.position = static_cast<int>(st.Int(11));
  return v;
}

bool IsLibrary(Connection& c, std::string_view id) {
  Statement st = c.Prepare("SELECT 1 FROM organization WHERE id = ?1 AND kind = 'library'");
  st.Bind(1, id);
  return st.Step();
}

bool Exists(Connection& c, const char* sql, std::string_view id) {
  Statement st = c.Prepare(sql);
  st.Bind(1, id);
  return st.Step();
}

std::vector<LinkChoice> Choices(Connection& c, const std::string& sql, std::string_view initiative_id,
                                const LocaleChain& chain) {
  Statement st = c.Prepare(sql);
  BindChain(st, chain);
  st.Bind(4, initiative_id);
  std::vector<LinkChoice> out;
  while (st.Step()) out.push_back({st.Text(0), SplitLocalized(st.TextView(1)), SplitLocalized(st.TextView(2))});
  return out;
}

}  // namespace

std::vector<HackathonView> HackathonsOfInitiative(Connection& c, std::string_view initiative_id,
                                                  const LocaleChain& chain) {
  Statement st = c.Prepare(HackathonSql() + "WHERE h.initiative_id = ?4 ORDER BY h.held_on, o.name");
  BindChain(st, chain);
  st.Bind(4, initiative_id);
  return ReadHackathons(c, st, chain);
}

std::vector<HackathonView> AllHackathons(Connection& c, const LocaleChain& chain) {
  Statement st = c.Prepare(HackathonSql() + "ORDER BY h.held_on, o.name");
  BindChain(st, chain);
  return ReadHackathons(c, st, chain);
}

std::optional<HackathonView> LoadHackathon(Connection& c, std::string_view id, const LocaleChain& chain) {
  Statement st = c.Prepare(HackathonSql() + "WHERE h.id = ?4");
  BindChain(st, chain);
  st.Bind(4, id);
  auto all = ReadHackathons(c, st, chain);
  if (all.empty()) return std::nullopt;
  return std::move(all.front());
}

std::vector<IdeaView> IdeasOfInitiative(Connection& c, std::string_view initiative_id,
                                        const LocaleChain& chain) {
  Statement st = c.Prepare(IdeaSql() +
                           "WHERE i.initiative_id = ?4 OR i.hackathon_id IN "
                           "(SELECT id FROM hackathon WHERE initiative_id = ?4) "
                           "ORDER BY CASE i.category WHEN 'language-culture' THEN 0 WHEN 'digital-skills' THEN 1 "
                           "WHEN 'information-access' THEN 2 ELSE 3 END, i.position, i.title");
  BindChain(st, chain);
  st.Bind(4, initiative_id);
  std::vector<IdeaView> out;
  while (st.Step()) out.push_back(ReadIdea(st));
  return out;
}

std::optional<IdeaView> LoadIdea(Connection& c, std::string_view id, const LocaleChain& chain) {
  Statement st = c.Prepare(IdeaSql() + "WHERE i.id = ?4");
  BindChain(st, chain);
  st.Bind(4, id);
  if (!st.Step()) return std::nullopt;
  return ReadIdea(st);
}

std::optional<IdeaSource> LoadIdeaSource(Connection& c, std::string_view id) {
  Statement st = c.Prepare(
      "SELECT coalesce(initiative_id, ''), coalesce(hackathon_id, ''), category, status, title, "
      "description, coalesce(event_id, ''), coalesce(service_id, ''), source_locale FROM idea WHERE id = ?1");
  st.Bind(1, id);
  if (!st.Step()) return std::nullopt;
  return IdeaSource{st.Text(0), st.Text(1), st.Text(2), st.Text(3), st.Text(4),
                    st.Text(5), st.Text(6), st.Text(7), st.Text(8)};
}

Result<std::string> SaveHackathon(Connection& c, std::string_view id, std::string_view initiative_id,
                                  const programme::HackathonValues& v, std::string_view now) {
  std::vector<FieldError> errors;
  if (!IsLibrary(c, v.host_id)) errors.push_back({"host", "programme.error.unknown_library"});
  for (size_t i = 1; i < v.library_ids.size(); ++i) {
    if (!IsLibrary(c, v.library_ids[i])) {
      errors.push_back({"libraries", "programme.error.unknown_library"});
      break;
    }
  }
  if (!errors.empty()) return Error{ErrorCode::kInvalidInput, "hackathon libraries", std::move(errors)};
  const std::string hid = id.empty() ? RandomUuid() : std::string(id);
  Statement st = c.Prepare(
      "INSERT INTO hackathon (id, initiative_id, held_on, host_organization_id, participants, last_modified) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO UPDATE SET held_on = excluded.held_on, "
      "host_organization_id = excluded.host_organization_id, participants = excluded.participants, "
      "last_modified = excluded.last_modified");
  st.Bind(1, hid).Bind(2, initiative_id).Bind(3, v.held_on).Bind(4, v.host_id).Bind(5, v.participants);
  st.Bind(6, now).Run();
  Statement clear = c.Prepare("DELETE FROM hackathon_library WHERE hackathon_id = ?1");
  clear.Bind(1, hid).Run();
  Statement add = c.Prepare("INSERT INTO hackathon_library (hackathon_id, organization_id) VALUES (?1, ?2) "
      "ON CONFLICT DO NOTHING");
  for (const auto& org : v.library_ids) {
    add.Bind(1, hid).Bind(2, org).Run();
    add.Reset();
  }
  return hid;
}

Result<std::string> SaveIdea(Connection& c, std::string_view id, std::string_view initiative_id,
                             std::string_view hackathon_id, const programme::IdeaForm& form,
                             std::string_view source_locale, std::string_view now) {
  std::vector<FieldError> errors;
  if (!hackathon_id.empty()) {
    Statement h = c.Prepare("SELECT 1 FROM hackathon WHERE id = ?1 AND initiative_id = ?2");
    h.Bind(1, hackathon_id).Bind(2, initiative_id);
    if (!h.Step()) errors.push_back({"hackathon", "programme.error.unknown_hackathon"});
  }
  if (!form.event_id.empty() && !Exists(c, "SELECT 1 FROM event WHERE id = ?1", form.event_id)) {
    errors.push_back({"event", "programme.error.unknown_link"});
  }
  if (!form.service_id.empty() && !Exists(c, "SELECT 1 FROM service WHERE id = ?1", form.service_id)) {
    errors.push_back({"service", "programme.error.unknown_link"});
  }
  if (!errors.empty()) return Error{ErrorCode::kInvalidInput, "idea links", std::move(errors)};
  const std::string iid = id.empty() ? RandomUuid() : std::string(id);
  auto opt = [](const std::string& s) { return s.empty() ? std::nullopt : std::optional<std::string>(s); };
  Statement st = c.Prepare(
      "INSERT INTO idea (id, initiative_id, hackathon_id, position, category, title, description, status, "
      "event_id, service_id, source_locale, last_modified) "
      "VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM idea WHERE initiative_id = ?2), "
      "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
      "ON CONFLICT (id) DO UPDATE SET hackathon_id = excluded.hackathon_id, category = excluded.category, "
      "title = excluded.title, description = excluded.description, status = excluded.status, "
      "event_id = excluded.event_id, service_id = excluded.service_id, last_modified = excluded.last_modified");
  const std::string title = TrimSpace(form.title), description = TrimSpace(form.description);
  st.Bind(1, iid).Bind(2, initiative_id).Bind(3, opt(std::string(hackathon_id))).Bind(4, form.category);
  st.Bind(5, title).Bind(6, description).Bind(7, form.status).Bind(8, opt(form.event_id));
  st.Bind(9, opt(form.service_id)).Bind(10, source_locale).Bind(11, now).Run();
  WriteOriginal(c, "idea", iid, "title", source_locale, title, now);
  WriteOriginal(c, "idea", iid, "description", source_locale, description, now);
  return iid;
}

std::vector<LinkChoice> EventChoices(Connection& c, std::string_view initiative_id, const LocaleChain& chain) {
  static const std::string sql =
      "SELECT e.id, " + BestText("event", "e.id", "title", "e.title", "e.source_locale") + ", " + OrgName("o") +
      " FROM event e JOIN organization o ON o.id = e.organization_id "
      "WHERE e.organization_id IN (SELECT organization_id FROM initiative_organization WHERE initiative_id = ?4) "
      "ORDER BY o.name, e.title";
  return Choices(c, sql, initiative_id, chain);
}

std::vector<LinkChoice> ServiceChoices(Connection& c, std::string_view initiative_id, const LocaleChain& chain) {
  static const std::string sql =
      "SELECT s.id, " + BestText("service", "s.id", "name", "s.name", "s.source_locale") + ", " + OrgName("o") +
      " FROM service s JOIN organization o ON o.id = s.organization_id "
      "WHERE s.organization_id IN (SELECT organization_id FROM initiative_organization WHERE initiative_id = ?4) "
      "ORDER BY o.name, s.name";
  return Choices(c, sql, initiative_id, chain);
}

std::vector<NamedOrganization> AllLibraries(Connection& c, const LocaleChain& chain) {
  static const std::string sql =
      "SELECT o.id, o.slug, " + OrgName("o") + " FROM organization o WHERE o.kind = 'library' ORDER BY o.name";
  Statement st = c.Prepare(sql);
  BindChain(st, chain);
  std::vector<NamedOrganization> out;
  while (st.Step()) out.push_back({st.Text(0), st.Text(1), SplitLocalized(st.TextView(2))});
  return out;
}

}  // namespace tilti::store
