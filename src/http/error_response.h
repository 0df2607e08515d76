#pragma once
// Responses for errors the server detects itself. Internal to src/http.
#include "http/request.h"
#include "http/server.h"

namespace tilti::http {

// Asks `renderer` for the page of `status` (400, 413, 431, 500, 503) for a request that may be
// only partly known. If the renderer throws, logs one error line with the request id and
// returns a plain-text page instead, so a broken renderer never leaves a client unanswered.
// The returned status is always `status`.
Response RenderServerError(const ErrorRenderer& renderer, int status, const Request& partial);

}  // namespace tilti::http
