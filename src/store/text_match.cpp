#include "store/text_match.h"

namespace tilti::store {

std::string QuoteFtsWord(std::string_view word) {
  std::string out = "\"";
  for (char ch : word) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

std::string QuoteTsWord(std::string_view word) {
  std::string out = "'";
  for (char ch : word) {
    if (ch == '\'' || ch == '\\') out += ch == '\'' ? '\'' : '\\';
    out += ch;
  }
  return out + "'";
}

std::string MatchQuery(Dialect d, const std::vector<std::vector<MatchWord>>& clauses) {
  const bool pg = d == Dialect::kPostgres;
  std::string out;
  for (const auto& clause : clauses) {
    if (clause.empty()) continue;
    if (!out.empty()) out += pg ? " & " : " AND ";
    if (clause.size() > 1) out += '(';
    for (size_t i = 0; i < clause.size(); ++i) {
      if (i > 0) out += pg ? " | " : " OR ";
      out += pg ? QuoteTsWord(clause[i].word) : QuoteFtsWord(clause[i].word);
      if (clause[i].prefix) out += pg ? ":*" : "*";
    }
    if (clause.size() > 1) out += ')';
  }
  return out;
}

std::string MatchCondition(Dialect d, std::string_view table, std::string_view param) {
  std::string out(table);
  if (d == Dialect::kPostgres) return out + ".document @@ CAST(" + std::string(param) + " AS tsquery)";
  return out + " MATCH " + std::string(param);
}

void OptimizeTextIndex(Connection& c, std::string_view table) {
  if (c.IsPostgres()) return;
  const std::string name(table);
  c.Exec("INSERT INTO " + name + " (" + name + ") VALUES ('optimize')");
}

}  // namespace tilti::store
