#include "store/postgres.h"

#include <cstdlib>
#include <cstring>
#include <pqxx/pqxx>
#include <vector>

#include "core/text.h"

namespace tilti::store {

// One connection and the one libpqxx transaction object all its statements run through. It is
// a nontransaction (autocommit); BeginWrite's BEGIN … COMMIT make the write transactions.
struct PostgresConnection::Link {
  explicit Link(const std::string& url) : conn(url), work(conn, "tilti") {}
  pqxx::connection conn;
  pqxx::nontransaction work;
};

namespace {

// Any number: the key of the transaction-scoped advisory lock every write takes.
constexpr int64_t kWriteLockKey = 0x74696c7469;  // "tilti"

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// bytea comes back in PostgreSQL's hex text format: \x0a1b…
std::string UnhexBytea(std::string_view text) {
  if (text.size() < 2 || text[0] != '\\' || text[1] != 'x') return std::string(text);
  std::string out;
  out.reserve((text.size() - 2) / 2);
  for (size_t i = 2; i + 1 < text.size(); i += 2) {
    out.push_back(static_cast<char>(HexValue(text[i]) * 16 + HexValue(text[i + 1])));
  }
  return out;
}

std::string HexBytea(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out = "\\x";
  out.reserve(2 + bytes.size() * 2);
  for (unsigned char b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

// PostgreSQL's text holds only valid UTF-8 without NUL, where SQLite stores any bytes. A value
// that is not (a path segment like %C3%28) becomes valid text with U+FFFD for each bad byte, so
// it matches nothing, as on SQLite, instead of failing the request.
std::string ServerText(std::string_view v) {
  if (Utf8Length(v) >= 0 && std::memchr(v.data(), '\0', v.size()) == nullptr) {
    return std::string(v);
  }
  std::string out;
  size_t i = 0;
  while (i < v.size()) {
    const auto b = static_cast<unsigned char>(v[i]);
    const size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (n > 0 && i + n <= v.size() && Utf8Length(v.substr(i, n)) == 1 && b != 0) {
      out.append(v.substr(i, n));
      i += n;
    } else {
      AppendUtf8(out, 0xFFFD);
      ++i;
    }
  }
  return out;
}

class PostgresStatement final : public StatementImpl {
 public:
  // `name` empty: run unnamed (parsed at each run); otherwise prepared on the server as `name`.
  PostgresStatement(PostgresConnection& c, std::string sql, std::vector<int> numbers,
                    std::string name)
      : c_(c), sql_(std::move(sql)), numbers_(std::move(numbers)), name_(std::move(name)) {
    int count = 0;
    for (int n : numbers_) count = std::max(count, n);
    params_.resize(static_cast<size_t>(count));
  }
  ~PostgresStatement() override {
    if (name_.empty()) return;
    try {
      c_.link().conn.unprepare(name_);
    } catch (...) {
      // The connection is going away with it.
    }
  }

  void BindInt(int i, int64_t v) override { Set(i, std::to_string(v)); }
  void BindDouble(int i, double v) override {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    Set(i, buf);
  }
  void BindText(int i, std::string_view v) override { Set(i, ServerText(v)); }
  void BindBlob(int i, std::string_view bytes) override { Set(i, HexBytea(bytes)); }
  void BindNull(int i) override {
    if (const int n = Number(i)) params_[static_cast<size_t>(n - 1)].reset();
  }

  bool Step() override {
    if (!ran_) {
      std::vector<const char*> values;
      values.reserve(params_.size());
      for (const auto& p : params_) values.push_back(p ? p->c_str() : nullptr);
      try {
        if (name_.empty()) {
          result_ = c_.link().work.exec_params(sql_, pqxx::prepare::make_dynamic_params(values));
        } else {
          result_ = c_.link().work.exec_prepared(name_, pqxx::prepare::make_dynamic_params(values));
        }
      } catch (const std::exception& e) {
        ThrowPostgres(e, "step [" + sql_.substr(0, 80) + "]");
      }
      ran_ = true;
      row_ = -1;
      c_.set_changes(static_cast<int64_t>(result_.affected_rows()));
    }
    ++row_;
    return row_ < static_cast<int64_t>(result_.size());
  }
  void Reset() override {
    for (auto& p : params_) p.reset();
    result_ = pqxx::result();
    ran_ = false;
    row_ = -1;
  }

  bool IsNull(int col) const override { return Field(col).is_null(); }
  int64_t Int(int col) const override {
    const pqxx::field f = Field(col);
    if (f.is_null()) return 0;
    const char* s = f.c_str();
    if (s[0] == 't' && s[1] == '\0') return 1;  // a boolean expression
    if (s[0] == 'f' && s[1] == '\0') return 0;
    char* end = nullptr;
    const long long v = std::strtoll(s, &end, 10);
    if (*end == '.' || *end == 'e' || *end == 'E') {
      return static_cast<int64_t>(std::strtod(s, nullptr));  // a numeric, e.g. sum() or avg()
    }
    return v;
  }
  double Double(int col) const override {
    const pqxx::field f = Field(col);
    return f.is_null() ? 0.0 : std::strtod(f.c_str(), nullptr);
  }
  std::string_view TextView(int col) const override {
    const pqxx::field f = Field(col);
    if (f.is_null()) return {};
    return {f.c_str(), f.size()};
  }
  std::string Blob(int col) const override {
    const pqxx::field f = Field(col);
    return f.is_null() ? std::string() : UnhexBytea({f.c_str(), f.size()});
  }

 private:
  // The PostgreSQL number of SQLite's parameter i; 0 when the text does not use it (a bind to
  // it is dropped, as SQLite would ignore it).
  int Number(int i) const {
    return i > 0 && static_cast<size_t>(i) < numbers_.size() ? numbers_[static_cast<size_t>(i)] : 0;
  }
  void Set(int i, std::string v) {
    if (const int n = Number(i)) params_[static_cast<size_t>(n - 1)] = std::move(v);
  }
  pqxx::field Field(int col) const {
    return result_[static_cast<pqxx::result::size_type>(row_)][col];
  }

  PostgresConnection& c_;
  std::string sql_;
  std::vector<int> numbers_;  // PostgresSql's numbers
  std::string name_;
  std::vector<std::optional<std::string>> params_;
  pqxx::result result_;
  bool ran_ = false;
  int64_t row_ = -1;
};

// libpq's messages span lines ("…failed: Connection refused\n\tIs the server running…"): one line,
// for logs and the command line.
std::string OneLine(std::string_view what) {
  std::string out;
  for (char ch : what) {
    const bool space = ch == '\n' || ch == '\t' || ch == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : ch;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

bool IsPostgresUrl(std::string_view db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

std::string RedactedUrl(std::string_view url) {
  const size_t scheme = url.find("://");
  const size_t at = url.find('@');
  if (scheme == std::string_view::npos || at == std::string_view::npos || at < scheme) {
    return std::string(url);
  }
  const size_t colon = url.find(':', scheme + 3);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon)) + ":***" + std::string(url.substr(at));
}

namespace {

// Calls `text(piece)` for the SQL outside parameters and `param(n)` for each parameter (SQLite's
// number), skipping literals, quoted names and comments.
template <typename Text, typename Param>
void ScanSql(std::string_view sql, Text&& text, Param&& param) {
  int highest = 0;
  size_t i = 0;
  while (i < sql.size()) {
    const char ch = sql[i];
    size_t j = i + 1;
    if (ch == '\'' || ch == '"') {  // a literal or a quoted name, with doubled quotes inside
      while (j < sql.size()) {
        if (sql[j] == ch) {
          if (j + 1 < sql.size() && sql[j + 1] == ch) {
            j += 2;
            continue;
          }
          break;
        }
        ++j;
      }
      j = std::min(j + 1, sql.size());
    } else if (ch == '-' && j < sql.size() && sql[j] == '-') {
      const size_t end = sql.find('\n', i);
      j = end == std::string_view::npos ? sql.size() : end;
    } else if (ch == '/' && j < sql.size() && sql[j] == '*') {
      const size_t end = sql.find("*/", i + 2);
      j = end == std::string_view::npos ? sql.size() : end + 2;
    } else if (ch == '?') {
      int n = 0;
      while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') n = n * 10 + (sql[j++] - '0');
      if (j == i + 1) n = highest + 1;
      highest = std::max(highest, n);
      param(n);
      i = j;
      continue;
    }
    text(sql.substr(i, j - i));
    i = j;
  }
}

}  // namespace

std::string PostgresSql(std::string_view sql, std::vector<int>* numbers) {
  std::vector<int> used;
  ScanSql(sql, [](std::string_view) {}, [&](int n) {
    if (static_cast<int>(used.size()) <= n) used.resize(static_cast<size_t>(n) + 1, 0);
    used[static_cast<size_t>(n)] = 1;
  });
  int next = 0;
  for (int& u : used) u = u ? ++next : 0;
  std::string out;
  out.reserve(sql.size() + 8);
  ScanSql(sql, [&](std::string_view piece) { out.append(piece); }, [&](int n) {
    out += '$';
    out += std::to_string(used[static_cast<size_t>(n)]);
  });
  if (numbers) *numbers = std::move(used);
  return out;
}

[[noreturn]] void ThrowPostgres(const std::exception& e, std::string_view context) {
  SqlError::Kind kind = SqlError::Kind::kOther;
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e)) {
    const std::string& state = sql->sqlstate();
    // 23…: integrity constraints. P0001: a trigger's RAISE EXCEPTION (the audit log's), which
    // SQLite's RAISE(ABORT, …) reports as a constraint too (SQLITE_CONSTRAINT_TRIGGER).
    if (state.rfind("23", 0) == 0 || state == "P0001") {
      kind = SqlError::Kind::kConstraint;
    } else if (state == "40001" || state == "40P01" || state == "55P03") {
      kind = SqlError::Kind::kBusy;
    }
  }
  throw SqlError(kind, 0, std::string(context) + ": " + OneLine(e.what()));
}

std::unique_ptr<PostgresConnection> PostgresConnection::Open(const std::string& url, Mode mode,
                                                             std::string* error) {
  std::unique_ptr<PostgresConnection> c(new PostgresConnection());
  try {
    c->link_ = std::make_unique<Link>(url);
    // Text as SQLite gives it, whatever the server's defaults.
    c->Exec(
        "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'; SET standard_conforming_strings = on;"
        " SET client_min_messages = warning");
    if (mode == Mode::kReadOnlyQueries) c->Exec("SET default_transaction_read_only = on");
  } catch (const std::exception& e) {
    *error = RedactedUrl(url) + ": cannot connect (" + OneLine(e.what()) + ")";
    return nullptr;
  }
  return c;
}

PostgresConnection::PostgresConnection() = default;

PostgresConnection::~PostgresConnection() {
  DropCached();
  link_.reset();
}

std::unique_ptr<StatementImpl> PostgresConnection::PrepareImpl(std::string_view sql,
                                                               bool persistent) {
  std::vector<int> numbers;
  std::string text = PostgresSql(sql, &numbers);
  if (!persistent) {
    return std::make_unique<PostgresStatement>(*this, std::move(text), std::move(numbers), "");
  }
  std::string name = "s" + std::to_string(++statements_);
  try {
    link_->conn.prepare(name, text);
  } catch (const std::exception& e) {
    ThrowPostgres(e, "prepare [" + std::string(sql.substr(0, 80)) + "]");
  }
  return std::make_unique<PostgresStatement>(*this, std::move(text), std::move(numbers),
                                             std::move(name));
}

void PostgresConnection::Exec(std::string_view sql) {
  try {
    pqxx::result r = link_->work.exec(std::string(sql));
    changes_ = static_cast<int64_t>(r.affected_rows());
  } catch (const std::exception& e) {
    ThrowPostgres(e, "exec [" + std::string(sql.substr(0, 80)) + "]");
  }
}

int64_t PostgresConnection::LastInsertRowId() {
  // lastval(): the value the last nextval() of this session gave, i.e. the identity of the last
  // INSERT that took one (an error when none has yet).
  try {
    pqxx::result r = link_->work.exec("SELECT lastval()");
    return r[0][0].as<int64_t>();
  } catch (const std::exception& e) {
    ThrowPostgres(e, "lastval");
  }
}

void PostgresConnection::BeginWrite() {
  Exec("BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLockKey) + ")");
}

}  // namespace tilti::store
