// kreda: the command line. Every option can also come from a KREDA_* environment variable.
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/app.hpp"
#include "auth/sessions.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "modules/audit/audit.hpp"
#include "modules/people/signin.hpp"
#include "storage/migrations.hpp"

namespace {

using kreda::app::ServeConfig;

void add_serve_options(CLI::App& verb, ServeConfig& config) {
    verb.add_option("--db", config.db, "SQLite file path or postgresql:// URL")->envname("KREDA_DB");
    verb.add_option("--listen", config.listen, "address to listen on")->envname("KREDA_LISTEN");
    verb.add_option("--port", config.port, "port (0: any free one)")->envname("KREDA_PORT");
    verb.add_option("--port-file", config.port_file, "write the bound port to this file");
    verb.add_option("--web-root", config.web_root, "the built web app (web/dist)")->envname("KREDA_WEB_ROOT");
    verb.add_option("--workers", config.workers, "worker threads for database work and hashing")
        ->envname("KREDA_WORKERS");
    verb.add_option("--hashing-threads", config.hashing_threads, "threads for password hashing (argon2id)")
        ->envname("KREDA_HASHING_THREADS");
    verb.add_option("--io-threads", config.io_threads, "network I/O threads")->envname("KREDA_IO_THREADS");
    verb.add_option("--public-url", config.settings.public_url, "the address printed on sign-in slips")
        ->envname("KREDA_PUBLIC_URL");
    verb.add_flag("--secure-cookies", config.settings.secure_cookies, "mark cookies Secure (behind TLS)")
        ->envname("KREDA_SECURE_COOKIES");
    verb.add_option("--files-dir", config.settings.files_dir, "where attachments are stored (by content hash)")
        ->envname("KREDA_FILES_DIR");
    verb.add_option("--streams-per-user", config.settings.streams_per_user,
                    "live event streams one user may hold open (tabs and devices)")
        ->envname("KREDA_STREAMS_PER_USER");
    verb.add_option("--smtp-url", config.settings.smtp_url, "SMTP server for outgoing mail (smtp://host:587)")
        ->envname("KREDA_SMTP_URL");
    verb.add_option("--smtp-user", config.settings.smtp_user, "SMTP user name")->envname("KREDA_SMTP_USER");
    verb.add_option("--smtp-password", config.settings.smtp_password, "SMTP password")->envname("KREDA_SMTP_PASSWORD");
    verb.add_option("--mail-from", config.settings.mail_from, "the sender of outgoing mail")
        ->envname("KREDA_MAIL_FROM");
    verb.add_flag("--dev-mail", config.settings.dev_mail, "show the outbox at /dev/mail (the demo; not in production)");
    verb.add_option("--push-hosts", config.settings.push_hosts,
                    "push services (host names or parent domains, comma-separated) subscriptions may use")
        ->envname("KREDA_PUSH_HOSTS");
    verb.add_flag("--push-allow-http", config.settings.push_allow_http, "allow http:// push endpoints (tests only)");
    verb.add_option("--vapid-subject", config.settings.vapid_subject, "the contact in VAPID tokens (mailto: or https:)")
        ->envname("KREDA_VAPID_SUBJECT");
    verb.add_option("--housekeeping-seconds", config.settings.housekeeping_seconds,
                    "how often unactivated family accounts past 14 days are deleted")
        ->envname("KREDA_HOUSEKEEPING_SECONDS");
    verb.add_flag("--test-clock", config.settings.test_clock, "allow tests to move the clock (never in production)");
}

std::unique_ptr<kreda::storage::Database> open_or_exit(const std::string& location) {
    auto db = kreda::storage::Database::open(location, 1);
    if (!db) {
        std::cerr << "kreda: " << db.error() << "\n";
        std::exit(1);
    }
    return std::move(*db);
}

int add_operator(const std::string& location, const std::string& login) {
    auto db = open_or_exit(location);
    kreda::storage::migrate(*db);
    std::string password;
    std::getline(std::cin, password);
    kreda::auth::Sessions sessions(*db, false);
    kreda::auth::RateLimiter limiter;
    kreda::Context ctx{*db, sessions, limiter, {}};
    try {
        auto user = kreda::people::create_operator(ctx, login, password);
        std::cout << "kreda: operator " << user.login << " created\n";
        return 0;
    } catch (const kreda::ApiError& e) {
        std::cerr << "kreda: " << e.message().en;
        for (const auto& [field, why] : e.fields()) std::cerr << " " << field << ": " << why.en;
        std::cerr << "\n";
        return 1;
    }
}

int verify_audit(const std::string& location) {
    auto db = open_or_exit(location);
    auto result = kreda::audit::verify(*db);
    if (result.intact) {
        std::cout << "audit chain intact: " << result.records << " records\n";
        return 0;
    }
    std::cout << "audit chain BROKEN at record " << *result.first_broken_id << ": " << result.reason << "\n";
    return 2;
}

int print_routes() {
    kreda::http::Router router;
    kreda::http::Metrics metrics;
    auto db = open_or_exit(":memory:");
    kreda::auth::Sessions sessions(*db, false);
    kreda::auth::RateLimiter limiter;
    kreda::Context ctx{*db, sessions, limiter, {}};
    kreda::app::register_all_routes(router, ctx, metrics, kreda::app::default_web_root());
    for (const auto& route : router.routes()) std::cout << route.method << " " << route.pattern << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    kreda::crypto::init();
    if (const char* quiet = std::getenv("KREDA_LOG_REQUESTS"); quiet && std::string(quiet) == "0")
        kreda::log::set_request_logging(false);
    CLI::App cli{"Kreda — an open-source school register"};
    cli.require_subcommand(1);

    ServeConfig serve_config;
    auto* serve = cli.add_subcommand("serve", "serve the API and the web app");
    add_serve_options(*serve, serve_config);

    std::string db = "var/kreda.db";
    auto* migrate = cli.add_subcommand("migrate", "apply pending schema migrations");
    migrate->add_option("--db", db, "SQLite file path or postgresql:// URL")->envname("KREDA_DB");

    auto* operator_verb = cli.add_subcommand("operator", "deployment operators");
    operator_verb->require_subcommand(1);
    auto* operator_add = operator_verb->add_subcommand("add", "add an operator; the password is read from stdin");
    std::string login;
    operator_add->add_option("login", login, "the operator's login")->required();
    operator_add->add_option("--db", db, "SQLite file path or postgresql:// URL")->envname("KREDA_DB");

    ServeConfig demo_config;
    demo_config.db = "var/demo.db";
    kreda::app::DemoOptions demo_options;
    auto* demo = cli.add_subcommand("demo", "create a demo school with realistic data, print sign-ins, serve it");
    add_serve_options(*demo, demo_config);
    demo->add_option("--logins-json", demo_options.logins_json, "write the ready sign-ins here as JSON");
    demo->add_option("--schools", demo_options.schools, "how many demo schools (for benchmarks)");
    bool no_serve = false;
    demo->add_flag("--no-serve", no_serve, "create the data and exit");

    auto* audit_verb = cli.add_subcommand("audit", "the audit history");
    audit_verb->require_subcommand(1);
    auto* audit_verify = audit_verb->add_subcommand("verify", "check the hash chain of the audit history");
    audit_verify->add_option("--db", db, "SQLite file path or postgresql:// URL")->envname("KREDA_DB");

    auto* routes = cli.add_subcommand("routes", "list every API route (method and pattern)");

    CLI11_PARSE(cli, argc, argv);
    try {
        if (serve->parsed()) return kreda::app::serve(serve_config);
        if (migrate->parsed()) return kreda::app::migrate(db);
        if (operator_add->parsed()) return add_operator(db, login);
        if (demo->parsed()) {
            demo_options.serve = !no_serve;
            return kreda::app::demo(demo_config, demo_options);
        }
        if (audit_verify->parsed()) return verify_audit(db);
        if (routes->parsed()) return print_routes();
    } catch (const std::exception& e) {
        std::cerr << "kreda: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
