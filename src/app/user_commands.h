#pragma once
// `tilti user add|list|disable|enable|reset-password`: back-office accounts from the command line.
// Passwords are generated and printed once, or read from standard input (--password-stdin);
// never taken as a flag, and no hash or token is ever printed.
#include <iostream>

#include "accounts/password.h"
#include "app/config.h"
#include "core/clock.h"
#include "store/database.h"

namespace tilti::app {

// Opens (for `add`, creates) and migrates config.db, then runs RunUserCommand with the real
// clock, a hasher at full cost and the process's standard streams.
int RunUser(const Config& config);

// Runs config.user_action on `db`. Prints what was done to `out` (and, for add and
// reset-password without --password-stdin, the generated password, once) and problems, one
// line each, to `err`. Returns 0 on success; 2 for an unusable --email or --name; 1 for an
// unknown e-mail address, a taken one, an unknown library or organisation slug, a password
// refused by the policy, or a busy hasher.
int RunUserCommand(store::Database& db, const Config& config, accounts::PasswordHasher& hasher,
                   const Clock& clock, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace tilti::app
