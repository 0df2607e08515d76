#include "http/session.h"

#include <algorithm>
#include <array>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <chrono>
#include <exception>

#include "core/log.h"
#include "http/ascii.h"
#include "http/error_response.h"
#include "http/exchange_log.h"
#include "http/framing.h"
#include "http/request_target.h"

namespace tilti::http {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using SteadyClock = std::chrono::steady_clock;

// After answering with Connection: close the server reads and discards what the client may
// still be sending (e.g. the body of a refused upload) for a short while: closing a socket
// with unread input sends a reset, which can destroy the response before the client reads it.
constexpr auto kLingerTime = std::chrono::seconds(2);
constexpr size_t kLingerBytes = 1024 * 1024;
constexpr size_t kFirstReadBytes = 4096;

auto Redirect(beast::error_code& ec) { return net::redirect_error(net::use_awaitable, ec); }

// The status the server answers when reading a request failed, or 0 when there is nobody
// to answer: the peer went away, a timeout expired or the connection was closed for shutdown.
int StatusForReadError(const beast::error_code& ec) {
  if (ec == bhttp::error::header_limit) return 431;
  if (ec == bhttp::error::body_limit) return 413;
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return 0;
  if (ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category()) return 400;
  return 0;
}

std::chrono::microseconds Since(SteadyClock::time_point start) {
  return std::chrono::duration_cast<std::chrono::microseconds>(SteadyClock::now() - start);
}

std::string RemoteAddress(const net::ip::tcp::socket& socket) {
  beast::error_code ec;
  auto endpoint = socket.remote_endpoint(ec);
  return ec ? std::string() : endpoint.address().to_string();
}

}  // namespace

Session::Session(net::ip::tcp::socket socket, SessionContext& context)
    : context_(context),
      stream_(std::move(socket)),
      remote_address_(RemoteAddress(stream_.socket())) {}

net::awaitable<void> Session::Run() {
  for (bool first = true;; first = false) {
    if (!co_await AwaitRequest(first)) break;
    After after = co_await ServeOne();
    if (after == After::kClose) break;
    if (after == After::kLingerAndClose) {
      co_await LingeringClose();
      break;
    }
  }
  beast::error_code ignored;
  stream_.socket().close(ignored);
}

void Session::OnStop() {
  if (idle_) stream_.close();
}

void Session::ForceClose() { stream_.close(); }

// Waits for the first byte of the next request: the header timeout starts only then, and a
// kept-alive connection gets the (usually longer) idle timeout for the wait. A fresh
// connection is held to the header timeout from the start, as a client that connects and
// says nothing is a slow client, not an idle one.
net::awaitable<bool> Session::AwaitRequest(bool first) {
  if (context_.stopping.load()) co_return false;
  const ServerOptions& options = context_.options;
  if (buffer_.size() > 0) {  // a pipelined request is already here
    stream_.expires_after(options.header_timeout);
    co_return true;
  }
  stream_.expires_after(first ? options.header_timeout : options.idle_timeout);
  beast::error_code ec;
  idle_ = true;
  size_t n = co_await stream_.async_read_some(buffer_.prepare(kFirstReadBytes), Redirect(ec));
  idle_ = false;
  if (ec) co_return false;
  buffer_.commit(n);
  if (!first) stream_.expires_after(options.header_timeout);
  co_return true;
}

net::awaitable<Session::After> Session::ServeOne() {
  Parser parser;
  parser.header_limit(static_cast<std::uint32_t>(context_.options.max_header_bytes));
  // The largest body any request may have; ReadRequest narrows it once the header is known
  // (Beast checks a Content-Length against the limit while reading the header).
  const ServerOptions& options = context_.options;
  parser.body_limit(options.may_upload ? std::max(options.max_body_bytes, options.max_upload_bytes)
                                       : options.max_body_bytes);
  Request request;
  if (std::optional<After> refused = co_await ReadRequest(parser, request)) co_return *refused;
  co_return co_await Respond(parser, request);
}

// Reads one request into `request`. Returns nothing when it is ready for the handler, or how
// the connection goes on after the server refused it (or the peer went away).
net::awaitable<std::optional<Session::After>> Session::ReadRequest(Parser& parser,
                                                                   Request& request) {
  request.remote_address = remote_address_;
  beast::error_code ec;
  co_await bhttp::async_read_header(stream_, buffer_, parser, Redirect(ec));
  CopyHeader(parser.get(), request);
  AssignRequestId(request);
  if (ec) co_return co_await RefuseAfterReadError(ec, request);
  // Beast 1.81 enforces header_limit per parse step, so many small fields can add up to about
  // twice the limit before it objects; count the whole header ourselves.
  if (HeaderBytes(request) > context_.options.max_header_bytes) {
    co_return co_await Refuse(431, request);
  }

  if (auto problem = FramingProblem(parser.get().version(), request.headers)) {
    spdlog::debug("rid={} refused: {}", request.request_id, *problem);
    co_return co_await Refuse(400, request);
  }
  // The body's limit, from the header alone (the path is not known yet, so a refusal is in the
  // language of Accept-Language, like the other header-time refusals).
  const ServerOptions& options = context_.options;
  const size_t body_limit = options.may_upload && options.may_upload(request)
                                ? std::max(options.max_body_bytes, options.max_upload_bytes)
                                : options.max_body_bytes;
  if (auto length = parser.content_length(); length && *length > body_limit) {
    co_return co_await Refuse(413, request);
  }
  parser.body_limit(body_limit);

  std::optional<RequestTarget> target = ParseRequestTarget(request.target);
  if (!target) co_return co_await Refuse(400, request);
  request.path = std::move(target->path);
  request.query = std::move(target->query);

  if (!parser.is_done()) {
    if (!co_await SendContinueIfExpected(request)) co_return After::kClose;
    stream_.expires_after(context_.options.body_timeout);
    co_await bhttp::async_read(stream_, buffer_, parser, Redirect(ec));
    if (ec) co_return co_await RefuseAfterReadError(ec, request);
  }
  stream_.expires_never();
  request.body = std::move(parser.get().body());
  co_return std::nullopt;
}

