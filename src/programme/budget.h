#pragma once
// An initiative's budget by funding source (issue 7): the shares of each source, whether the
// sources add up to the total, and the check a budget form must pass. Amounts are euro cents;
// shares are hundredths of a percent (basis points), rounded half up. Pure: no I/O.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace tilti::programme {

struct FundingLine {
  std::string funder;
  int64_t amount_cents = 0;
};

struct BudgetShares {
  std::vector<int64_t> basis_points;  // each line's share of the total (10000 = 100 %)
  int64_t sum_cents = 0;              // the lines together
  bool adds_up = false;               // the lines make exactly the total
};

// The shares of `lines` in `total_cents` (the lines' sum when there is no total).
BudgetShares SharesOf(const std::vector<FundingLine>& lines, std::optional<int64_t> total_cents);

// A budget as a form gives it: field errors (kInvalidInput) carry keys
//   "funding.N.funder"  programme.error.funder_missing
//   "funding.N.amount"  programme.error.amount (not euros like 1234.56, or negative)
//   "total"             programme.error.total (not euros), programme.error.budget_sum (the
//                       sources do not add up to the total, to the cent)
Status CheckBudget(const std::vector<std::pair<std::string, std::string>>& typed_lines,
                   const std::string& typed_total);

// "12 456,23" / "12456.23" / "12456,23" to cents; nullopt for anything else.
std::optional<int64_t> ParseEuros(std::string_view typed);

}  // namespace tilti::programme
