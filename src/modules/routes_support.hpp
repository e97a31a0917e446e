// What every <area>_routes.cpp includes: requests, responses, the actor and JSON.
#pragma once

#include "auth/sessions.hpp"
#include "core/error.hpp"
#include "core/json.hpp"
#include "http/message.hpp"
#include "http/pagination.hpp"
#include "http/router.hpp"
#include "modules/context.hpp"

namespace kreda {

//! `{"items": [...]}` from any range, converted by `convert`.
template <typename Range, typename Convert>
json::object items_json(const Range& range, Convert convert) {
    json::array items;
    for (const auto& item : range) items.push_back(convert(item));
    return json::object{{"items", std::move(items)}};
}

}  // namespace kreda
