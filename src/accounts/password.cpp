#include "accounts/password.h"

#include <sodium.h>

#include <stdexcept>

#include "accounts/account_rules.h"

namespace tilti::accounts {
namespace {

static_assert(crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE == 2);
static_assert(crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE == size_t{64} << 20);
static_assert(crypto_pwhash_argon2id_OPSLIMIT_MIN == 1);
static_assert(crypto_pwhash_argon2id_MEMLIMIT_MIN == 8192);

// The code points of `s`, or nullopt if it is not well-formed UTF-8 (overlong forms and
// surrogates included).
std::optional<std::vector<char32_t>> DecodeUtf8(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    int extra = b < 0x80 ? 0 : (b >> 5) == 0x6 ? 1 : (b >> 4) == 0xE ? 2 : (b >> 3) == 0x1E ? 3 : -1;
    if (extra < 0 || i + extra >= s.size()) return std::nullopt;
    char32_t cp = extra == 0 ? b : extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k <= extra; ++k) {
      auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (c & 0x3F);
    }
    static constexpr char32_t kMinForLength[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMinForLength[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return std::nullopt;
    }
    out.push_back(cp);
    i += extra + 1;
  }
  return out;
}

void InitSodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

Error Busy() {
  return Error{ErrorCode::kUnavailable, "password hashing busy: every slot stayed taken"};
}

}  // namespace

std::vector<FieldError> CheckPasswordPolicy(std::string_view password, std::string_view email) {
  auto error = [](const char* key) { return std::vector<FieldError>{{"password", key}}; };
  if (password.size() > kMaxPasswordBytes) return error("password.too_long");
  auto code_points = DecodeUtf8(password);
  if (!code_points) return error("password.invalid");
  for (char32_t cp : *code_points) {
    if ((cp < 0x20 && cp != '\t') || cp == 0x7F) return error("password.invalid");
  }
  if (code_points->size() < kMinPasswordCodePoints) return error("password.too_short");
  bool all_same = true;
  for (char32_t cp : *code_points) all_same = all_same && cp == code_points->front();
  if (all_same) return error("password.repetitive");
  std::string normalized_email = NormalizeEmail(email);
  if (!normalized_email.empty() && NormalizeEmail(password) == normalized_email) {
    return error("password.is_email");
  }
  return {};
}

std::string GeneratePassword() {
  InitSodium();
  for (;;) {
    unsigned char bytes[15];
    randombytes_buf(bytes, sizeof bytes);
    char text[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(text, sizeof text, bytes, sizeof bytes,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    std::string password(text);
    sodium_memzero(bytes, sizeof bytes);
    sodium_memzero(text, sizeof text);
    // 20 equal characters has odds of 2^-114; checked anyway so the promise holds.
    if (CheckPasswordPolicy(password, "").empty()) return password;
  }
}

HashingGate::HashingGate(int slots, std::chrono::milliseconds max_wait)
    : max_wait_(max_wait), free_(slots) {
  if (slots < 1) throw std::invalid_argument("HashingGate needs at least one slot");
}

HashingGate::Permit::~Permit() {
  if (gate_) gate_->Leave();
}

std::optional<HashingGate::Permit> HashingGate::Enter() {
  std::unique_lock lock(mu_);
  if (!freed_.wait_for(lock, max_wait_, [this] { return free_ > 0; })) return std::nullopt;
  --free_;
  return Permit(this);
}

int HashingGate::free_slots() {
  std::lock_guard lock(mu_);
  return free_;
}

void HashingGate::Leave() {
  {
    std::lock_guard lock(mu_);
    ++free_;
  }
  freed_.notify_one();
}

PasswordHasher::PasswordHasher(PasswordHasherOptions options)
    : options_(options), gate_(options.max_concurrent, options.max_wait) {
  InitSodium();
}

Result<std::string> PasswordHasher::Hash(std::string_view password) {
  auto permit = gate_.Enter();
  if (!permit) return Busy();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), options_.cost.ops,
                            options_.cost.memory_bytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error{ErrorCode::kUnavailable, "password hashing ran out of memory"};
  }
  return std::string(out);
}

Result<bool> PasswordHasher::Verify(std::string_view stored_hash, std::string_view password) {
  if (password.size() > kMaxPasswordBytes || stored_hash.size() >= crypto_pwhash_STRBYTES) {
    return false;
  }
  auto permit = gate_.Enter();
  if (!permit) return Busy();
  std::string hash(stored_hash);  // libsodium wants it NUL-terminated
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool PasswordHasher::NeedsRehash(std::string_view stored_hash) const {
  std::string hash(stored_hash);
  return crypto_pwhash_str_needs_rehash(hash.c_str(), options_.cost.ops,
                                        options_.cost.memory_bytes) != 0;
}

}  // namespace tilti::accounts
