#include "app/app.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <iostream>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "app/hsds_commands.h"
#include "app/web_files.h"
#include "core/clock.h"
#include "core/log.h"
#include "core/metrics.h"
#include "directory/demo_dataset.h"
#include "exchange/library_record.h"
#include "http/ascii.h"
#include "http/server.h"
#include "store/backup.h"
#include "store/booking_store.h"
#include "store/database.h"
#include "store/registration_store.h"
#include "store/demo_events.h"
#include "store/demo_methods.h"
#include "store/demo_practices.h"
#include "store/demo_guides.h"
#include "store/demo_resources.h"
#include "store/demo_training.h"
#include "store/demo_store.h"
#include "store/event_store.h"
#include "store/import_store.h"
#include "store/migrations.h"
#include "store/search_index.h"
#include "store/speech_cache.h"
#include "store/service_index.h"
#include "web/i18n_catalog.h"
#include "web/session.h"
#include "web/routes.h"
#include "web/site.h"
#include "web/templates.h"

namespace tilti::app {
namespace {

int Fail(const std::string& message) {
  std::fprintf(stderr, "tilti: %s\n", message.c_str());
  return 1;
}

// A file of the embedded demo folder.
std::string_view DemoFile(std::string_view path) {
  for (const auto& f : embedded::demo()) {
    if (f.path == path) return f.bytes;
  }
  throw std::runtime_error(std::string(path) + ": missing from the demo files");
}

// Erases the personal data of bookings whose time ended, and of registrations whose last date
// ended, more than `days` ago (counted first into the tallies and head counts), then
// checkpoints the WAL so the erased bytes live nowhere.
struct Erased {
  int bookings = 0, registrations = 0;
};
Erased EraseExpiredPersonalData(store::Database& db, SysTime now, int days) {
  const SysTime cutoff = now - std::chrono::days{days};
  Erased erased;
  erased.bookings = db.Write([&](store::Connection& c) { return store::EraseOldBookings(c, cutoff, now); });
  erased.registrations = db.Write([&](store::Connection& c) { return store::EraseOldRegistrations(c, cutoff, now); });
  if (!db.CheckpointTruncate()) spdlog::warn("retention: the WAL checkpoint did not finish; it runs again in an hour");
  return erased;
}

// At start-up and then every hour: extends the events' materialised occurrences (the horizon
// moves once a day, so each event is rematerialised once a day) and erases expired bookings.
// Stops with the server.
class MaterialisationJob {
 public:
  MaterialisationJob(store::Database& db, const Clock& clock, int retention_days)
      : retention_days_(retention_days), thread_([this, &db, &clock] { Loop(db, clock); }) {}
  ~MaterialisationJob() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

