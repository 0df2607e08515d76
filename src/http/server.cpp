#include "http/server.h"

#include <algorithm>
#include <array>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <csignal>
#include <exception>
#include <mutex>
#include <random>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/log.h"
#include "http/beast_message.h"
#include "http/error_response.h"
#include "http/exchange_log.h"
#include "http/request_id.h"
#include "http/session.h"

namespace tilti::http {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using SystemError = boost::system::error_code;

// Shared with the metrics gauges, which may be read after the server is gone.
struct ConnectionCounters {
  std::atomic<size_t> open{0};
  std::atomic<uint64_t> accepted{0};
};

std::string Describe(const tcp::endpoint& endpoint) {
  std::string address = endpoint.address().to_string();
  if (endpoint.address().is_v6()) address = "[" + address + "]";
  return address + ":" + std::to_string(endpoint.port());
}

Error Unavailable(const std::string& where, const std::string& why) {
  return Error{ErrorCode::kUnavailable, where + ": " + why, {}};
}

void LogIfThrew(std::exception_ptr e, std::string_view what) {
  if (!e) return;
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& ex) {
    spdlog::error("{} failed: {}", what, ex.what());
  } catch (...) {
    spdlog::error("{} failed", what);
  }
}

}  // namespace

class Server::Impl {
 public:
  Impl(ServerOptions options, Handler handler, ErrorRenderer error_renderer, Metrics& metrics)
      : options_(std::move(options)),
        handler_(std::move(handler)),
        error_renderer_(std::move(error_renderer)),
        metrics_(metrics),
        request_ids_(std::random_device{}()) {}

  Result<std::string> Bind();
  void Run();
  void Stop();
  std::shared_ptr<const ConnectionCounters> counters() const { return counters_; }

 private:
  SystemError Listen(const tcp::endpoint& endpoint);
  size_t ThreadCount() const;
  void BeginShutdown();
  net::awaitable<void> Accept();
  void Start(tcp::socket socket);
  void RejectBusy(tcp::socket socket);
  void Finished(uint64_t session_id);
  std::vector<std::shared_ptr<Session>> Sessions();

  const ServerOptions options_;
  const Handler handler_;
  const ErrorRenderer error_renderer_;
  Metrics& metrics_;
  RequestIdGenerator request_ids_;
  const std::shared_ptr<ConnectionCounters> counters_ = std::make_shared<ConnectionCounters>();
  std::atomic<bool> stopping_{false};
  SessionContext context_{options_, handler_, error_renderer_, metrics_, request_ids_, stopping_};

  std::mutex mu_;
  // Guarded by mu_: the sessions that shutdown must reach. Each session's coroutine owns it.
  std::unordered_map<uint64_t, std::weak_ptr<Session>> sessions_;
  uint64_t next_session_id_ = 0;

  // Declared after everything sessions use, so that pending coroutines are destroyed first.
  net::io_context io_;
  // The acceptor, the signals and the grace timer are used only on this strand.
  net::strand<net::io_context::executor_type> strand_ = net::make_strand(io_);
  tcp::acceptor acceptor_{strand_};
  net::signal_set signals_{strand_};
  net::steady_timer grace_timer_{strand_};
};

Result<std::string> Server::Impl::Bind() {
  if (acceptor_.is_open()) return Describe(acceptor_.local_endpoint());
  std::string where = options_.host + ":" + std::to_string(options_.port);
  SystemError ec;
  tcp::resolver resolver(io_);
  auto endpoints = resolver.resolve(options_.host, std::to_string(options_.port),
                                    tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec) return Unavailable(where, ec.message());
  for (const auto& entry : endpoints) {
    ec = Listen(entry.endpoint());
    if (!ec) {
      // Signals are caught from the moment we listen: a caller that announces the address
      // may be stopped at once, before Run() starts, and must still shut down cleanly.
      SystemError ignored;
      signals_.add(SIGINT, ignored);
      signals_.add(SIGTERM, ignored);
      signals_.async_wait([this](const SystemError& error, int) {
        if (!error) Stop();
      });
      return Describe(acceptor_.local_endpoint());
    }
  }
  return Unavailable(where, ec ? ec.message() : "no address");
}

SystemError Server::Impl::Listen(const tcp::endpoint& endpoint) {
  SystemError ec;
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    SystemError ignored;
    acceptor_.close(ignored);
  }
  return ec;
}

size_t Server::Impl::ThreadCount() const {
  if (options_.threads > 0) return static_cast<size_t>(options_.threads);
  return std::max(1u, std::thread::hardware_concurrency());
}

void Server::Impl::Run() {
  // Run without Bind binds here; a caller that wants the error as a value calls Bind first.
  if (Result<std::string> bound = Bind(); !bound) {
    spdlog::error("cannot listen: {}", bound.error().detail);
    return;
  }
  net::co_spawn(strand_, Accept(), [](std::exception_ptr e) { LogIfThrew(e, "accept loop"); });

  // No work guard: run() returns once the acceptor, the signals and every connection are done.
  std::vector<std::jthread> workers;
  for (size_t i = 1; i < ThreadCount(); ++i) workers.emplace_back([this] { io_.run(); });
  io_.run();
}

