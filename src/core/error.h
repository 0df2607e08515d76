#pragma once
// The closed set of expected failures. One function in src/web maps them to HTTP statuses;
// anything thrown instead is unexpected and becomes a 500 at the session boundary.
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace tilti {

enum class ErrorCode {
  kNotFound,
  kInvalidInput,  // see Error::fields for which field and why
  kConflict,      // e.g. a slot already taken, a stale edit
  kForbidden,
  kUnauthenticated,
  kRateLimited,
  kUnavailable,  // e.g. the database is busy beyond its timeout
};

// A problem with one input field: `field` is the form/query name, `message_key` a catalogue
// key so the web layer can say it in the user's language.
struct FieldError {
  std::string field;
  std::string message_key;
};

struct Error {
  ErrorCode code;
  std::string detail;  // for logs only; never shown to users
  std::vector<FieldError> fields = {};
};

// Result<T>: a value or an Error. Deliberately small; use value()/error() after ok().
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}     // NOLINT
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

struct Unit {};
using Status = Result<Unit>;
inline Status Ok() { return Unit{}; }

}  // namespace tilti
