// Behaviour tests of the real server over raw TCP sockets (QUALITY.md R4, R5). Every wait has
// a generous limit so that a loaded machine slows the tests down instead of failing them;
// timeouts that must NOT fire are set far above those limits.
#include "http/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <thread>

namespace tilti::http {
namespace {

using namespace std::chrono_literals;

// Longest a test waits for something that should happen.
constexpr auto kPatience = 10s;
// For timeouts a test must not run into.
constexpr std::chrono::milliseconds kNever = 60s;

struct Reply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-cased names
  std::string body;
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// A blocking client on a plain POSIX socket, so the tests see exactly the bytes on the wire.
class Client {
 public:
  explicit Client(uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{.tv_sec = std::chrono::seconds(kPatience).count(), .tv_usec = 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~Client() { Close(); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  bool connected() const { return connected_; }

  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

  bool Send(std::string_view data) {
    while (!data.empty()) {
      ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      data.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }

  // Reads one response (skipping 100 Continue unless asked); nothing on close or timeout.
  std::optional<Reply> Read(bool head_request = false, bool keep_interim = false) {
    for (;;) {
      std::optional<Reply> reply = ReadOne(head_request);
      if (!reply || reply->status != 100 || keep_interim) return reply;
    }
  }

  // True once the server has closed the connection (EOF or reset); false if it stays open
  // for kPatience. Bytes that arrive first are discarded.
  bool WaitClosed() {
    buffer_.clear();
    char chunk[4096];
    for (;;) {
      ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n == 0) return true;
      if (n < 0) return errno == ECONNRESET || errno == EPIPE;
    }
  }

 private:
  bool Fill() {
    char chunk[4096];
    ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<size_t>(n));
    return true;
  }

  std::optional<Reply> ReadOne(bool head_request) {
    size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) return std::nullopt;
    }
    std::string head = buffer_.substr(0, end + 2);
    buffer_.erase(0, end + 4);
    Reply reply;
    if (head.size() < 12 || !head.starts_with("HTTP/1.")) return std::nullopt;
    reply.status = std::stoi(head.substr(9, 3));
    size_t pos = head.find("\r\n") + 2;
    while (pos < head.size()) {
      size_t eol = head.find("\r\n", pos);
      std::string line = head.substr(pos, eol - pos);
      pos = eol + 2;
      size_t colon = line.find(':');
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(), ::tolower);
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      reply.headers[name] = value;
    }
    if (head_request || reply.status == 100) return reply;
    size_t length =
        std::stoul(reply.Header("content-length").empty() ? "0" : reply.Header("content-length"));
    while (buffer_.size() < length) {
      if (!Fill()) return std::nullopt;
    }
    reply.body = buffer_.substr(0, length);
    buffer_.erase(0, length);
    return reply;
  }

  int fd_ = -1;
  bool connected_ = false;
  std::string buffer_;
};

std::string Get(std::string_view path, std::string_view extra = "") {
  return "GET " + std::string(path) + " HTTP/1.1\r\nHost: test\r\n" + std::string(extra) + "\r\n";
}

// Lets a test hold a handler inside the server until it says go.
class Gate {
 public:
  void Enter() {
    std::unique_lock lock(mu_);
    entered_ = true;
    cv_.notify_all();
    cv_.wait_for(lock, kPatience, [this] { return open_; });
  }
  bool WaitEntered() {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, kPatience, [this] { return entered_; });
  }
  void Open() {
    std::lock_guard lock(mu_);
    open_ = true;
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool entered_ = false, open_ = false;
};

class ServerTest : public ::testing::Test {
 protected:
  static ServerOptions Options() {
    ServerOptions o;
    o.host = "127.0.0.1";
    o.port = 0;
    o.threads = 2;
    o.max_header_bytes = 8 * 1024;
    o.max_body_bytes = 1024;
    o.header_timeout = kNever;
    o.body_timeout = kNever;
    o.idle_timeout = kNever;
    o.write_timeout = kNever;
    o.shutdown_grace = kNever;
    o.access_log = false;
    return o;
  }