void Server::Impl::Stop() {
  if (stopping_.exchange(true)) return;
  net::post(strand_, [this] { BeginShutdown(); });
}

void Server::Impl::BeginShutdown() {
  SystemError ignored;
  acceptor_.close(ignored);
  signals_.cancel(ignored);
  // A second Ctrl-C now gets the default action and ends the process at once.
  signals_.clear(ignored);
  for (auto& session : Sessions()) {
    net::post(session->executor(), [session] { session->OnStop(); });
  }
  // Finished() cancels the timer when the last connection ends; it posts to this strand, so
  // it cannot slip in between this check and the wait.
  if (counters_->open.load() == 0) return;
  grace_timer_.expires_after(options_.shutdown_grace);
  grace_timer_.async_wait([this](const SystemError& error) {
    if (error) return;  // every connection finished in time
    spdlog::warn("shutdown grace over, closing {} connections", counters_->open.load());
    for (auto& session : Sessions()) {
      net::post(session->executor(), [session] { session->ForceClose(); });
    }
  });
}

net::awaitable<void> Server::Impl::Accept() {
  for (;;) {
    SystemError ec;
    // Each connection gets its own strand: handlers run on several threads, and shutdown
    // reaches a session by posting to that strand.
    auto socket = co_await acceptor_.async_accept(net::make_strand(io_),
                                                  net::redirect_error(net::use_awaitable, ec));
    if (stopping_.load() || ec == net::error::operation_aborted) co_return;
    if (ec) {
      // Usually out of file descriptors: pause instead of spinning on the error.
      spdlog::warn("accept failed: {}", ec.message());
      net::steady_timer pause(strand_, std::chrono::milliseconds(100));
      co_await pause.async_wait(net::redirect_error(net::use_awaitable, ec));
      continue;
    }
    counters_->accepted++;
    if (counters_->open.load() >= options_.max_connections) {
      RejectBusy(tcp::socket(std::move(socket)));
      continue;
    }
    Start(tcp::socket(std::move(socket)));
  }
}

void Server::Impl::Start(tcp::socket socket) {
  auto session = std::make_shared<Session>(std::move(socket), context_);
  counters_->open++;
  uint64_t id;
  {
    std::lock_guard lock(mu_);
    id = next_session_id_++;
    sessions_.emplace(id, session);
  }
  net::co_spawn(
      session->executor(), [session] { return session->Run(); },
      [this, id](std::exception_ptr e) {
        LogIfThrew(e, "connection");
        Finished(id);
      });
}

// Beyond the cap a connection costs one small write that never waits, then it is closed:
// anything slower would let a flood of connections hold the server's resources anyway.
void Server::Impl::RejectBusy(tcp::socket socket) {
  Request partial;
  SystemError ec;
  auto peer = socket.remote_endpoint(ec);
  if (!ec) partial.remote_address = peer.address().to_string();
  partial.request_id = request_ids_.Next();
  Response response = RenderServerError(error_renderer_, 503, partial);
  response.Set("Retry-After", "1");
  std::string bytes = SerializeResponse(std::move(response),
                                        {.keep_alive = false, .request_id = partial.request_id});
  socket.non_blocking(true, ec);
  socket.write_some(net::buffer(bytes), ec);
  socket.shutdown(tcp::socket::shutdown_send, ec);
  // Read what already arrived so that close() sends FIN, not a reset that could discard the
  // 503 before the client reads it.
  std::array<char, 4096> discard;
  for (int i = 0; i < 16 && !ec; ++i) socket.read_some(net::buffer(discard), ec);
  socket.close(ec);
  RecordExchange({"-", "-", 503, std::chrono::microseconds(0), partial.request_id},
                 options_.access_log, metrics_);
}

void Server::Impl::Finished(uint64_t session_id) {
  {
    std::lock_guard lock(mu_);
    sessions_.erase(session_id);
  }
  size_t left = --counters_->open;
  // The last connection gone ends the grace period early, letting Run return.
  if (left == 0 && stopping_.load()) {
    net::post(strand_, [this] { grace_timer_.cancel(); });
  }
}

std::vector<std::shared_ptr<Session>> Server::Impl::Sessions() {
  std::vector<std::shared_ptr<Session>> out;
  std::lock_guard lock(mu_);
  for (auto& [id, weak] : sessions_) {
    if (auto session = weak.lock()) out.push_back(std::move(session));
  }
  return out;
}

Server::Server(ServerOptions options, Handler handler, ErrorRenderer error_renderer,
               Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler),
                                   std::move(error_renderer), metrics)) {
  std::shared_ptr<const ConnectionCounters> counters = impl_->counters();
  metrics.AddGauge("tilti_http_open_connections", "Open HTTP connections.",
                   [counters] { return static_cast<double>(counters->open.load()); });
  metrics.AddGauge("tilti_http_connections_total", "HTTP connections accepted since start.",
                   [counters] { return static_cast<double>(counters->accepted.load()); });
}

Server::~Server() = default;

Result<std::string> Server::Bind() { return impl_->Bind(); }

void Server::Run() { impl_->Run(); }

void Server::Stop() { impl_->Stop(); }

}  // namespace tilti::http
