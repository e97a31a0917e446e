#include <algorithm>
#include <fstream>
#include <iostream>
#include <thread>

#include "app/app.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "modules/mail/mail.hpp"
#include "modules/notify/notify.hpp"
#include "modules/push/push.hpp"
#include "storage/migrations.hpp"

namespace kreda::app {

namespace {

std::unique_ptr<storage::Database> open_database(const std::string& location, int pool) {
    auto db = storage::Database::open(location, pool);
    if (!db) {
        std::cerr << "kreda: " << db.error() << "\n";
        return nullptr;
    }
    return std::move(*db);
}

}  // namespace

int default_workers() {
    return std::max(2, static_cast<int>(std::thread::hardware_concurrency()));
}
int default_hashing_threads() {
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()) / 2);
}

int migrate(const std::string& location) {
    auto db = open_database(location, 1);
    if (!db) return 1;
    int applied = storage::migrate(*db);
    std::cout << "kreda: " << applied << " migration(s) applied\n";
    return 0;
}

int serve(const ServeConfig& config) {
    crypto::init();
    auto db = open_database(config.db, config.workers + 1);
    if (!db) return 1;
    storage::migrate(*db);
    auth::Sessions sessions(*db, config.settings.secure_cookies);
    auth::RateLimiter limiter;
    Context ctx{*db, sessions, limiter, config.settings};
    ctx.settings.files_dir = files_dir_for(config.settings, config.db);
    http::Metrics metrics;
    http::Router router;
    std::string web_root = config.web_root.empty() ? default_web_root() : config.web_root;
    register_all_routes(router, ctx, metrics, web_root);
    auto sender = mail::start_sender(*db, ctx.settings);        // delivers the outbox while the server runs
    auto notifier = notify::start_notifier(*db, ctx.settings);  // turns feed entries into mail for who wants it
    auto housekeeper = start_housekeeper(*db, ctx.settings);    // unactivated accounts, tomorrow's lucky numbers
    auto pusher = push::start_sender(*db, ctx.settings);        // posts Web Push messages to devices

    http::ServerOptions options;
    options.listen = config.listen;
    options.port = static_cast<unsigned short>(config.port);
    options.workers = config.workers;
    options.hashing_threads = config.hashing_threads;
    options.io_threads = config.io_threads;
    options.body_limit = config.body_limit;
    auto server = http::Server::create(options, router, metrics);
    if (!server) {
        std::cerr << "kreda: " << server.error() << "\n";
        return 1;
    }
    if (!config.port_file.empty()) {
        std::ofstream(config.port_file + ".tmp") << (*server)->port() << "\n";
        std::rename((config.port_file + ".tmp").c_str(), config.port_file.c_str());
    }
    log::info("listening on " + config.listen + ":" + std::to_string((*server)->port()) + " (" +
              (db->dialect() == storage::Dialect::Postgres ? "PostgreSQL" : "SQLite") + ")");
    (*server)->run();
    return 0;
}

}  // namespace kreda::app
