#pragma once
// Configuration of the tilti command: flags first, then TILTI_* environment variables, then
// defaults.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace tilti::app {

struct Config {
  std::string command;             // serve | migrate | demo | import | export | user | retention | backup | routes | help
  std::string db = "data/tilti.db";          // --db / TILTI_DB
  std::string listen = "127.0.0.1:8080";     // --listen / TILTI_LISTEN
  int threads = 0;                            // --threads / TILTI_THREADS (0: one per core)
  std::optional<std::string> web_dir;         // --web-dir / TILTI_WEB_DIR: templates,
                                              // locales and static files from disk
  std::string public_url;                     // --public-url / TILTI_PUBLIC_URL; empty:
                                              // http:// + the address actually bound
  size_t max_body_bytes = 1024 * 1024;        // --max-body / TILTI_MAX_BODY
  size_t max_upload_bytes = 20 * 1024 * 1024; // --max-upload / TILTI_MAX_UPLOAD
  std::string map_tiles;                      // --map-tiles / TILTI_MAP_TILES: tile URL
                                              // template with {z} {x} {y}; empty: no
                                              // background map (offline, tests)
  // --review / TILTI_REVIEW: librarians' text changes and new services go to review.
  bool review_texts = true;
  bool review_services = true;
  int64_t registrations_per_hour = 20;        // --registration-limit / TILTI_REGISTRATION_LIMIT
  // Days after a booked time or an event's last date a person registered for before their
  // personal data is erased (--retention-days / TILTI_RETENTION_DAYS).
  int retention_days = 30;
  std::string now;                            // retention --now: the instant to erase as of
  std::string map_attribution;                // --map-attribution / TILTI_MAP_ATTRIBUTION
  std::string format;                         // import/export --format
  std::string input;                          // import: the file or folder to read
  std::string out;                            // export --out, backup --out
  // tilti user ACTION: add | list | disable | reset-password, and its flags.
  std::string user_action;
  std::string email;                          // --email
  std::string name;                           // --name (display name)
  std::string role;                           // --role: coordinator | librarian | partner
  std::vector<std::string> libraries;         // --library SLUG, repeatable (librarians)
  std::vector<std::string> organizations;     // --organization SLUG, repeatable (partners)
  bool password_stdin = false;                // --password-stdin
  bool verbose = false;                       // --verbose
  bool help = false;                          // --help
  bool quiet_access_log = false;              // --no-access-log
};

// Parses `args` (without the program name). `env` holds the environment (name -> value).
// Errors (kInvalidInput) say which flag and why, in one line.
Result<Config> ParseConfig(const std::vector<std::string>& args,
                           const std::map<std::string, std::string>& env);

// Splits "host:port"; the port must be 0..65535.
Result<std::pair<std::string, uint16_t>> SplitListen(const std::string& listen);

// The --help text of a command ("" for the overview).
std::string HelpText(const std::string& command);

}  // namespace tilti::app
