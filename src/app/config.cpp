#include "app/config.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/clock.h"

namespace tilti::app {
namespace {

const std::vector<std::string> kCommands = {"serve", "migrate", "demo", "import", "export",
                                            "user",  "routes", "retention", "backup"};
const std::vector<std::string> kUserActions = {"add", "list", "disable", "enable",
                                               "reset-password"};
const std::vector<std::string> kRoles = {"coordinator", "librarian", "partner"};
// Flags only `tilti user` takes.
const std::vector<std::string> kUserFlags = {"email", "name", "role", "library", "organization"};

// The --format values of import and export.
const std::vector<std::string> kImportFormats = {"england", "uk", "swiss-osm", "us-imls",
                                                 "hsds-tabular", "hsds-json"};
const std::vector<std::string> kExportFormats = {"hsds-tabular", "hsds-json"};

Error Bad(std::string what) { return Error{ErrorCode::kInvalidInput, std::move(what)}; }

std::optional<long long> ParseInt(const std::string& s) {
  long long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// Why `url` is not a usable tile URL template, or nullopt when it is: http(s), a host, and
// {z}, {x} and {y} in the path. "" turns the map background off.
std::optional<std::string> CheckTileUrl(const std::string& url) {
  if (url.empty()) return std::nullopt;
  std::string_view rest = url;
  if (rest.starts_with("https://")) {
    rest.remove_prefix(8);
  } else if (rest.starts_with("http://")) {
    rest.remove_prefix(7);
  } else {
    return "expected an http:// or https:// URL";
  }
  auto slash = rest.find('/');
  if (slash == 0 || slash == std::string_view::npos) return "expected a host and a path";
  for (char ch : rest.substr(0, slash)) {
    // The host goes into the Content-Security-Policy: nothing that could end the directive.
    bool ok = std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '-' || ch == ':' ||
              ch == '{' || ch == '}' || ch == '[' || ch == ']';
    if (!ok) return "unexpected character in the host";
  }
  for (const char* part : {"{z}", "{x}", "{y}"}) {
    if (url.find(part) == std::string::npos) return std::string("the URL has no ") + part;
  }
  return std::nullopt;
}

// Applies one setting by name; used for both flags and environment variables.
std::optional<Error> Apply(Config& c, const std::string& name, const std::string& value,
                           const std::string& origin) {
  bool user_flag = std::find(kUserFlags.begin(), kUserFlags.end(), name) != kUserFlags.end();
  if (user_flag && c.command != "user") {
    return Bad(origin + ": unknown option (try: tilti " + c.command + " --help)");
  }
  if (name == "email") {
    if (value.empty()) return Bad(origin + ": an e-mail address is needed");
    c.email = value;
  } else if (name == "name") {
    if (value.empty()) return Bad(origin + ": a name is needed");
    c.name = value;
  } else if (name == "role") {
    if (std::find(kRoles.begin(), kRoles.end(), value) == kRoles.end()) {
      return Bad(origin + ": unknown role \"" + value +
                 "\" (one of: coordinator, librarian, partner)");
    }
    c.role = value;
  } else if (name == "library") {
    if (value.empty()) return Bad(origin + ": a library slug is needed");
    c.libraries.push_back(value);
  } else if (name == "organization") {
    if (value.empty()) return Bad(origin + ": an organisation slug is needed");
    c.organizations.push_back(value);
  } else if (name == "db") {
    if (value.empty()) return Bad(origin + ": a database path is needed");
    c.db = value.starts_with("sqlite:") ? value.substr(7) : value;
  } else if (name == "listen") {
    if (auto r = SplitListen(value); !r.ok()) return Bad(origin + ": " + r.error().detail);
    c.listen = value;
  } else if (name == "threads") {
    auto v = ParseInt(value);
    if (!v || *v < 0 || *v > 256) return Bad(origin + ": expected a number from 0 to 256");
    c.threads = static_cast<int>(*v);
  } else if (name == "web-dir") {
    c.web_dir = value;
  } else if (name == "public-url") {
    if (!value.starts_with("http://") && !value.starts_with("https://")) {
      return Bad(origin + ": expected an http:// or https:// URL");
    }
    c.public_url = value;
    while (c.public_url.ends_with("/")) c.public_url.pop_back();
  } else if (name == "max-body") {
    auto v = ParseInt(value);
    if (!v || *v < 1024 || *v > (1LL << 30)) {
      return Bad(origin + ": expected a byte count from 1024 to 1073741824");
    }
    c.max_body_bytes = static_cast<size_t>(*v);
  } else if (name == "max-upload") {
    auto v = ParseInt(value);
    if (!v || *v < 1024 || *v > (1LL << 30)) {
      return Bad(origin + ": expected a byte count from 1024 to 1073741824");
    }
    c.max_upload_bytes = static_cast<size_t>(*v);
  } else if (name == "map-tiles") {
    if (auto e = CheckTileUrl(value)) return Bad(origin + ": " + *e);
    c.map_tiles = value;
  } else if (name == "map-attribution") {
    c.map_attribution = value;
  } else if (name == "registration-limit") {
    auto v = ParseInt(value);
    if (!v || *v < 1 || *v > 1000000) return Bad(origin + ": expected a number from 1 to 1000000");
    c.registrations_per_hour = *v;
  } else if (name == "retention-days") {
    auto v = ParseInt(value);
    if (!v || *v < 1 || *v > 3650) return Bad(origin + ": expected a number of days from 1 to 3650");
    c.retention_days = static_cast<int>(*v);
  } else if (name == "now") {
    if (!ParseStoredRfc3339(value)) return Bad(origin + ": expected a UTC time like 2027-01-31T00:00:00Z");
    c.now = value;
  } else if (name == "review") {
    // Comma-separated: which librarian changes wait for review ("texts", "services"), or "none".
    c.review_texts = c.review_services = false;
    size_t start = 0;
    while (start <= value.size()) {
      size_t end = value.find(',', start);
      if (end == std::string::npos) end = value.size();
      std::string item = value.substr(start, end - start);
      if (item == "texts") c.review_texts = true;
      else if (item == "services") c.review_services = true;
      else if (item != "none") return Bad(origin + ": expected texts, services or none");
      start = end + 1;
    }
  } else if (name == "format") {
    const auto& formats = c.command == "export" ? kExportFormats : kImportFormats;
    if (std::find(formats.begin(), formats.end(), value) == formats.end()) {
      std::string list;
      for (const auto& f : formats) list += (list.empty() ? "" : ", ") + f;
      return Bad(origin + ": unknown format \"" + value + "\" (one of: " + list + ")");
    }
    c.format = value;
  } else if (name == "out") {
    if (value.empty()) return Bad(origin + ": a path is needed");
    c.out = value;
  } else {
    return Bad(origin + ": unknown option");
  }
  return std::nullopt;
}

// Which flags each `tilti user` action needs and takes.
std::optional<Error> CheckUserFlags(const Config& c) {
  const std::string& action = c.user_action;
  if (action.empty()) {
    return Bad("user: an action is needed: add, list, disable, enable or reset-password (try: "
               "tilti user --help)");
  }
  auto refuse = [&](bool given, const char* flag) -> std::optional<Error> {
    if (given) return Bad("user " + action + ": " + flag + " is not taken here");
    return std::nullopt;
  };
  bool memberships = !c.libraries.empty() || !c.organizations.empty();
  if (action == "list") {
    if (auto e = refuse(!c.email.empty(), "--email")) return e;
    if (auto e = refuse(!c.name.empty(), "--name")) return e;
    if (auto e = refuse(!c.role.empty(), "--role")) return e;
    if (auto e = refuse(memberships, "--library/--organization")) return e;
    return refuse(c.password_stdin, "--password-stdin");
  }
  if (c.email.empty()) return Bad("user " + action + ": --email is needed");
  if (action == "disable" || action == "enable" || action == "reset-password") {
    if (auto e = refuse(!c.name.empty(), "--name")) return e;
    if (auto e = refuse(!c.role.empty(), "--role")) return e;
    if (auto e = refuse(memberships, "--library/--organization")) return e;
    if (action != "reset-password") return refuse(c.password_stdin, "--password-stdin");
    return std::nullopt;
  }
  // add
  if (c.name.empty()) return Bad("user add: --name is needed");
  if (c.role.empty()) return Bad("user add: --role is needed (coordinator, librarian or partner)");
  if (c.role == "coordinator" && memberships) {
    return Bad("user add: a coordinator sees every library; --library and --organization are "
               "for librarians and partners");
  }
  if (c.role == "librarian" && c.libraries.empty()) {
    return Bad("user add: a librarian needs at least one --library SLUG");
  }
  if (c.role == "librarian" && !c.organizations.empty()) {
    return Bad("user add: a librarian works for libraries: use --library, not --organization");
  }
  if (c.role == "partner" && !c.libraries.empty()) {
    return Bad("user add: a partner belongs to organisations: use --organization, not --library");
  }
  return std::nullopt;
}

}  // namespace

Result<std::pair<std::string, uint16_t>> SplitListen(const std::string& listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return Bad("\"" + listen + "\" is not HOST:PORT (for example 127.0.0.1:8080)");
  }
  auto port = ParseInt(listen.substr(colon + 1));
  if (!port || *port < 0 || *port > 65535) {
    return Bad("\"" + listen + "\": the port must be a number from 0 to 65535");
  }
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  return std::pair<std::string, uint16_t>{host, static_cast<uint16_t>(*port)};
}

Result<Config> ParseConfig(const std::vector<std::string>& args,
                           const std::map<std::string, std::string>& env) {
  Config c;
  size_t i = 0;
  if (!args.empty() && !args[0].starts_with("-")) {
    c.command = args[0];
    i = 1;
    if (std::find(kCommands.begin(), kCommands.end(), c.command) == kCommands.end() &&
        c.command != "help") {
      return Bad("unknown command \"" + c.command + "\" (try: tilti --help)");
    }
  } else {
    c.command = "help";
  }
  // Environment first, so flags override it.
  static const std::vector<std::pair<std::string, std::string>> kEnv = {
      {"TILTI_DB", "db"},
      {"TILTI_LISTEN", "listen"},
      {"TILTI_THREADS", "threads"},
      {"TILTI_WEB_DIR", "web-dir"},
      {"TILTI_PUBLIC_URL", "public-url"},
      {"TILTI_MAX_BODY", "max-body"},
      {"TILTI_MAX_UPLOAD", "max-upload"},
      {"TILTI_MAP_TILES", "map-tiles"},
      {"TILTI_MAP_ATTRIBUTION", "map-attribution"},
      {"TILTI_REVIEW", "review"},
      {"TILTI_REGISTRATION_LIMIT", "registration-limit"},
      {"TILTI_RETENTION_DAYS", "retention-days"}};
  for (const auto& [var, name] : kEnv) {
    if (auto it = env.find(var); it != env.end()) {
      if (auto e = Apply(c, name, it->second, var)) return *e;
    }
  }
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      c.help = true;
      continue;
    }
    if (a == "--verbose" || a == "-v") {
      c.verbose = true;
      continue;
    }
    if (a == "--no-access-log") {
      c.quiet_access_log = true;
      continue;
    }
    if (a == "--password-stdin" && c.command == "user") {
      c.password_stdin = true;
      continue;
    }
    if (a == "--password" || a.starts_with("--password=")) {
      // A password given as a flag lands in the shell's history and in `ps`.
      return Bad("--password: passwords are never taken as a flag; use --password-stdin, or "
                 "leave it out to have one generated");
    }
    if (!a.starts_with("--")) {
      if (c.command == "import" && c.input.empty()) {
        c.input = a;
        continue;
      }
      if (c.command == "user" && c.user_action.empty()) {
        if (std::find(kUserActions.begin(), kUserActions.end(), a) == kUserActions.end()) {
          return Bad("user: unknown action \"" + a +
                     "\" (one of: add, list, disable, enable, reset-password)");
        }
        c.user_action = a;
        continue;
      }
      return Bad("unexpected argument \"" + a + "\"");
    }
    std::string name = a.substr(2), value;
    static const std::vector<std::string> kValued = {"db",        "listen",         "threads",
                                                     "web-dir",   "public-url",     "max-body",
                                                     "max-upload",
                                                     "map-tiles", "map-attribution", "review", "registration-limit",
                                                     "retention-days", "now",
                                                     "format",    "out",
                                                     "email",     "name",           "role",
                                                     "library",   "organization"};
    std::string bare = name.substr(0, name.find('='));
    if (std::find(kValued.begin(), kValued.end(), bare) == kValued.end()) {
      return Bad("--" + bare + ": unknown option (try: tilti " + c.command + " --help)");
    }
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    } else {
      if (i + 1 >= args.size()) return Bad("--" + name + " needs a value");
      value = args[++i];
    }
    if (auto e = Apply(c, name, value, "--" + name)) return *e;
  }
  if (!c.help && c.command == "import") {
    if (c.format.empty()) return Bad("import: --format is needed (try: tilti import --help)");
    if (c.input.empty()) return Bad("import: the file or folder to import is needed");
  }
  if (!c.help && c.command == "export") {
    if (c.format.empty()) return Bad("export: --format is needed (try: tilti export --help)");
    if (c.out.empty()) return Bad("export: --out is needed");
  }
  if (!c.help && c.command == "user") {
    if (auto e = CheckUserFlags(c)) return *e;
  }
  if (!c.help && c.command == "backup" && c.out.empty()) {
    return Bad("backup: --out is needed: the new file to write (try: tilti backup --help)");
  }
  return c;
}

