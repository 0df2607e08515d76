#include "accounts/account_rules.h"

#include <array>

namespace tilti::accounts {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 3> kRoles = {
    {{Role::kCoordinator, "coordinator"},
     {Role::kLibrarian, "librarian"},
     {Role::kPartner, "partner"}}};

bool IsSpace(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }
bool IsControl(unsigned char ch) { return ch < 0x20 || ch == 0x7f; }

}  // namespace

std::string_view RoleName(Role role) {
  for (const auto& [r, name] : kRoles) {
    if (r == role) return name;
  }
  return "";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (const auto& [r, n] : kRoles) {
    if (n == name) return r;
  }
  return std::nullopt;
}

std::string NormalizeEmail(std::string_view email) {
  while (!email.empty() && IsSpace(email.front())) email.remove_prefix(1);
  while (!email.empty() && IsSpace(email.back())) email.remove_suffix(1);
  std::string out(email);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

std::vector<FieldError> CheckEmail(std::string_view email) {
  if (email.empty()) return {{"email", "account.email.missing"}};
  std::vector<FieldError> invalid = {{"email", "account.email.invalid"}};
  if (email.size() > 254) return invalid;
  for (unsigned char ch : email) {
    if (IsControl(ch) || ch == ' ') return invalid;
  }
  // One @, something before it, and a domain with a dot that neither starts nor ends it.
  auto at = email.find('@');
  if (at == 0 || at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) {
    return invalid;
  }
  std::string_view domain = email.substr(at + 1);
  auto dot = domain.rfind('.');
  if (domain.empty() || dot == std::string_view::npos || dot == 0 || dot + 1 == domain.size() ||
      domain.front() == '.' || domain.find("..") != std::string_view::npos) {
    return invalid;
  }
  return {};
}

std::vector<FieldError> CheckDisplayName(std::string_view name) {
  bool blank = true;
  for (char ch : name) blank = blank && IsSpace(ch);
  if (blank) return {{"name", "account.name.missing"}};
  size_t code_points = 0;
  for (unsigned char ch : name) {
    if (IsControl(ch)) return {{"name", "account.name.invalid"}};
    if ((ch & 0xC0) != 0x80) ++code_points;
  }
  if (code_points > 200) return {{"name", "account.name.too_long"}};
  return {};
}

}  // namespace tilti::accounts
