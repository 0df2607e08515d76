#pragma once
// Session tokens: 32 random bytes (256 bits) given to the browser once, in a cookie, as
// URL-safe base64 without padding (43 characters). The database keeps only the SHA-256 of the
// token (64 lower-case hex digits), so a copy of the database cannot be used to log in.
#include <string>
#include <string_view>

namespace tilti::accounts {

inline constexpr size_t kSessionTokenChars = 43;
inline constexpr size_t kSessionTokenHashChars = 64;

struct NewSessionToken {
  std::string token;  // for the cookie; never stored, never logged
  std::string hash;   // HashSessionToken(token), for the database
};

// A fresh token from the operating system's randomness (randombytes_buf), with its hash.
NewSessionToken MakeSessionToken();

// SHA-256 of the token's characters, as 64 lower-case hex digits. Any input is hashed (a
// malformed cookie simply finds no session).
std::string HashSessionToken(std::string_view token);

// True if `token` has the shape MakeSessionToken gives (43 URL-safe base64 characters), so a
// request with a malformed cookie can be answered without touching the database.
bool IsWellFormedSessionToken(std::string_view token);

// True if `hash` has the shape of a stored token hash (64 lower-case hex digits).
bool IsWellFormedTokenHash(std::string_view hash);

// Equality that takes the same time wherever the first difference is (sodium_memcmp); strings
// of different lengths are unequal (the length is not secret).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace tilti::accounts
