#pragma once
// An HTTP/1.1 server (Boost.Beast) with keep-alive, limits and timeouts on every connection,
// strict framing checks (QUALITY.md R5) and graceful shutdown. It calls a plain handler
// function that returns a Response and never touches the socket.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/error.h"
#include "core/metrics.h"
#include "http/request.h"
#include "http/router.h"

namespace tilti::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;                     // 0 picks a free port; see Server::Bind
  int threads = 0;                          // 0: one per core
  size_t max_header_bytes = 8 * 1024;       // larger -> 431 and close
  size_t max_body_bytes = 1024 * 1024;      // larger -> 413 and close
  // The body of a request `may_upload` accepts, from its header (the app: multipart forms of
  // signed-in users), may be up to max_upload_bytes; every other body is held to
  // max_body_bytes. The handler then checks each file against its own, smaller limit and says
  // so in the user's language.
  size_t max_upload_bytes = 20 * 1024 * 1024;
  std::function<bool(const Request& header)> may_upload;  // empty: no request may
  size_t max_connections = 4096;            // more -> accepted and closed at once
  std::chrono::milliseconds header_timeout{10'000};  // first byte to end of header
  std::chrono::milliseconds body_timeout{30'000};    // end of header to end of body
  std::chrono::milliseconds idle_timeout{30'000};    // keep-alive wait for the next request
  std::chrono::milliseconds write_timeout{30'000};
  std::chrono::milliseconds shutdown_grace{10'000};  // in-flight requests may finish
  bool access_log = true;
};

// Renders an error the server detects itself (400, 413, 431, 500, 503) for a request whose
// header may be only partly known; the web layer uses it to answer in the user's language.
using ErrorRenderer = std::function<Response(int status, const Request& partial)>;

class Server {
 public:
  Server(ServerOptions options, Handler handler, ErrorRenderer error_renderer, Metrics& metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens. Returns "host:port" actually bound (useful with port 0), or an Error
  // (code kUnavailable, detail says why, e.g. "127.0.0.1:8080: address already in use").
  Result<std::string> Bind();

  // Serves until Stop() is called or SIGINT/SIGTERM arrives; then stops accepting, lets
  // in-flight requests finish within shutdown_grace, closes idle connections and returns.
  void Run();

  // Thread-safe; may be called from any thread or a signal context via asio.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tilti::http
