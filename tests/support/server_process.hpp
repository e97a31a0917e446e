// ServerProcess: the real `kreda` binary run as a child process, the way the API tests meet it.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "support/http_client.hpp"

namespace kreda::test {

//! What a finished `kreda <args>` run left behind.
struct CliResult {
    int exit_code = -1;  // the exit status; 128 + N when killed by signal N
    std::string out;     // standard output
    std::string err;     // standard error
};

class ServerProcess {
  public:
    //! Starts `kreda serve --db <db> --listen 127.0.0.1 --port 0 --port-file <tmp> --test-clock <extra_args…>`
    //! with KREDA_LOG_REQUESTS=0 (plus extra_env) and waits up to 20 s for the port file and GET /healthz = 200.
    //! Throws std::runtime_error, with the tail of the server's log, when it does not come up.
    explicit ServerProcess(std::string db, std::vector<std::string> extra_args = {},
                           std::map<std::string, std::string> extra_env = {});
    //! Stops the server if still running (SIGTERM, then SIGKILL after 5 s). The temp dir with the log is
    //! kept, and its path printed, when the current GoogleTest test has failed or KREDA_KEEP_TEMP=1.
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    //! "http://127.0.0.1:<port>"
    const std::string& base_url() const { return base_url_; }
    int port() const { return port_; }
    pid_t pid() const { return pid_; }
    const std::string& db() const { return db_; }
    //! A new client for this server (its own cookie jar).
    HttpClient client() const { return HttpClient(base_url_); }

    //! True while the process has not exited.
    bool running();
    //! SIGTERM, then waits up to `timeout` (SIGKILL after it). Returns the exit status (0 for a clean shutdown;
    //! 128 + N when killed by signal N). Calling it again returns the same status.
    int stop(std::chrono::milliseconds timeout = std::chrono::seconds(10));

    //! The server's stdout and stderr so far.
    std::string log() const;
    const std::filesystem::path& log_path() const { return log_path_; }

    //! The kreda binary: $KREDA_BIN, else the compile definition KREDA_BINARY_PATH, else "build/kreda".
    static std::string binary();
    //! Runs `kreda <args>` to completion, `stdin_text` on its standard input (e.g. a password for
    //! `operator add LOGIN --db X`), KREDA_LOG_REQUESTS=0 plus extra_env in its environment. A run longer than
    //! `timeout` is killed (exit_code 128 + 9).
    static CliResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text = {},
                             const std::map<std::string, std::string>& extra_env = {},
                             std::chrono::milliseconds timeout = std::chrono::seconds(120));

  private:
    void wait_until_ready(std::chrono::milliseconds timeout);
    //! Reaps the child if it has exited (blocking when `block`); true once it has.
    bool reap(bool block);

    std::string db_;
    std::filesystem::path dir_;
    std::filesystem::path port_file_;
    std::filesystem::path log_path_;
    pid_t pid_ = -1;
    int port_ = 0;
    std::string base_url_;
    std::optional<int> exit_status_;
};

}  // namespace kreda::test