  void Start(ServerOptions options = Options()) {
    server_ = std::make_unique<Server>(
        std::move(options), [this](Request& r) { return Handle(r); },
        [this](int status, const Request& r) { return RenderError(status, r); }, metrics_);
    Result<std::string> bound = server_->Bind();
    ASSERT_TRUE(bound.ok()) << bound.error().detail;
    port_ = static_cast<uint16_t>(std::stoi(bound.value().substr(bound.value().rfind(':') + 1)));
    std::promise<void> done;
    run_finished_ = done.get_future();
    runner_ = std::thread([this, done = std::move(done)]() mutable {
      server_->Run();
      done.set_value();
    });
  }

  // True if Run() returned within kPatience.
  bool StopAndWait() {
    if (!server_) return true;
    server_->Stop();
    bool returned = run_finished_.wait_for(kPatience) == std::future_status::ready;
    gate_.Open();  // never leave a handler blocked behind a failed test
    if (runner_.joinable()) runner_.join();
    return returned;
  }

  void TearDown() override { StopAndWait(); }

  Response Handle(Request& r) {
    Response out;
    out.Set("Content-Type", "text/plain");
    if (r.path.starts_with("/hello")) {
      out.route = "/hello";
      out.body = "hello " + r.path;
    } else if (r.path == "/echo") {
      out.route = "/echo";
      out.body = r.method + ":" + r.body;
    } else if (r.path == "/inspect") {
      out.body = "rid=" + r.request_id + " remote=" + r.remote_address + " query=" + r.query;
    } else if (r.path == "/throw") {
      throw std::runtime_error("handler exploded");
    } else if (r.path == "/inject") {
      out.Set("Location", "/x\r\nSet-Cookie: evil=1");
    } else if (r.path == "/slow") {
      gate_.Enter();
      out.body = "slow done";
    } else {
      out.status = 404;
      out.body = "not found";
    }
    return out;
  }

  Response RenderError(int status, const Request& partial) {
    if (renderer_throws_) throw std::runtime_error("renderer exploded");
    Response out;
    out.status = status;
    out.body = "rendered " + std::to_string(status) + " for '" + partial.method + "'";
    return out;
  }

  Metrics metrics_;
  std::unique_ptr<Server> server_;
  std::thread runner_;
  std::future<void> run_finished_;
  uint16_t port_ = 0;
  Gate gate_;
  std::atomic<bool> renderer_throws_{false};
};

TEST_F(ServerTest, ServesTwoRequestsOnOneKeptAliveConnection) {
  Start();
  Client c(port_);
  ASSERT_TRUE(c.Send(Get("/hello/1")));
  auto first = c.Read();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(first->body, "hello /hello/1");
  EXPECT_EQ(first->Header("content-length"), "14");
  EXPECT_EQ(first->Header("content-type"), "text/plain");
  EXPECT_EQ(first->Header("server"), "");
  EXPECT_EQ(first->Header("connection"), "");
  ASSERT_TRUE(c.Send(Get("/hello/2")));
  auto second = c.Read();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->body, "hello /hello/2");
  EXPECT_NE(first->Header("x-request-id"), second->Header("x-request-id"));
  EXPECT_EQ(first->Header("x-request-id").size(), 16u);
}

TEST_F(ServerTest, HandlerNotFoundIsPassedThrough) {
  Start();
  Client c(port_);
  c.Send(Get("/nowhere"));
  auto reply = c.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 404);
  EXPECT_EQ(reply->body, "not found");
}

TEST_F(ServerTest, RequestCarriesDecodedPathRawQueryAndAddress) {
  Start();
  Client c(port_);
  c.Send(Get("/insp%65ct?q=R%C4%93zekne+x"));
  auto reply = c.Read();
  ASSERT_TRUE(reply);
  EXPECT_NE(reply->body.find("remote=127.0.0.1"), std::string::npos) << reply->body;
  EXPECT_NE(reply->body.find("query=q=R%C4%93zekne+x"), std::string::npos) << reply->body;
}

