#include "http/error_response.h"

#include <exception>

#include "core/log.h"
#include "http/framing.h"

namespace tilti::http {
namespace {

Response PlainText(int status) {
  Response r;
  r.status = status;
  r.Set("Content-Type", "text/plain; charset=utf-8");
  r.body = std::to_string(status) + "\n";
  return r;
}

}  // namespace

Response RenderServerError(const ErrorRenderer& renderer, int status, const Request& partial) {
  Response r;
  try {
    if (!renderer) return PlainText(status);
    r = renderer(status, partial);
  } catch (const std::exception& e) {
    spdlog::error("rid={} error renderer failed for {}: {}", partial.request_id, status, e.what());
    return PlainText(status);
  } catch (...) {
    spdlog::error("rid={} error renderer failed for {}", partial.request_id, status);
    return PlainText(status);
  }
  // The server decided the status; a renderer must not turn a 413 into a 200.
  r.status = status;
  if (auto problem = ResponseProblem(r)) {
    spdlog::error("rid={} error renderer returned an unwritable response: {}", partial.request_id,
                  *problem);
    return PlainText(status);
  }
  return r;
}

}  // namespace tilti::http
