#pragma once
// Passwords of back-office accounts: the policy a new password must meet, argon2id hashing
// (libsodium's crypto_pwhash_str) behind a cap on concurrent hashing, and strong random
// passwords for the command line to hand out.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace tilti::accounts {

inline constexpr size_t kMinPasswordCodePoints = 12;
inline constexpr size_t kMaxPasswordBytes = 1024;

// Field errors (field "password") of a new password; empty when it is acceptable. Keys:
// "password.too_short" (fewer than 12 characters, counted as Unicode code points),
// "password.too_long" (more than 1,024 bytes), "password.invalid" (not UTF-8 or holding
// control characters other than tab), "password.repetitive" (one character repeated),
// "password.is_email" (the account's e-mail address, compared case-insensitively).
std::vector<FieldError> CheckPasswordPolicy(std::string_view password, std::string_view email);

// A strong random password to pass on to a new user: 20 URL-safe base64 characters
// (120 bits from the operating system's randomness), always meeting the policy.
std::string GeneratePassword();

// The argon2id cost. Interactive() is libsodium's OPSLIMIT/MEMLIMIT_INTERACTIVE (2 passes,
// 64 MiB), above OWASP's minimum; ForTests() is the cheapest cost libsodium allows, so tests
// run fast. NeedsRehash() compares a stored hash with the cost in use.
struct HashCost {
  uint64_t ops = 2;
  size_t memory_bytes = size_t{64} << 20;
  static HashCost Interactive() { return {}; }
  static HashCost ForTests() { return {1, 8192}; }
};

// A counting gate: at most `slots` holders at once. Thread-safe.
class HashingGate {
 public:
  HashingGate(int slots, std::chrono::milliseconds max_wait);
  HashingGate(const HashingGate&) = delete;
  HashingGate& operator=(const HashingGate&) = delete;

  // A held slot, given back when destroyed.
  class Permit {
   public:
    explicit Permit(HashingGate* gate) : gate_(gate) {}
    Permit(Permit&& o) noexcept : gate_(std::exchange(o.gate_, nullptr)) {}
    Permit& operator=(Permit&&) = delete;
    ~Permit();

   private:
    HashingGate* gate_;
  };

  // Takes a slot, waiting at most max_wait for one to free up; nullopt if none did.
  std::optional<Permit> Enter();
  int free_slots();

 private:
  void Leave();

  const std::chrono::milliseconds max_wait_;
  std::mutex mu_;
  std::condition_variable freed_;
  int free_;  // guarded by mu_
};

struct PasswordHasherOptions {
  HashCost cost = HashCost::Interactive();
  // Argon2id takes its memory for each hash: 2 × 64 MiB at most, and a flood of logins
  // queues here (briefly) instead of taking every worker thread and the machine's memory.
  int max_concurrent = 2;
  std::chrono::milliseconds max_wait{2000};
};

// Hashes and verifies passwords. Thread-safe; one per process (App owns it).
class PasswordHasher {
 public:
  // Initialises libsodium (throws std::runtime_error if it cannot).
  explicit PasswordHasher(PasswordHasherOptions options = {});

  // The argon2id hash string ("$argon2id$v=19$m=...") of `password`, with a fresh salt.
  // Errors: kUnavailable when every hashing slot stayed busy for max_wait ("busy"), or when
  // the memory for the hash could not be had.
  Result<std::string> Hash(std::string_view password);

  // Whether `password` matches `stored_hash`. A malformed hash or a password longer than
  // kMaxPasswordBytes does not match. Errors: kUnavailable when busy, as for Hash.
  Result<bool> Verify(std::string_view stored_hash, std::string_view password);

  // True when `stored_hash` was made with another cost or algorithm (or is malformed): hash
  // the password again after a successful Verify. Cheap; does not take a slot.
  bool NeedsRehash(std::string_view stored_hash) const;

  // The gate every Hash and Verify goes through (tests hold it to saturate the hasher).
  HashingGate& gate() { return gate_; }

 private:
  PasswordHasherOptions options_;
  HashingGate gate_;
};

}  // namespace tilti::accounts