TEST_F(ServerTest, ReusesSafeClientRequestIdOnly) {
  Start();
  Client c(port_);
  c.Send(Get("/inspect", "X-Request-Id: trace-42.a_b\r\n"));
  auto reused = c.Read();
  ASSERT_TRUE(reused);
  EXPECT_EQ(reused->Header("x-request-id"), "trace-42.a_b");
  EXPECT_NE(reused->body.find("rid=trace-42.a_b"), std::string::npos);
  c.Send(Get("/inspect", "X-Request-Id: bad id\r\n"));
  auto replaced = c.Read();
  ASSERT_TRUE(replaced);
  EXPECT_EQ(replaced->Header("x-request-id").size(), 16u);
}

TEST_F(ServerTest, HeadGetsHeadersWithGetLengthAndNoBody) {
  Start();
  Client c(port_);
  c.Send("HEAD /hello HTTP/1.1\r\nHost: test\r\n\r\n");
  auto head = c.Read(/*head_request=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->Header("content-length"), "12");
  // Were a body sent after the HEAD response, it would be read as the next status line.
  c.Send(Get("/hello"));
  auto get = c.Read();
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 200);
  EXPECT_EQ(get->body, "hello /hello");
}

TEST_F(ServerTest, UnknownMethodReachesHandlerAsSent) {
  Start();
  Client c(port_);
  c.Send("FROB /echo HTTP/1.1\r\nHost: test\r\n\r\n");
  auto reply = c.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->body, "FROB:");
}

TEST_F(ServerTest, ReadsContentLengthAndChunkedBodies) {
  Start();
  Client c(port_);
  c.Send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\n\r\nhello");
  auto plain = c.Read();
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->body, "POST:hello");
  c.Send(
      "POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
      "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
  auto chunked = c.Read();
  ASSERT_TRUE(chunked);
  EXPECT_EQ(chunked->status, 200);
  EXPECT_EQ(chunked->body, "POST:abcde");
}

TEST_F(ServerTest, AnswersExpectContinueBeforeReadingBody) {
  Start();
  Client c(port_);
  c.Send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n");
  auto interim = c.Read(false, /*keep_interim=*/true);
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  c.Send("ok");
  auto reply = c.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->body, "POST:ok");
}

TEST_F(ServerTest, AnswersPipelinedRequestsInOrder) {
  Start();
  Client c(port_);
  c.Send(Get("/hello/1") + "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 3\r\n\r\nabc" +
         Get("/hello/3"));
  auto r1 = c.Read();
  auto r2 = c.Read();
  auto r3 = c.Read();
  ASSERT_TRUE(r1 && r2 && r3);
  EXPECT_EQ(r1->body, "hello /hello/1");
  EXPECT_EQ(r2->body, "POST:abc");
  EXPECT_EQ(r3->body, "hello /hello/3");
}

TEST_F(ServerTest, ConnectionCloseIsHonoured) {
  Start();
  Client c(port_);
  c.Send(Get("/hello", "Connection: close\r\n"));
  auto reply = c.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->Header("connection"), "close");
  EXPECT_TRUE(c.WaitClosed());
}

TEST_F(ServerTest, Http10ClosesUnlessKeepAliveAsked) {
  Start();
  Client plain(port_);
  plain.Send("GET /hello HTTP/1.0\r\n\r\n");
  auto reply = plain.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_TRUE(plain.WaitClosed());

  Client kept(port_);
  kept.Send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  reply = kept.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->Header("connection"), "keep-alive");
  kept.Send("GET /hello/again HTTP/1.0\r\n\r\n");
  reply = kept.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->body, "hello /hello/again");
}

TEST_F(ServerTest, HandlerThatThrowsGetsRenderedServerError) {
  Start();
  Client c(port_);
  c.Send(Get("/throw"));
  auto reply = c.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 500);
  EXPECT_EQ(reply->body, "rendered 500 for 'GET'");
  EXPECT_EQ(reply->Header("x-request-id").size(), 16u);
  // A handler failure is not a protocol failure: the connection stays usable.
  c.Send(Get("/hello"));
  reply = c.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
}

