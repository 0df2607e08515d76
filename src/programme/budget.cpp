#include "programme/budget.h"

#include "core/text.h"

namespace tilti::programme {

BudgetShares SharesOf(const std::vector<FundingLine>& lines, std::optional<int64_t> total_cents) {
  BudgetShares s;
  for (const auto& l : lines) s.sum_cents += l.amount_cents;
  const int64_t total = total_cents.value_or(s.sum_cents);
  s.adds_up = s.sum_cents == total;
  for (const auto& l : lines) {
    s.basis_points.push_back(total > 0 ? (l.amount_cents * 10000 + total / 2) / total : 0);
  }
  return s;
}

std::optional<int64_t> ParseEuros(std::string_view typed) {
  // Spaces (also no-break ones) group thousands; the decimal mark is a comma or a point.
  std::string t;
  const std::string trimmed = TrimSpace(typed);
  for (size_t i = 0; i < trimmed.size(); ++i) {
    const unsigned char ch = static_cast<unsigned char>(trimmed[i]);
    if (ch == ' ') continue;
    if (ch == 0xC2 && i + 1 < trimmed.size() && static_cast<unsigned char>(trimmed[i + 1]) == 0xA0) {
      ++i;
      continue;
    }
    t += ch == ',' ? '.' : static_cast<char>(ch);
  }
  if (t.empty()) return std::nullopt;
  int64_t euros = 0, cents = 0;
  size_t i = 0, digits = 0;
  for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i, ++digits) {
    if (digits >= 12) return std::nullopt;
    euros = euros * 10 + (t[i] - '0');
  }
  if (digits == 0) return std::nullopt;
  if (i < t.size()) {
    if (t[i] != '.' || t.size() - i - 1 < 1 || t.size() - i - 1 > 2) return std::nullopt;
    for (size_t j = i + 1; j < t.size(); ++j) {
      if (t[j] < '0' || t[j] > '9') return std::nullopt;
      cents = cents * 10 + (t[j] - '0');
    }
    if (t.size() - i - 1 == 1) cents *= 10;
  }
  return euros * 100 + cents;
}

Status CheckBudget(const std::vector<std::pair<std::string, std::string>>& typed_lines,
                   const std::string& typed_total) {
  std::vector<FieldError> errors;
  int64_t sum = 0;
  bool amounts_ok = true;
  for (size_t i = 0; i < typed_lines.size(); ++i) {
    const std::string prefix = "funding." + std::to_string(i) + ".";
    if (TrimSpace(typed_lines[i].first).empty()) errors.push_back({prefix + "funder", "programme.error.funder_missing"});
    if (auto cents = ParseEuros(typed_lines[i].second)) {
      sum += *cents;
    } else {
      errors.push_back({prefix + "amount", "programme.error.amount"});
      amounts_ok = false;
    }
  }
  auto total = ParseEuros(typed_total);
  if (!total) {
    errors.push_back({"total", "programme.error.total"});
  } else if (amounts_ok && sum != *total) {
    errors.push_back({"total", "programme.error.budget_sum"});
  }
  if (errors.empty()) return Ok();
  return Error{ErrorCode::kInvalidInput, "budget", std::move(errors)};
}

}  // namespace tilti::programme
