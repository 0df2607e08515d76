#pragma once
// The composition root: the one place that builds and wires the long-lived objects.
#include <string>

#include "app/config.h"

namespace tilti::app {

// Each returns the process exit code; errors are printed as one clear line on stderr.
int RunServe(const Config& config);
int RunMigrate(const Config& config);
int RunDemo(const Config& config);
int RunImport(const Config& config);
int RunExport(const Config& config);
// Prints the back-office route table (web::BackOfficeRoutes), one tab-separated line each.
int RunRoutes(const Config& config);
// Erases bookings' personal data past the retention period (as the server does hourly).
int RunRetention(const Config& config);
int RunBackup(const Config& config);

}  // namespace tilti::app