TEST_F(ServerTest, ThrowingErrorRendererFallsBackToPlainText) {
  Start();
  renderer_throws_ = true;
  Client c(port_);
  c.Send(Get("/throw"));
  auto reply = c.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 500);
  EXPECT_EQ(reply->body, "500\n");
}

TEST_F(ServerTest, ResponseHeaderInjectionBecomesServerError) {
  Start();
  Client c(port_);
  c.Send(Get("/inject"));
  auto reply = c.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 500);
  EXPECT_EQ(reply->Header("set-cookie"), "");
}

TEST_F(ServerTest, OversizedHeaderGets431AndClose) {
  Start();
  Client c(port_);
  c.Send(Get("/hello", "X-Big: " + std::string(9000, 'a') + "\r\n"));
  auto reply = c.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 431);
  EXPECT_TRUE(reply->body.starts_with("rendered 431"));
  EXPECT_EQ(reply->Header("connection"), "close");
  EXPECT_TRUE(c.WaitClosed());
}

TEST_F(ServerTest, ContentLengthOverLimitGets413BeforeTheBody) {
  Start();
  Client c(port_);
  c.Send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 100000\r\n\r\n");
  auto reply = c.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 413);
  EXPECT_EQ(reply->body, "rendered 413 for 'POST'");
  EXPECT_EQ(reply->Header("connection"), "close");
  EXPECT_TRUE(c.WaitClosed());
}

TEST_F(ServerTest, ChunkedBodyOverLimitGets413) {
  Start();
  Client c(port_);
  c.Send(
      "POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
      "800\r\n" +
      std::string(0x800, 'x') + "\r\n0\r\n\r\n");
  auto reply = c.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 413);
  EXPECT_TRUE(c.WaitClosed());
}

struct BadRequestCase {
  const char* name;
  std::string request;
};

void PrintTo(const BadRequestCase& c, std::ostream* os) { *os << c.name; }

class BadRequestTest : public ServerTest, public ::testing::WithParamInterface<BadRequestCase> {};

TEST_P(BadRequestTest, Gets400AndClose) {
  Start();
  Client c(port_);
  c.Send(GetParam().request);
  auto reply = c.Read();
  ASSERT_TRUE(reply) << "no response";
  EXPECT_EQ(reply->status, 400);
  EXPECT_TRUE(reply->body.starts_with("rendered 400")) << reply->body;
  EXPECT_EQ(reply->Header("connection"), "close");
  EXPECT_FALSE(reply->Header("x-request-id").empty());
  EXPECT_TRUE(c.WaitClosed());
}

// Ends the header and sends an empty chunked body.
const std::string kChunkedBody = "\r\n\r\n0\r\n\r\n";

