#pragma once
// What the initiative page, the back office and the coordinator dashboard show of hackathons
// and ideas (issue 7): one place for the table of hackathons (head counts shown only for groups
// of 5 or more) and the ideas by category with what became of them.
#include <optional>
#include <string>
#include <vector>

#include "store/hackathon_store.h"
#include "store/programme_queries.h"
#include "store/upload_store.h"
#include "web/site.h"

namespace tilti::web {

// {rows: [{date, host, host_href, others: [...], participants}], count, participants} — the
// total line says "5 hackathons, 124 participants".
// With `edit_base` (back office), each row also has edit_href = edit_base + id.
Data HackathonsView(const Site& site, const i18n::LocaleInfo& locale,
                    const std::vector<store::HackathonView>& hackathons, const std::string& edit_base = "");

// [{category, ideas: [{title, idea_description?, status, link_href?, link_text?}]}] in the seed's
// order of categories; categories without ideas are left out.
Data IdeasByCategoryView(const Site& site, const i18n::LocaleInfo& locale,
                         const std::vector<store::IdeaView>& ideas, const std::string& edit_base = "");

// An initiative's gallery: [{src, alt, alt_lang?, width?, height?, caption?, number}] and, with
// `edit_base` (back office), edit_href = edit_base + id and image_id.
Data GalleryView(const Site& site, const i18n::LocaleInfo& locale,
                 const std::vector<store::GalleryImage>& images, const std::string& edit_base = "");

// An organisation's public contact points as {phone, tel_href, email, web_href, web_label} (only
// what is known) for the contact_points partial; nullopt when none is known.
std::optional<Data> ContactPointsView(const store::ContactPoints& contact);

// "/{lang}/manage/initiatives/{slug}": an initiative's back-office page.
std::string InitiativeManagePath(const i18n::LocaleInfo& locale, std::string_view slug);
// The language an initiative's texts are written in ("lv" when there is no such initiative).
std::string InitiativeTextLocale(const Site& site, std::string_view slug);

// "16 September 2025" for "2025-09-16" ("" when not a date).
std::string IsoDateText(const Site& site, const std::string& lang, const std::string& iso);

}  // namespace tilti::web
