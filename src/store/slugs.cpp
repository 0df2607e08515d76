#include "store/slugs.h"

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

}  // namespace tilti::store
