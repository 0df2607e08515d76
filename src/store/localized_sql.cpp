#include "store/localized_sql.h"

#include <algorithm>

namespace tilti::store {

std::string BestText(std::string_view entity, std::string_view id_expr, std::string_view field,
                     std::string_view source_text_expr, std::string_view source_locale_expr) {
  std::string s = "coalesce((SELECT t.value || '\x1f' || t.locale FROM translation t WHERE ";
  s += "t.entity = '" + std::string(entity) + "' AND t.entity_id = " + std::string(id_expr);
  s += " AND t.field = '" + std::string(field) + "' AND t.locale IN (?1, ?2, ?3)";
  s += " ORDER BY CASE t.locale WHEN ?1 THEN 0 WHEN ?2 THEN 1 ELSE 2 END LIMIT 1), ";
  s += std::string(source_text_expr) + " || '\x1f' || " + std::string(source_locale_expr) + ")";
  return s;
}

std::string BestPlaceName(std::string_view place_expr) {
  std::string p(place_expr);
  return "coalesce((SELECT pn.name || '\x1f' || pn.locale FROM place_name pn WHERE "
         "pn.place_id = " +
         p +
         ".id AND pn.locale IN (?1, ?2, ?3) ORDER BY CASE pn.locale "
         "WHEN ?1 THEN 0 WHEN ?2 THEN 1 ELSE 2 END LIMIT 1), " +
         p + ".name || '\x1f' || 'lv')";
}

LocalizedText SplitLocalized(std::string_view v) {
  auto pos = v.rfind('\x1f');
  if (pos == std::string_view::npos) return {std::string(v), ""};
  return {std::string(v.substr(0, pos)), std::string(v.substr(pos + 1))};
}

void BindChain(Statement& st, const LocaleChain& chain) {
  for (int i = 0; i < 3; ++i) {
    st.Bind(i + 1, chain.empty() ? std::string_view("lv")
                                 : std::string_view(chain[std::min<size_t>(i, chain.size() - 1)]));
  }
}

}  // namespace tilti::store
