// What every <area>_routes.cpp includes: requests, responses, the actor and JSON.
#pragma once

#include "auth/sessions.hpp"
#include "core/error.hpp"
#include "core/json.hpp"
#include "http/message.hpp"
#include "http/pagination.hpp"
#include "http/router.hpp"
#include "modules/context.hpp"

#include <string>
#include <vector>

namespace kreda {

//! `{"items": [...]}` from any range, converted by `convert`.
template <typename Range, typename Convert>
json::object items_json(const Range& range, Convert convert) {
    json::array items;
    for (const auto& item : range) items.push_back(convert(item));
    return json::object{{"items", std::move(items)}};
}

//! `{"items": [...]}` of values that have a `to_json` overload.
template <typename T>
json::object items_of(const std::vector<T>& items) {
    return items_json(items, [](const T& item) { return to_json(item); });
}

//! Registers GET (the list) and POST (create one; 201) of a school's collection: `/api/v1/schools/{id}/<name>`.
template <typename List, typename Create>
void add_list(http::Router& router, Context& ctx, const std::string& name, List list, Create create) {
    std::string path = "/api/v1/schools/{id}/" + name;
    router.add("GET", path, [&ctx, list](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(items_of(list(ctx, actor, r.id_param("id"))));
    });
    router.add("POST", path, [&ctx, create](http::Request& r) {
        auto actor = ctx.sessions.authenticate(r);
        return http::Response::json(to_json(create(ctx, actor, r.id_param("id"), r.json_body())), 201);
    });
}

}  // namespace kreda
