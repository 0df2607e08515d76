#pragma once
// Shared by the store's query files: picking the best translation of a text for a reader's
// locale chain inside SQL. The chain is always bound at parameters ?1, ?2 and ?3.
#include <string>
#include <string_view>

#include "core/localized_text.h"
#include "store/sql.h"

namespace tilti::store {

// An SQL expression giving "value<US>locale" for the best translation of entity.field of the
// row whose id is `id_expr`, for the chain bound at ?1..?3, else the row's own source text.
// Every argument must be a constant of the calling code, never input (it becomes SQL text).
std::string BestText(std::string_view entity, std::string_view id_expr, std::string_view field,
                     std::string_view source_text_expr, std::string_view source_locale_expr);

// The same for a gazetteer place's name (place_name), Latvian when there is no other;
// `place_expr` is the alias of the place table in the query.
std::string BestPlaceName(std::string_view place_expr);

// Splits a "value<US>locale" column into text and locale.
LocalizedText SplitLocalized(std::string_view v);

// Binds the chain at ?1..?3, repeating the last locale when the chain is shorter ("lv" when
// it is empty).
void BindChain(Statement& st, const LocaleChain& chain);

}  // namespace tilti::store
