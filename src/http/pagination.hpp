// The one pagination helper: `limit` (1–200, default 50) and an opaque integer `cursor` from the query.
#pragma once

#include <cstdint>
#include <optional>

#include "http/message.hpp"

namespace kreda::http {

struct Page {
    int limit = 50;
    std::optional<std::int64_t> cursor;
};

//! Reads limit and cursor; 422 naming the field when either is not a valid number.
Page page_of(const Request& request);

}  // namespace kreda::http
