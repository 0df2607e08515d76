#include "accounts/session_token.h"

#include <sodium.h>

#include <stdexcept>

namespace tilti::accounts {

NewSessionToken MakeSessionToken() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char text[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(text, sizeof text, bytes, sizeof bytes,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  NewSessionToken out;
  out.token = text;
  out.hash = HashSessionToken(out.token);
  sodium_memzero(bytes, sizeof bytes);
  sodium_memzero(text, sizeof text);
  return out;
}

std::string HashSessionToken(std::string_view token) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex);
}

bool IsWellFormedSessionToken(std::string_view token) {
  if (token.size() != kSessionTokenChars) return false;
  for (char ch : token) {
    bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
              ch == '-' || ch == '_';
    if (!ok) return false;
  }
  return true;
}

bool IsWellFormedTokenHash(std::string_view hash) {
  if (hash.size() != kSessionTokenHashChars) return false;
  for (char ch : hash) {
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
  }
  return true;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace tilti::accounts
