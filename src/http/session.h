#pragma once
// One accepted connection: reads requests with limits and timeouts, checks their framing,
// calls the handler and writes the responses, in order, until the connection ends.
// Internal to src/http: Beast and Asio types stay out of the public headers.
#include <atomic>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <optional>
#include <string>

#include "core/metrics.h"
#include "http/beast_message.h"
#include "http/request.h"
#include "http/request_id.h"
#include "http/server.h"

namespace tilti::http {

// What sessions share with the server. The server owns all of it and outlives every session.
struct SessionContext {
  const ServerOptions& options;
  const Handler& handler;
  const ErrorRenderer& error_renderer;
  Metrics& metrics;
  RequestIdGenerator& request_ids;
  const std::atomic<bool>& stopping;  // set once by Server::Stop
};

class Session {
 public:
  // `socket` must have a strand as its executor: Run, OnStop and ForceClose all run there.
  Session(boost::asio::ip::tcp::socket socket, SessionContext& context);

  // Serves requests until the peer closes, a timeout, an error the server answers itself
  // (then Connection: close), or shutdown. Never throws for network or protocol errors.
  boost::asio::awaitable<void> Run();

  // Shutdown began: closes the connection at once if it is waiting for a request; otherwise
  // the request in flight is answered with Connection: close. Call on executor().
  void OnStop();
  // The shutdown grace is over: closes the connection whatever it is doing. Call on executor().
  void ForceClose();

  boost::asio::any_io_executor executor() { return stream_.get_executor(); }

 private:
  // How the connection goes on after one request.
  enum class After { kKeepOpen, kLingerAndClose, kClose };
  using Parser = boost::beast::http::request_parser<boost::beast::http::string_body>;

  boost::asio::awaitable<bool> AwaitRequest(bool first);
  boost::asio::awaitable<After> ServeOne();
  boost::asio::awaitable<std::optional<After>> ReadRequest(Parser& parser, Request& request);
  boost::asio::awaitable<After> Respond(Parser& parser, Request& request);
  boost::asio::awaitable<After> Refuse(int status, Request& partial);
  boost::asio::awaitable<After> RefuseAfterReadError(const boost::beast::error_code& ec,
                                                     Request& partial);
  boost::asio::awaitable<bool> SendContinueIfExpected(const Request& request);
  boost::asio::awaitable<bool> Write(Response response, const WireContext& wire);
  boost::asio::awaitable<void> LingeringClose();
  Response Answer(Request& request) const;
  void AssignRequestId(Request& request) const;

  SessionContext& context_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::string remote_address_;
  // True while nothing is owed to the client (waiting for a request, or lingering after the
  // last response), so shutdown may close the connection at once. Touched only on the strand.
  bool idle_ = false;
};

}  // namespace tilti::http