 private:
  void Loop(store::Database& db, const Clock& clock) {
    std::unique_lock lock(mu_);
    while (!stop_) {
      lock.unlock();
      // One node at a time does this (Database::RunExclusive); the others skip the hour.
      try {
        const bool ran = db.RunExclusive("background-jobs", [&] { RunOnce(db, clock); });
        if (!ran) spdlog::debug("background jobs: another node is running them");
      } catch (const std::exception& e) {
        spdlog::error("background jobs: {}", e.what());
      }
      lock.lock();
      cv_.wait_for(lock, std::chrono::hours{1}, [this] { return stop_; });
    }
  }
  void RunOnce(store::Database& db, const Clock& clock) {
    try {
      // Batches of 20 events, each its own transaction, so registrations and edits are never
      // held up for long.
      int total = 0, n = 0;
      do {
        n = db.Write([&](store::Connection& c) {
          return store::ExtendMaterialisation(c, clock.Now(), 20);
        });
        total += n;
      } while (n > 0 && !Stopping());
      if (total > 0) spdlog::info("materialised the occurrences of {} event(s)", total);
    } catch (const std::exception& e) {
      spdlog::error("materialising occurrences: {}", e.what());
    }
    try {
      const Erased erased = EraseExpiredPersonalData(db, clock.Now(), retention_days_);
      if (erased.bookings + erased.registrations > 0) {
        spdlog::info("retention: erased {} booking(s) and {} registration(s)", erased.bookings,
                     erased.registrations);
      }
    } catch (const std::exception& e) {
      spdlog::error("retention: {}", e.what());
    }
  }
  bool Stopping() {
    std::lock_guard lock(mu_);
    return stop_;
  }
  const int retention_days_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

int WorkerThreads(const Config& c) {
  if (c.threads > 0) return c.threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

Result<std::unique_ptr<store::Database>> OpenAndMigrate(const Config& c, bool create,
                                                        int readers) {
  if (create) store::PrepareDatabaseFolder(c.db);
  store::DatabaseOptions options;
  options.path = c.db;
  options.create_if_missing = create;
  options.read_connections = readers;
  auto db = store::Database::Open(options);
  if (!db.ok()) return db.error();
  auto applied = db.value()->Migrate(store::BuiltinMigrations(db.value()->IsPostgres()));
  if (!applied.ok()) return applied.error();
  bool rebuilt = db.value()->Write(
      [](store::Connection& conn) { return store::RebuildLibraryIndexIfEmpty(conn); });
  if (rebuilt) spdlog::info("rebuilt the library search index");
  if (db.value()->Write([](store::Connection& conn) {
        return store::RebuildServiceIndexIfEmpty(conn);
      })) {
    spdlog::info("rebuilt the HSDS API search index");
  }
  return std::move(db.value());
}


std::optional<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

// "path:12: reason", or "path: reason" when the issue has no line.
void PrintIssues(const std::string& path, const std::vector<exchange::RowIssue>& issues,
                 const char* prefix) {
  for (const auto& issue : issues) {
    std::string where = issue.line > 0 ? path + ":" + std::to_string(issue.line) : path;
    std::fprintf(stderr, "%s: %s%s\n", where.c_str(), prefix, issue.reason.c_str());
  }
}

int ImportLibraryList(const Config& config, exchange::Format format) {
  auto bytes = ReadWholeFile(config.input);
  if (!bytes) return Fail(config.input + ": cannot read the file");
  exchange::ReadResult read = exchange::ReadLibraries(format, *bytes);
  PrintIssues(config.input, read.warnings, "warning: ");
  if (!read.errors.empty()) {
    PrintIssues(config.input, read.errors, "");
    return Fail(config.input + ": " + std::to_string(read.errors.size()) +
                " row(s) cannot be imported (listed above); nothing was imported");
  }
  auto db = OpenAndMigrate(config, /*create=*/true, 1);
  if (!db.ok()) return Fail(db.error().detail);
  SystemClock clock;
  store::ImportCounts counts;
  try {
    counts = store::ImportLibraries(*db.value(), read.records, FormatRfc3339(clock.Now()));
  } catch (const std::exception& e) {
    return Fail(config.input + ": the database refused the import, nothing was imported: " +
                e.what());
  }
  std::printf("%s: %d libraries imported (%d new, %d already known; %d with opening hours, %d with "
              "coordinates); %d left out on purpose (closed, unnamed or not a place to visit); "
              "%zu warning(s)\n",
              config.input.c_str(), counts.libraries, counts.added,
              counts.libraries - counts.added, counts.with_hours, counts.with_coordinates,
              read.skipped, read.warnings.size());
  return 0;
}

}  // namespace

int RunImport(const Config& config) {
  if (auto format = exchange::ParseFormat(config.format)) return ImportLibraryList(config, *format);
  auto db = OpenAndMigrate(config, /*create=*/true, 1);
  if (!db.ok()) return Fail(db.error().detail);
  return RunHsdsImport(*db.value(), config.format, config.input);
}

int RunExport(const Config& config) {
  if (!store::DatabaseExists(config.db)) return Fail(config.db + ": no such database");
  auto db = OpenAndMigrate(config, /*create=*/false, 1);
  if (!db.ok()) return Fail(db.error().detail);
  return RunHsdsExport(*db.value(), config.format, config.out);
}

int RunMigrate(const Config& config) {
  auto db = OpenAndMigrate(config, /*create=*/true, 1);
  if (!db.ok()) return Fail(db.error().detail);
  std::printf("%s: schema version %d\n", store::DatabaseName(config.db).c_str(), db.value()->SchemaVersion());
  return 0;
}

int RunDemo(const Config& config) {
  auto dataset = directory::ParseDemo(embedded::demo());
  if (!dataset.ok()) return Fail("demo data: " + dataset.error().detail);
  auto db = OpenAndMigrate(config, /*create=*/true, 1);
  if (!db.ok()) return Fail(db.error().detail);
  SystemClock clock;
  store::LoadDemo(*db.value(), dataset.value(), FormatRfc3339(clock.Now()));
  store::LoadSampleEvents(*db.value(), DemoFile("sample_events.json"), clock.Now());
  store::LoadSampleResources(*db.value(), DemoFile("sample_resources.json"), clock.Now());
  store::LoadDemoMethods(*db.value(), DemoFile("methods.json"), clock.Now());
  store::LoadSampleTraining(*db.value(), DemoFile("training.json"), FormatRfc3339(clock.Now()));
  store::LoadDemoGuides(*db.value(), DemoFile("guides.json"), clock.Now());
  store::LoadDemoPractices(*db.value(), DemoFile("practices.json"), clock.Now());
  auto counts = store::CountDemoRows(*db.value());
  std::printf("%s: demo data loaded (%s)\n", store::DatabaseName(config.db).c_str(), store::FormatDemoCounts(counts).c_str());
  return 0;
}

int RunServe(const Config& config) {
  auto listen = SplitListen(config.listen).value();
  int threads = WorkerThreads(config);

  FileSet web_files = FileSet::FromEmbedded(embedded::web());
  if (config.web_dir) {
    auto from_disk = FileSet::FromDirectory(*config.web_dir);
    if (!from_disk.ok()) return Fail(from_disk.error().detail);
    web_files = std::move(from_disk.value());
  }
  auto messages = web::i18n::Messages::Load(web_files.files());
  if (!messages.ok()) return Fail(messages.error().detail);
  for (const auto& locale : messages.value().Locales()) {
    auto missing = messages.value().MissingKeys(locale.code);
    if (missing.empty()) continue;
    spdlog::warn("locales/{}.po lacks {} message(s), shown in English, e.g. {}", locale.code,
                 missing.size(), missing.front());
  }
  auto templates = web::TemplateSet::Load(web_files.files(), [&](std::string_view key) {
    return messages.value().HasKey(key) && !messages.value().TakesArguments(key);
  });
  if (!templates.ok()) return Fail(templates.error().detail);
  // The phrasebook is checked like a catalogue: a phrase without a text in one of the site's
  // languages stops the start, never a page later.
  knowledge::Phrasebook phrasebook;
  {
    constexpr std::string_view kPhrasebookFile = "phrasebook/phrases.json";
    const embedded::File* file = nullptr;
    for (const embedded::File& f : web_files.files()) {
      if (f.path == kPhrasebookFile) file = &f;
    }
    if (file == nullptr) return Fail(std::string(kPhrasebookFile) + ": missing");
    std::vector<std::string> codes;
    for (const auto& locale : messages.value().Locales()) codes.push_back(locale.code);
    auto parsed = knowledge::ParsePhrasebook(file->bytes, codes);
    if (!parsed.ok()) return Fail(std::string(kPhrasebookFile) + ": " + parsed.error().detail);
    phrasebook = std::move(parsed.value());
  }

  if (!store::DatabaseExists(config.db)) {
    return Fail(config.db + ": no such database (create one with 'tilti demo --db " + config.db +
                "' or 'tilti migrate --db " + config.db + "')");
  }
  auto db = OpenAndMigrate(config, /*create=*/false, threads + 1);
  if (!db.ok()) return Fail(db.error().detail);

  Metrics metrics;
  SystemClock clock;
  store::Database& database = *db.value();
  metrics.AddGauge("tilti_db_file_bytes", "Size of the database file.",
                   [&database] { return database.FileBytes(); });
  metrics.AddGauge("tilti_db_schema_version", "Applied schema migration version.",
                   [&database] { return static_cast<double>(database.SchemaVersion()); });
  metrics.AddGauge("tilti_speech_audio_stored", "Spoken audio files kept in the database.",
                   [&database] {
                     return static_cast<double>(store::StoredSpokenWavCount(*database.Read()));
                   });

  // Occurrences are materialised 18 months ahead; the horizon moves each day.
  MaterialisationJob materialisation(database, clock, config.retention_days);

  // The site needs the public URL, which may depend on the port the server binds; the
  // server needs the site's handlers. Bind first, then build the site, then run.
  http::Router router;
  std::unique_ptr<web::Site> site;
  http::Handler dispatch;  // set before Run(); no request arrives before that

  http::ServerOptions options;
  options.host = listen.first;
  options.port = listen.second;
  options.threads = threads;
  options.max_body_bytes = config.max_body_bytes;
  options.max_upload_bytes = config.max_upload_bytes;
  // Only a signed-in user's form can carry files (the handlers check the session itself; this
  // only keeps large bodies from everyone else).
  options.may_upload = [](const http::Request& header) {
    auto type = header.Header("content-type");
    return header.method == "POST" && type &&
           http::AsciiIStartsWith(*type, "multipart/form-data") &&
           header.Cookie(web::kSessionCookie).has_value();
  };
  options.access_log = !config.quiet_access_log;
  http::Server server(
      options,
      [&dispatch](http::Request& request) { return dispatch(request); },
      [&site](int status, const http::Request& partial) { return site->ErrorPage(status, partial); },
      metrics);
  auto bound = server.Bind();
  if (!bound.ok()) return Fail(bound.error().detail);
  web::SiteOptions site_options;
  site_options.public_url =
      config.public_url.empty() ? "http://" + bound.value() : config.public_url;
  site_options.map_tiles = config.map_tiles;
  site_options.map_attribution = config.map_attribution;
  site_options.review = {config.review_texts, config.review_services};
  site_options.registrations_per_hour = config.registrations_per_hour;
  site_options.retention_days = config.retention_days;
  site = std::make_unique<web::Site>(site_options, messages.value(), std::move(templates.value()),
                                     std::make_unique<web::StaticAssets>(web_files.files()),
                                     database, metrics, clock, std::move(phrasebook));
  router = web::BuildRoutes(*site);
  dispatch = web::MakeDispatcher(router, *site);
  // Tests and scripts read this line to learn the port when --listen ends in :0.
  std::printf("tilti: listening on http://%s\n", bound.value().c_str());
  std::fflush(stdout);
  spdlog::info("serving {} with {} threads, database {}", bound.value(), threads, store::DatabaseName(config.db));
  server.Run();
  spdlog::info("stopped");
  return 0;
}

}  // namespace tilti::app

namespace tilti::app {

int RunRetention(const Config& config) {
  auto db = OpenAndMigrate(config, /*create=*/false, 1);
  if (!db.ok()) return Fail(db.error().detail);
  const SysTime now = config.now.empty() ? SystemClock().Now() : *ParseStoredRfc3339(config.now);
  const Erased erased = EraseExpiredPersonalData(*db.value(), now, config.retention_days);
  std::printf("%s: erased %d booking(s) and %d registration(s) whose time ended before %s\n",
              config.db.c_str(), erased.bookings, erased.registrations,
              FormatRfc3339(now - std::chrono::days{config.retention_days}).c_str());
  return 0;
}

int RunBackup(const Config& config) {
  auto pages = store::BackupDatabase(config.db, config.out);
  if (!pages.ok()) return Fail("backup: " + pages.error().detail);
  std::printf("%s: copied to %s (%d pages, checked)\n", config.db.c_str(), config.out.c_str(), pages.value());
  return 0;
}

int RunRoutes(const Config&) {
  for (const web::BackOfficeRoute& r : web::BackOfficeRoutes()) {
    std::printf("%.*s\t%.*s\t%.*s\t%.*s\n", static_cast<int>(r.method.size()), r.method.data(),
                static_cast<int>(r.pattern.size()), r.pattern.data(),
                static_cast<int>(web::ActionName(r.action).size()),
                web::ActionName(r.action).data(), static_cast<int>(web::ScopeName(r.scope).size()),
                web::ScopeName(r.scope).data());
  }
  return 0;
}

}  // namespace tilti::app