std::string HelpText(const std::string& command) {
  const std::string common =
      "  --db PATH|URL      SQLite file, or postgresql://… (TILTI_DB; default data/tilti.db)\n"
      "  --verbose          debug logging\n"
      "  --help             this text\n";
  if (command == "serve") {
    return "tilti serve: serve the web site and API.\n\nOptions:\n" + common +
           "  --listen HOST:PORT address to listen on (TILTI_LISTEN; default 127.0.0.1:8080;\n"
           "                     port 0 picks a free port and prints it)\n"
           "  --threads N        worker threads (TILTI_THREADS; default one per core)\n"
           "  --public-url URL   absolute base URL for links (TILTI_PUBLIC_URL)\n"
           "  --max-body BYTES   largest request body accepted (TILTI_MAX_BODY; default 1 MiB)\n"
           "  --max-upload BYTES largest body of a signed-in user's form with files\n"
           "                     (TILTI_MAX_UPLOAD; default 20 MiB)\n"
           "  --web-dir DIR      load templates, locales and static files from DIR instead\n"
           "                     of the copies built into the binary (TILTI_WEB_DIR)\n"
           "  --map-tiles URL    tile URL template for the search page's map, e.g.\n"
           "                     https://tile.example/{z}/{x}/{y}.png (TILTI_MAP_TILES;\n"
           "                     default none: markers on a plain background)\n"
           "  --map-attribution TEXT  credit shown on the map's tiles\n"
           "                     (TILTI_MAP_ATTRIBUTION)\n"
           "  --registration-limit N  event registrations one address may make in an hour\n"
           "                     (default 20; TILTI_REGISTRATION_LIMIT)\n"
           "  --retention-days N days after a booked time, or after the last date of an\n"
           "                     event registration, before the person's data is erased\n"
           "                     (default 30; TILTI_RETENTION_DAYS)\n"
           "  --review LIST      which librarian changes wait for a coordinator's review:\n"
           "                     texts, services (default: both), or none (TILTI_REVIEW)\n"
           "  --no-access-log    do not log one line per request\n";
  }
  if (command == "migrate") {
    return "tilti migrate: create the database if needed and apply pending migrations.\n\n"
           "Options:\n" + common;
  }
  if (command == "demo") {
    return "tilti demo: create (or refresh) a database holding the demo data set: the\n"
           "libraries, institutions and initiatives of the seed documents and the gazetteer\n"
           "of Latvian municipalities and places.\n\nOptions:\n" + common;
  }
  if (command == "import") {
    return "tilti import --format FORMAT PATH: add or update libraries from a data set.\n\n"
           "Formats:\n"
           "  england       England's library list (LibrariesHacked england-librarydata CSV)\n"
           "  uk            the UK library list (LibrariesHacked librarydata-db CSV)\n"
           "  swiss-osm     OpenStreetMap libraries (Overpass API JSON)\n"
           "  us-imls       US IMLS Public Libraries Survey outlets (Windows-1252 CSV)\n"
           "  hsds-tabular  an HSDS 3.0 tabular data package (a folder with datapackage.json)\n"
           "  hsds-json     HSDS 3.0 JSON (an array of organizations), as tilti export writes\n\n"
           "All or nothing: if any row is wrong, every wrong row is listed with its line and\n"
           "nothing is written (exit 1). Running the same import again updates, never\n"
           "duplicates.\n\nOptions:\n" + common +
           "  --format FORMAT    one of the formats above\n";
  }
  if (command == "export") {
    return "tilti export --format FORMAT --out PATH: write the directory as HSDS 3.0.\n\n"
           "Formats:\n"
           "  hsds-tabular  a tabular data package: PATH is a folder (datapackage.json + CSV)\n"
           "  hsds-json     PATH is a JSON file: an array of organizations\n\n"
           "Options:\n" + common +
           "  --format FORMAT    hsds-tabular or hsds-json\n"
           "  --out PATH         where to write\n";
  }
  if (command == "user") {
    return "tilti user ACTION: back-office accounts.\n\n"
           "Actions:\n"
           "  add --email E --name N --role R [--library SLUG ...] [--organization SLUG ...]\n"
           "                 create an account; R is coordinator (every library), librarian\n"
           "                 (needs one --library or more) or partner (--organization)\n"
           "  list           every account: e-mail, name, role, status, memberships\n"
           "  disable --email E\n"
           "                 refuse its logins and end its sessions\n"
           "  enable --email E\n"
           "                 let a disabled account log in again (with its password)\n"
           "  reset-password --email E\n"
           "                 set a new password and end its sessions\n\n"
           "add and reset-password print a generated password once, to pass on; with\n"
           "--password-stdin they read it from standard input instead (at least 12\n"
           "characters). Passwords are never taken as a flag.\n\n"
           "Options:\n" + common +
           "  --password-stdin   read the password from standard input\n";
  }
  if (command == "retention") {
    return "tilti retention: erase the personal data of bookings whose time ended, and of\n"
           "event registrations whose last date ended, more than --retention-days ago (counts\n"
           "by resource, month and target group, and who came, stay for reports), then\n"
           "checkpoint the WAL so no copy remains. The server does this every hour by itself.\n\n"
           "Options:\n" + common +
           "  --retention-days N as for serve (default 30)\n"
           "  --now TIME         erase as of this UTC time instead of now, e.g.\n"
           "                     2027-01-31T00:00:00Z\n";
  }
  if (command == "backup") {
    return "tilti backup: copy the database to a new file while the server keeps running (SQLite's\n"
           "online backup API: one consistent snapshot; writers are not held up). The copy is\n"
           "checked (PRAGMA integrity_check) and only then given its name, so a backup file is\n"
           "whole or absent. It never overwrites a file. Restore: stop the server and put the\n"
           "copy in the database's place.\n\n"
           "Options:\n" + common +
           "  --out FILE         the new file to write\n";
  }
  if (command == "routes") {
    return "tilti routes: list the back-office routes, one per line: method, path pattern,\n"
           "the action it performs and the kind of object it acts on (tab-separated). The\n"
           "access tests are generated from this list.\n";
  }
  return "tilti: libraries as bridges into society.\n\n"
         "Usage: tilti COMMAND [options]\n\nCommands:\n"
         "  serve     serve the web site and API\n"
         "  migrate   apply database migrations\n"
         "  demo      create a database with the demo data set\n"
         "  import    add libraries from a data set (HSDS or a national list)\n"
         "  export    write the directory as HSDS\n"
         "  user      add, list, disable, enable back-office accounts; reset passwords\n"
         "  routes    list the back-office routes and what each may do\n"
         "  retention erase bookings' and registrations' personal data past the retention period\n"
         "  backup    copy the database to a new file while the server runs\n\n"
         "Run 'tilti COMMAND --help' for the options of a command.\n";
}

}  // namespace tilti::app
