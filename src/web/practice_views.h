#pragma once
// Good practices as page data, shared by the public pages (web/practice_pages.cpp) and the back
// office (web/practice_edit_pages.cpp), so a coordinator reviews exactly what readers will see.
#include <string>
#include <string_view>

#include "store/practice_store.h"
#include "web/site.h"

namespace tilti::web {

// `text` cut to at most `chars` characters (never inside a UTF-8 character), with "…" when
// something was cut.
std::string CutToChars(std::string_view text, size_t chars);

// A short plain excerpt (240 characters) of a Markdown text, without its marks, link
// addresses and repeated spaces.
std::string PracticeExcerpt(std::string_view markdown);

// The list's item: href, practice_title, library, country, category, excerpt, the first image
// (thumb_*), target groups, sample and publication date.
Data PracticeSummaryView(const Site& site, const i18n::LocaleInfo& locale, const store::PracticeView& p);

// Everything of one practice: its sections (Markdown rendered safely, each with its language),
// facts, images (as web/programme_views.h's GalleryView), events and services.
Data PracticeDetailView(const Site& site, const i18n::LocaleInfo& locale, const store::PracticeView& p);

std::string PracticeHref(const i18n::LocaleInfo& locale, std::string_view slug);

}  // namespace tilti::web
