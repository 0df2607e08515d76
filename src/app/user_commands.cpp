#include "app/user_commands.h"

#include <filesystem>
#include <iterator>
#include <map>

#include "accounts/account_rules.h"
#include "core/ids.h"
#include "store/account_store.h"
#include "store/migrations.h"

namespace tilti::app {
namespace {

// The CLI's words for the field errors of accounts/ (the web layer has its catalogues).
std::string Describe(const FieldError& e) {
  static const std::map<std::string, std::string> kText = {
      {"account.email.missing", "an e-mail address is needed"},
      {"account.email.invalid", "not an e-mail address (expected name@example.org)"},
      {"account.email.taken", "an account with this e-mail address exists"},
      {"account.name.missing", "a name is needed"},
      {"account.name.too_long", "the name is longer than 200 characters"},
      {"account.name.invalid", "the name holds control characters"},
      {"password.too_short", "the password needs at least 12 characters"},
      {"password.too_long", "the password is longer than 1024 bytes"},
      {"password.invalid", "the password is not UTF-8 text or holds control characters"},
      {"password.repetitive", "the password repeats one character"},
      {"password.is_email", "the password is the e-mail address"},
  };
  auto it = kText.find(e.message_key);
  return it != kText.end() ? it->second : e.message_key;
}

int Report(std::ostream& err, const std::vector<FieldError>& errors, int code) {
  for (const auto& e : errors) err << "tilti: --" << e.field << ": " << Describe(e) << "\n";
  return code;
}

int Fail(std::ostream& err, const std::string& message) {
  err << "tilti: " << message << "\n";
  return 1;
}

// The new password: from standard input (one trailing line break dropped) or generated.
// Returns nullopt after reporting on `err` if the given one is refused.
std::optional<std::string> NewPassword(const Config& config, const std::string& email,
                                       std::istream& in, std::ostream& err) {
  if (!config.password_stdin) return accounts::GeneratePassword();
  std::string password((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (password.ends_with("\n")) password.pop_back();
  if (password.ends_with("\r")) password.pop_back();
  if (password.empty()) {
    Fail(err, "--password-stdin: no password on standard input");
    return std::nullopt;
  }
  if (auto errors = accounts::CheckPasswordPolicy(password, email); !errors.empty()) {
    Report(err, errors, 1);
    return std::nullopt;
  }
  return password;
}

void PrintPassword(const Config& config, const std::string& email, const std::string& password,
                   std::ostream& out) {
  if (config.password_stdin) return;
  out << "password for " << email << " (shown only now; pass it on safely): " << password
      << "\n";
}

std::string MembershipList(const store::AccountRow& a) {
  std::string list;
  for (const auto& m : a.memberships) list += (list.empty() ? "" : ",") + m.slug;
  return list.empty() ? "-" : list;
}

int Add(store::Database& db, const Config& config, accounts::PasswordHasher& hasher,
        const Clock& clock, std::istream& in, std::ostream& out, std::ostream& err) {
  std::string email = accounts::NormalizeEmail(config.email);
  if (auto errors = accounts::CheckEmail(email); !errors.empty()) return Report(err, errors, 2);
  if (auto errors = accounts::CheckDisplayName(config.name); !errors.empty()) {
    return Report(err, errors, 2);
  }
  // Everything that can be checked before the (slow) hashing is checked first.
  std::vector<std::string> organization_ids;
  {
    auto lease = db.Read();
    if (store::FindAccountByEmail(*lease, email)) {
      return Fail(err, "--email: an account with the e-mail address " + email + " exists");
    }
    for (const auto& slug : config.libraries) {
      auto org = store::OrganizationBySlug(*lease, slug);
      if (!org || org->kind != "library") return Fail(err, "--library: no library \"" + slug + "\"");
      organization_ids.push_back(org->id);
    }
    for (const auto& slug : config.organizations) {
      auto org = store::OrganizationBySlug(*lease, slug);
      if (!org) return Fail(err, "--organization: no organisation \"" + slug + "\"");
      organization_ids.push_back(org->id);
    }
  }
  auto password = NewPassword(config, email, in, err);
  if (!password) return 1;
  auto hash = hasher.Hash(*password);
  if (!hash.ok()) return Fail(err, "cannot hash the password now: " + hash.error().detail);

  store::NewAccount account{RandomUuid(), email, config.name, config.role, hash.value()};
  Status written = db.Write([&](store::Connection& c) -> Status {
    if (auto s = store::InsertAccount(c, account, clock.Now()); !s.ok()) return s;
    for (const auto& id : organization_ids) {
      if (auto s = store::AddMembership(c, account.id, id); !s.ok()) {
        throw std::runtime_error("membership refused: " + s.error().detail);
      }
    }
    return Ok();
  });
  if (!written.ok()) {
    if (written.error().code == ErrorCode::kConflict) {
      return Fail(err, "--email: an account with the e-mail address " + email + " exists");
    }
    return Fail(err, written.error().detail);
  }
  std::string members;
  for (const auto& slug : config.libraries) members += " " + slug;
  for (const auto& slug : config.organizations) members += " " + slug;
  out << "added " << config.role << " " << email << " (" << config.name << ")"
      << (members.empty() ? "" : ", member of:" + members) << "\n";
  PrintPassword(config, email, *password, out);
  return 0;
}

int List(store::Database& db, std::ostream& out) {
  std::vector<store::AccountRow> accounts;
  {
    auto lease = db.Read();
    accounts = store::ListAccounts(*lease);
  }
  if (accounts.empty()) {
    out << "no accounts (add one with: tilti user add --email E --name N --role R)\n";
    return 0;
  }
  size_t email_width = 5, role_width = 4;
  for (const auto& a : accounts) {
    email_width = std::max(email_width, a.email.size());
    role_width = std::max(role_width, a.role.size());
  }
  auto pad = [](const std::string& s, size_t width) {
    return s + std::string(width > s.size() ? width - s.size() : 0, ' ');
  };
  out << pad("EMAIL", email_width) << "  " << pad("ROLE", role_width)
      << "  STATUS    CREATED               MEMBER OF  NAME\n";
  for (const auto& a : accounts) {
    out << pad(a.email, email_width) << "  " << pad(a.role, role_width) << "  "
        << pad(a.disabled ? "disabled" : "active", 8) << "  " << pad(a.created_at, 20) << "  "
        << pad(MembershipList(a), 9) << "  " << a.display_name << "\n";
  }
  return 0;
}

std::optional<store::AccountRow> Existing(store::Database& db, const std::string& email,
                                          std::ostream& err) {
  auto lease = db.Read();
  auto account = store::FindAccountByEmail(*lease, email);
  if (!account) Fail(err, "--email: no account with the e-mail address " + email);
  return account;
}

int Disable(store::Database& db, const Config& config, const Clock& clock, std::ostream& out,
            std::ostream& err) {
  std::string email = accounts::NormalizeEmail(config.email);
  auto account = Existing(db, email, err);
  if (!account) return 1;
  if (account->disabled) {
    out << email << " is already disabled\n";
    return 0;
  }
  db.Write([&](store::Connection& c) {
    store::SetAccountDisabled(c, account->id, true, clock.Now());
  });
  out << "disabled " << email << ": it can no longer log in, and its sessions have ended\n";
  return 0;
}

int Enable(store::Database& db, const Config& config, const Clock& clock, std::ostream& out,
           std::ostream& err) {
  std::string email = accounts::NormalizeEmail(config.email);
  auto account = Existing(db, email, err);
  if (!account) return 1;
  if (!account->disabled) {
    out << email << " is already enabled\n";
    return 0;
  }
  db.Write([&](store::Connection& c) {
    store::SetAccountDisabled(c, account->id, false, clock.Now());
  });
  out << "enabled " << email << ": it can log in again with its password\n";
  return 0;
}

int ResetPassword(store::Database& db, const Config& config, accounts::PasswordHasher& hasher,
                  const Clock& clock, std::istream& in, std::ostream& out, std::ostream& err) {
  std::string email = accounts::NormalizeEmail(config.email);
  auto account = Existing(db, email, err);
  if (!account) return 1;
  auto password = NewPassword(config, email, in, err);
  if (!password) return 1;
  auto hash = hasher.Hash(*password);
  if (!hash.ok()) return Fail(err, "cannot hash the password now: " + hash.error().detail);
  bool done = db.Write([&](store::Connection& c) {
    return store::SetPasswordHash(c, account->id, hash.value(), clock.Now());
  });
  if (!done) return Fail(err, "--email: no account with the e-mail address " + email);
  out << "new password set for " << email << "; its sessions have ended"
      << (account->disabled ? " (the account stays disabled)" : "") << "\n";
  PrintPassword(config, email, *password, out);
  return 0;
}

}  // namespace

int RunUserCommand(store::Database& db, const Config& config, accounts::PasswordHasher& hasher,
                   const Clock& clock, std::istream& in, std::ostream& out, std::ostream& err) {
  try {
    if (config.user_action == "add") return Add(db, config, hasher, clock, in, out, err);
    if (config.user_action == "list") return List(db, out);
    if (config.user_action == "disable") return Disable(db, config, clock, out, err);
    if (config.user_action == "enable") return Enable(db, config, clock, out, err);
    if (config.user_action == "reset-password") {
      return ResetPassword(db, config, hasher, clock, in, out, err);
    }
  } catch (const std::exception& e) {
    return Fail(err, store::DatabaseName(config.db) + ": " + e.what());
  }
  err << "tilti: user: unknown action \"" << config.user_action << "\"\n";
  return 2;
}

int RunUser(const Config& config) {
  bool create = config.user_action == "add";
  if (!create && !store::DatabaseExists(config.db)) {
    return Fail(std::cerr, config.db + ": no such database");
  }
  if (create) store::PrepareDatabaseFolder(config.db);
  store::DatabaseOptions options;
  options.path = config.db;
  options.create_if_missing = create;
  options.read_connections = 1;
  auto db = store::Database::Open(options);
  if (!db.ok()) return Fail(std::cerr, db.error().detail);
  auto applied = db.value()->Migrate(store::BuiltinMigrations(db.value()->IsPostgres()));
  if (!applied.ok()) return Fail(std::cerr, applied.error().detail);
  SystemClock clock;
  accounts::PasswordHasher hasher;
  return RunUserCommand(*db.value(), config, hasher, clock, std::cin, std::cout, std::cerr);
}

}  // namespace tilti::app
