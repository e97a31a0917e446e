// The one JSON error writer: {"error": {"code", "message", "fields"}} in the request's language.
#pragma once

#include "core/error.hpp"
#include "http/message.hpp"

namespace kreda::http {

Response error_response(const ApiError& error, Language language);
//! An unexpected failure: a safe message only; the details go to the log, never to the client.
Response internal_error_response(Language language);

}  // namespace kreda::http
