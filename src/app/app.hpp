// Wiring: the configuration a server runs with, the router with every module's routes, the verbs.
#pragma once

#include <memory>
#include <string>

#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "modules/context.hpp"

namespace kreda::app {

int default_workers();
int default_hashing_threads();

struct ServeConfig {
    std::string db = "var/kreda.db";
    std::string listen = "0.0.0.0";
    int port = 8080;
    std::string port_file;  //!< written with the bound port once listening (tests use --port 0)
    std::string web_root;
    int workers = default_workers();                  //!< the machine's cores, at least 2
    int hashing_threads = default_hashing_threads();  //!< half the cores, at least 1
    int io_threads = 1;
    std::size_t body_limit = 1024 * 1024;
    Settings settings;
};

//! The default web root: KREDA_WEB_ROOT, else the source tree's web/dist.
std::string default_web_root();

//! Every route of every module, plus /healthz, /metrics, /api/v1/openapi.json and the web app.
void register_all_routes(http::Router& router, Context& ctx, http::Metrics& metrics, const std::string& web_root);

//! Opens the database (applying migrations) and serves until SIGTERM; returns the process exit code.
int serve(const ServeConfig& config);

class Housekeeper;
//! Starts background housekeeping (a thread; see housekeeper.cpp).
std::shared_ptr<Housekeeper> start_housekeeper(storage::Database& db, const Settings& settings);
//! Applies pending migrations; returns the exit code.
int migrate(const std::string& db);

struct DemoOptions {
    int schools = 1;
    std::string logins_json;
    bool serve = true;
};
//! Creates the demo school(s) when absent, prints and writes ready sign-ins, then serves.
int demo(const ServeConfig& config, const DemoOptions& options);

}  // namespace kreda::app