net::awaitable<Session::After> Session::Respond(Parser& parser, Request& request) {
  WireContext wire{.version = parser.get().version(),
                   .keep_alive = parser.get().keep_alive(),
                   .head = parser.get().method() == bhttp::verb::head,
                   .request_id = request.request_id};
  auto started = SteadyClock::now();
  Response response = Answer(request);
  RecordExchange(
      {request.method, response.route, response.status, Since(started), request.request_id},
      context_.options.access_log, context_.metrics);
  auto connection = response.Header("Connection");
  if (context_.stopping.load() || (connection && AsciiIEquals(*connection, "close"))) {
    wire.keep_alive = false;
  }
  if (!co_await Write(std::move(response), wire)) co_return After::kClose;
  co_return wire.keep_alive ? After::kKeepOpen : After::kLingerAndClose;
}

net::awaitable<Session::After> Session::RefuseAfterReadError(const beast::error_code& ec,
                                                             Request& partial) {
  int status = StatusForReadError(ec);
  if (status == 0) co_return After::kClose;
  co_return co_await Refuse(status, partial);
}

// Errors the server finds itself end the connection: after a framing or size error the
// server can no longer tell where the next request would start.
net::awaitable<Session::After> Session::Refuse(int status, Request& partial) {
  Response response = RenderServerError(context_.error_renderer, status, partial);
  RecordExchange({partial.method, "-", status, std::chrono::microseconds(0), partial.request_id},
                 context_.options.access_log, context_.metrics);
  WireContext wire{.version = 11,
                   .keep_alive = false,
                   .head = partial.method == "HEAD",
                   .request_id = partial.request_id};
  if (!co_await Write(std::move(response), wire)) co_return After::kClose;
  co_return After::kLingerAndClose;
}

// Clients that sent "Expect: 100-continue" wait for this before sending the body.
net::awaitable<bool> Session::SendContinueIfExpected(const Request& request) {
  auto expect = request.Header("Expect");
  if (!expect || !AsciiIEquals(*expect, "100-continue")) co_return true;
  bhttp::response<bhttp::empty_body> proceed{bhttp::status::continue_, 11};
  stream_.expires_after(context_.options.write_timeout);
  beast::error_code ec;
  co_await bhttp::async_write(stream_, proceed, Redirect(ec));
  co_return !ec;
}

net::awaitable<bool> Session::Write(Response response, const WireContext& wire) {
  BeastResponse message = ToBeastResponse(std::move(response), wire);
  stream_.expires_after(context_.options.write_timeout);
  beast::error_code ec;
  co_await bhttp::async_write(stream_, message, Redirect(ec));
  stream_.expires_never();
  co_return !ec;
}

net::awaitable<void> Session::LingeringClose() {
  beast::error_code ec;
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ec);
  if (ec) co_return;
  stream_.expires_after(kLingerTime);
  std::array<char, 4096> discard;
  size_t total = 0;
  idle_ = true;
  while (!ec && total < kLingerBytes) {
    total += co_await stream_.async_read_some(net::buffer(discard), Redirect(ec));
  }
  idle_ = false;
}

// Exceptions from the handler are unexpected by definition (STYLE.md habit 7): they are
// logged once, here, and the user sees the error renderer's 500 page.
Response Session::Answer(Request& request) const {
  Response response;
  try {
    response = context_.handler(request);
  } catch (const std::exception& e) {
    spdlog::error("rid={} handler failed: {}", request.request_id, e.what());
    return RenderServerError(context_.error_renderer, 500, request);
  } catch (...) {
    spdlog::error("rid={} handler failed with a non-standard exception", request.request_id);
    return RenderServerError(context_.error_renderer, 500, request);
  }
  if (auto problem = ResponseProblem(response)) {
    spdlog::error("rid={} handler returned an unwritable response: {}", request.request_id,
                  *problem);
    return RenderServerError(context_.error_renderer, 500, request);
  }
  return response;
}

void Session::AssignRequestId(Request& request) const {
  auto sent = request.Header("X-Request-Id");
  request.request_id =
      sent && IsAcceptableRequestId(*sent) ? std::string(*sent) : context_.request_ids.Next();
}

}  // namespace tilti::http
