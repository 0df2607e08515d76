// tilti: one binary, several sub-commands. Parse the configuration, run the command.
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/config.h"
#include "app/user_commands.h"
#include "core/log.h"

extern char** environ;

namespace {

int Run(const tilti::app::Config& c) {
  if (c.command == "serve") return tilti::app::RunServe(c);
  if (c.command == "migrate") return tilti::app::RunMigrate(c);
  if (c.command == "demo") return tilti::app::RunDemo(c);
  if (c.command == "import") return tilti::app::RunImport(c);
  if (c.command == "export") return tilti::app::RunExport(c);
  if (c.command == "user") return tilti::app::RunUser(c);
  if (c.command == "routes") return tilti::app::RunRoutes(c);
  if (c.command == "retention") return tilti::app::RunRetention(c);
  if (c.command == "backup") return tilti::app::RunBackup(c);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::map<std::string, std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string kv(*e);
    if (auto eq = kv.find('='); eq != std::string::npos && kv.starts_with("TILTI_")) {
      env[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
  }
  auto config = tilti::app::ParseConfig(args, env);
  if (!config.ok()) {
    std::fprintf(stderr, "tilti: %s\n", config.error().detail.c_str());
    return 2;
  }
  const auto& c = config.value();
  if (c.help || c.command == "help") {
    std::fputs(tilti::app::HelpText(c.command == "help" ? "" : c.command).c_str(), stdout);
    return 0;
  }
  tilti::log::Init(c.verbose);
  // A command reports what it expects to fail (a missing file, a refused row) itself; anything
  // else the store throws (the database gone or broken mid-command) ends here as one line
  // instead of std::terminate's abort.
  try {
    return Run(c);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tilti %s: %s\n", c.command.c_str(), e.what());
    return 1;
  }
}
