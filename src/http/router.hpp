// Routes by method and path pattern (`/api/v1/schools/{id}/users`), with path parameters.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace kreda::http {

using Handler = std::function<Response(Request&)>;

//! Where a handler runs: on the worker pool (default, may block), on the smaller hashing pool (password checks:
//! a storm of sign-ins then queues there instead of starving everyone else), or on the I/O thread (never blocks).
enum class Runs { OnWorkers, OnHashingPool, OnIoThread };

struct Route {
    std::string method;
    std::string pattern;
    Handler handler;
    Runs runs = Runs::OnWorkers;
    std::vector<std::string> segments;
};

struct Match {
    const Route* route = nullptr;
    bool method_not_allowed = false;
};

class Router {
  public:
    void add(std::string method, std::string pattern, Handler handler, Runs runs = Runs::OnWorkers);
    //! Finds the route for a request and fills its path parameters.
    Match match(Request& request) const;
    //! The fallback for GET requests outside the API (the web app's static files).
    void set_fallback(Handler handler) { fallback_ = std::move(handler); }
    const Handler& fallback() const { return fallback_; }
    const std::vector<Route>& routes() const { return routes_; }

  private:
    std::vector<Route> routes_;
    Handler fallback_;
};

}  // namespace kreda::http
