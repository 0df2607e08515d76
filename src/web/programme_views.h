#pragma once
// What the initiative page, the back office and the coordinator dashboard show of hackathons
// and ideas (issue 7): one place for the table of hackathons (head counts shown only for groups
// of 5 or more) and the ideas by category with what became of them.
#include <string>
#include <vector>

#include "store/hackathon_store.h"
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

// "16 September 2025" for "2025-09-16" ("" when not a date).
std::string IsoDateText(const Site& site, const std::string& lang, const std::string& iso);

}  // namespace tilti::web
