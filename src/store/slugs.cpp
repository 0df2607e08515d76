#include "store/slugs.h"

#include "directory/folding.h"

namespace tilti::store {
namespace {

bool Taken(Connection& c, const std::string& slug) {
  Statement& st = c.Cached(
      "SELECT 1 FROM organization WHERE slug = ?1 UNION ALL "
      "SELECT 1 FROM location WHERE slug = ?1 LIMIT 1");
  st.Bind(1, slug);
  bool found = st.Step();
  st.Reset();
  return found;
}

}  // namespace

std::string UniqueSlug(Connection& c, std::string folded) {
  for (char& ch : folded) {
    if (ch == ' ') ch = '-';
  }
  if (folded.size() > 80) folded.resize(80);
  while (!folded.empty() && folded.back() == '-') folded.pop_back();
  if (folded.empty()) folded = "library";
  std::string slug = folded;
  for (int n = 2; Taken(c, slug); ++n) slug = folded + "-" + std::to_string(n);
  return slug;
}

std::string FreeSlugIn(Connection& c, std::string_view table, std::string_view text,
                       std::string_view fallback) {
  std::string base;
  for (char ch : directory::Fold(text)) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) base += ch;
    else if (!base.empty() && base.back() != '-') base += '-';
    if (base.size() >= 80) break;
  }
  while (!base.empty() && base.back() == '-') base.pop_back();
  if (base.empty()) base = fallback;
  Statement taken = c.Prepare("SELECT 1 FROM " + std::string(table) + " WHERE slug = ?1");
  for (int n = 1;; ++n) {
    const std::string slug = n == 1 ? base : base + "-" + std::to_string(n);
    taken.Bind(1, slug);
    const bool used = taken.Step() || slug == "new";
    taken.Reset();
    if (!used) return slug;
  }
}

}  // namespace tilti::store