INSTANTIATE_TEST_SUITE_P(
    Framing, BadRequestTest,
    ::testing::Values(
        BadRequestCase{
            "GzipThenChunked",
            "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked" + kChunkedBody},
        BadRequestCase{"Identity", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: identity" +
                                       kChunkedBody},
        BadRequestCase{
            "ChunkedTwiceInOneField",
            "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked, chunked" + kChunkedBody},
        BadRequestCase{"TwoTransferEncodingFields",
                       "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n"
                       "Transfer-Encoding: chunked" +
                           kChunkedBody},
        BadRequestCase{
            "TransferEncodingOnHttp10",
            "POST /echo HTTP/1.0\r\nHost: t\r\nTransfer-Encoding: chunked" + kChunkedBody},
        BadRequestCase{"TransferEncodingAndContentLength",
                       "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n"
                       "Transfer-Encoding: chunked" +
                           kChunkedBody},
        BadRequestCase{"ContentLengthAndTransferEncoding",
                       "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n"
                       "Content-Length: 5" +
                           kChunkedBody},
        BadRequestCase{"MissingHost", "GET /hello HTTP/1.1\r\n\r\n"},
        BadRequestCase{"TwoHosts", "GET /hello HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"},
        BadRequestCase{"ContentLengthList",
                       "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5, 5\r\n\r\nhello"},
        BadRequestCase{"ContentLengthTwice",
                       "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n"
                       "Content-Length: 5\r\n\r\nhello"},
        BadRequestCase{"ContentLengthSigned",
                       "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: +5\r\n\r\nhello"},
        BadRequestCase{"ContentLengthHex",
                       "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 0x5\r\n\r\nhello"},
        BadRequestCase{"RequestLineWithoutVersion", "GET /hello\r\nHost: t\r\n\r\n"},
        BadRequestCase{"RequestLineGarbage", "\x01\x02 nonsense\r\nHost: t\r\n\r\n"},
        BadRequestCase{"MethodWithBadCharacter", "G@T /hello HTTP/1.1\r\nHost: t\r\n\r\n"},
        BadRequestCase{"UnsupportedVersion", "GET /hello HTTP/2.0\r\nHost: t\r\n\r\n"},
        BadRequestCase{"HeaderWithoutColon", "GET /hello HTTP/1.1\r\nHost: t\r\nBroken\r\n\r\n"},
        BadRequestCase{"PathWithBadEscape", "GET /hello/%zz HTTP/1.1\r\nHost: t\r\n\r\n"},
        BadRequestCase{"PathWithNul", "GET /hello/%00 HTTP/1.1\r\nHost: t\r\n\r\n"},
        BadRequestCase{"BadChunkSize",
                       "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                       "zz\r\nabc\r\n0\r\n\r\n"}),
    [](const ::testing::TestParamInfo<BadRequestCase>& info) { return info.param.name; });

TEST_F(ServerTest, IdleTimeoutClosesKeptAliveConnection) {
  ServerOptions options = Options();
  options.idle_timeout = 200ms;
  Start(options);
  Client c(port_);
  c.Send(Get("/hello"));
  ASSERT_TRUE(c.Read());
  // The header timeout is kNever, so only the idle timeout can close it within kPatience.
  EXPECT_TRUE(c.WaitClosed());
}

TEST_F(ServerTest, SlowHeaderIsClosedAfterHeaderTimeout) {
  ServerOptions options = Options();
  options.header_timeout = 300ms;
  Start(options);
  Client c(port_);
  c.Send(Get("/hello"));
  ASSERT_TRUE(c.Read());
  // Kept alive with a kNever idle timeout: this time it is the header timeout that applies.
  c.Send("GET /hello HTTP/1.1\r\nHo");
  EXPECT_TRUE(c.WaitClosed());
}

TEST_F(ServerTest, SilentNewConnectionIsClosedAfterHeaderTimeout) {
  ServerOptions options = Options();
  options.header_timeout = 300ms;
  Start(options);
  Client c(port_);
  EXPECT_TRUE(c.WaitClosed());
}

TEST_F(ServerTest, SlowBodyIsClosedAfterBodyTimeout) {
  ServerOptions options = Options();
  options.body_timeout = 300ms;
  Start(options);
  Client c(port_);
  c.Send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 10\r\n\r\nabc");
  EXPECT_TRUE(c.WaitClosed());
}

TEST_F(ServerTest, ConnectionsBeyondTheCapAreRefused) {
  ServerOptions options = Options();
  options.max_connections = 2;
  Start(options);
  Client a(port_), b(port_);
  for (Client* c : {&a, &b}) {  // a completed exchange proves the server counted it
    c->Send(Get("/hello"));
    ASSERT_TRUE(c->Read());
  }
  Client over(port_);
  ASSERT_TRUE(over.connected());  // the kernel accepts; the server then refuses
  auto reply = over.Read();
  if (reply) {
    EXPECT_EQ(reply->status, 503);
    EXPECT_EQ(reply->body, "rendered 503 for ''");
  }
  EXPECT_TRUE(over.WaitClosed());

  // Freeing a slot lets new connections in again (the count drops asynchronously).
  a.Close();
  bool served = false;
  for (auto deadline = std::chrono::steady_clock::now() + kPatience;
       !served && std::chrono::steady_clock::now() < deadline; std::this_thread::sleep_for(50ms)) {
    Client again(port_);
    again.Send(Get("/hello"));
    auto r = again.Read();
    served = r && r->status == 200;
  }
  EXPECT_TRUE(served);
}

TEST_F(ServerTest, StopLetsInFlightRequestFinishAndClosesIdleConnections) {
  Start();
  Client idle(port_);
  idle.Send(Get("/hello"));
  ASSERT_TRUE(idle.Read());
  Client busy(port_);
  busy.Send(Get("/slow"));
  ASSERT_TRUE(gate_.WaitEntered());

  std::thread stopper([this] { server_->Stop(); });  // Stop from another thread
  // Idle and grace timeouts are kNever: only shutdown can close this one.
  EXPECT_TRUE(idle.WaitClosed());
  Client late(port_);
  EXPECT_TRUE(!late.connected() || late.WaitClosed());

  gate_.Open();
  auto reply = busy.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, "slow done");
  EXPECT_EQ(reply->Header("connection"), "close");
  EXPECT_TRUE(busy.WaitClosed());
  busy.Close();  // as a client does on EOF; the server stops lingering
  stopper.join();
  EXPECT_TRUE(StopAndWait());  // a second Stop is harmless; Run has returned
}

TEST_F(ServerTest, StopForceClosesStalledRequestsAfterGrace) {
  ServerOptions options = Options();
  options.shutdown_grace = 300ms;
  Start(options);
  Client stalled(port_);
  stalled.Send("GET /hello HTTP/1.1\r\nHo");  // in flight, so not closed at once
  Client probe(port_);  // makes sure the stalled bytes were taken in before Stop
  probe.Send(Get("/hello"));
  ASSERT_TRUE(probe.Read());
  EXPECT_TRUE(StopAndWait());
  EXPECT_TRUE(stalled.WaitClosed());
}

TEST_F(ServerTest, StopBeforeRunMakesRunReturn) {
  Metrics metrics;
  Server server(
      Options(), [](Request&) { return Response{}; }, nullptr, metrics);
  ASSERT_TRUE(server.Bind().ok());
  server.Stop();
  server.Stop();
  auto run = std::async(std::launch::async, [&] { server.Run(); });
  EXPECT_EQ(run.wait_for(kPatience), std::future_status::ready);
}

TEST_F(ServerTest, BindReportsAddressInUse) {
  Start();
  ServerOptions options = Options();
  options.port = port_;
  Metrics metrics;
  Server second(
      options, [](Request&) { return Response{}; }, nullptr, metrics);
  Result<std::string> bound = second.Bind();
  ASSERT_FALSE(bound.ok());
  EXPECT_EQ(bound.error().code, ErrorCode::kUnavailable);
  EXPECT_TRUE(bound.error().detail.starts_with("127.0.0.1:" + std::to_string(port_) + ": "))
      << bound.error().detail;
}

TEST_F(ServerTest, RecordsMetricsAndConnectionGauges) {
  Start();
  Client c(port_);
  c.Send(Get("/hello"));
  ASSERT_TRUE(c.Read());
  c.Send("FROB /hello HTTP/1.1\r\nHost: test\r\n\r\n");
  ASSERT_TRUE(c.Read());
  std::string text = metrics_.RenderPrometheus();
  EXPECT_NE(
      text.find("tilti_http_requests_total{method=\"GET\",route=\"/hello\",status=\"200\"} 1"),
      std::string::npos)
      << text;
  // Made-up methods share one label value, so clients cannot grow the series without bound.
  EXPECT_NE(text.find("method=\"OTHER\",route=\"/hello\""), std::string::npos) << text;
  EXPECT_NE(text.find("tilti_http_open_connections 1"), std::string::npos) << text;
  EXPECT_NE(text.find("tilti_http_connections_total 1"), std::string::npos) << text;
}

}  // namespace
}  // namespace tilti::http
