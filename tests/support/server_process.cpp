#include "support/server_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <utility>

#include <gtest/gtest.h>

extern char** environ;

namespace kreda::test {
namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

[[noreturn]] void fail_errno(const std::string& what) {
    throw std::system_error(errno, std::generic_category(), what);
}

//! A file descriptor closed when it goes out of scope.
class Fd {
  public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() { reset(); }
    Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    Fd& operator=(Fd&& other) noexcept {
        if (this != &other) {
            reset();
            fd_ = std::exchange(other.fd_, -1);
        }
        return *this;
    }
    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }
    void reset() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

  private:
    int fd_ = -1;
};

struct Pipe {
    Fd read, write;
};

Pipe make_pipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) fail_errno("pipe2");
    return {Fd(fds[0]), Fd(fds[1])};
}

Fd open_or_throw(const fs::path& path, int flags, mode_t mode = 0644) {
    int fd = ::open(path.c_str(), flags | O_CLOEXEC, mode);
    if (fd < 0) fail_errno("open " + path.string());
    return Fd(fd);
}

int decode_status(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

//! Starts `binary args…` with stdin/stdout/stderr on the given descriptors and the environment plus `env`.
//! The child dies with the test process (PR_SET_PDEATHSIG), so a crashed or killed test leaves no server behind.
//! Throws when the binary cannot be executed.
pid_t spawn(const std::string& binary, const std::vector<std::string>& args,
            const std::map<std::string, std::string>& env, int in_fd, int out_fd, int err_fd) {
    // Everything the child needs is prepared here: between fork and exec only async-signal-safe calls are allowed.
    std::vector<std::string> arg_store{binary};
    arg_store.insert(arg_store.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : arg_store) argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<std::string> env_store;
    for (char** e = environ; e && *e; ++e) {
        std::string_view entry(*e);
        std::string name(entry.substr(0, entry.find('=')));
        if (!env.contains(name)) env_store.emplace_back(entry);
    }
    for (const auto& [name, value] : env) env_store.push_back(name + "=" + value);
    std::vector<char*> envp;
    for (auto& e : env_store) envp.push_back(e.data());
    envp.push_back(nullptr);

    long open_max = ::sysconf(_SC_OPEN_MAX);
    int fd_limit = open_max > 0 && open_max < 65536 ? static_cast<int>(open_max) : 65536;
    Pipe exec_error = make_pipe();  // the child reports a failed exec through it; a successful exec closes it
    pid_t parent = ::getpid();

    pid_t pid = ::fork();
    if (pid < 0) fail_errno("fork");
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(127);
        struct sigaction dfl {};
        dfl.sa_handler = SIG_DFL;
        for (int sig = 1; sig < NSIG; ++sig)
            if (sig != SIGKILL && sig != SIGSTOP) ::sigaction(sig, &dfl, nullptr);
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        if (::dup2(in_fd, 0) < 0 || ::dup2(out_fd, 1) < 0 || ::dup2(err_fd, 2) < 0) {
            int e = errno;
            (void)!::write(exec_error.write.get(), &e, sizeof e);
            ::_exit(127);
        }
        // Descriptors the test process opened without O_CLOEXEC (sockets, files) must not leak into the server.
        // Marking them close-on-exec keeps the exec-error pipe usable until the exec itself.
        if (::close_range(3, ~0U, CLOSE_RANGE_CLOEXEC) != 0)
            for (int fd = 3; fd < fd_limit; ++fd)
                if (fd != exec_error.write.get()) ::close(fd);
        ::execve(argv[0], argv.data(), envp.data());
        int e = errno;
        (void)!::write(exec_error.write.get(), &e, sizeof e);
        ::_exit(127);
    }

    exec_error.write.reset();
    int child_errno = 0;
    ssize_t n;
    do n = ::read(exec_error.read.get(), &child_errno, sizeof child_errno);
    while (n < 0 && errno == EINTR);
    if (n == sizeof child_errno) {
        int status;
        ::waitpid(pid, &status, 0);
        throw std::runtime_error("cannot run " + binary + ": " + std::strerror(child_errno) +
                                 " (set KREDA_BIN to the kreda binary)");
    }
    return pid;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string tail(const std::string& text, size_t bytes = 4000) {
    return text.size() <= bytes ? text : "…" + text.substr(text.size() - bytes);
}

//! The last run of digits in the port file ("41234\n", or "127.0.0.1:41234"); 0 when there is none yet.
int parse_port(const std::string& text) {
    size_t end = text.find_last_of("0123456789");
    if (end == std::string::npos) return 0;
    size_t begin = text.find_last_not_of("0123456789", end);
    begin = begin == std::string::npos ? 0 : begin + 1;
    if (end + 1 - begin > 5) return 0;
    int port = std::stoi(text.substr(begin, end + 1 - begin));
    return port > 0 && port < 65536 ? port : 0;
}

fs::path make_temp_dir(const std::string& prefix) {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/" + prefix + "XXXXXX";
    if (!::mkdtemp(pattern.data())) fail_errno("mkdtemp " + pattern);
    return pattern;
}

bool keep_temp() {
    const char* keep = std::getenv("KREDA_KEEP_TEMP");
    return keep && std::string_view(keep) == "1";
}

}  // namespace

ServerProcess::ServerProcess(std::string db, std::vector<std::string> extra_args,
                             std::map<std::string, std::string> extra_env)
    : db_(std::move(db)) {
    dir_ = make_temp_dir("kreda-server-");
    port_file_ = dir_ / "port";
    log_path_ = dir_ / "server.log";

    std::vector<std::string> args{"serve",
                                  "--db",
                                  db_,
                                  "--listen",
                                  "127.0.0.1",
                                  "--port",
                                  "0",
                                  "--port-file",
                                  port_file_.string(),
                                  "--test-clock",
                                  "--files-dir",
                                  (dir_ / "files").string()};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    extra_env.emplace("KREDA_LOG_REQUESTS", "0");

    try {
        {
            Fd log = open_or_throw(log_path_, O_WRONLY | O_CREAT | O_TRUNC);
            Fd null = open_or_throw("/dev/null", O_RDONLY);
            pid_ = spawn(binary(), args, extra_env, null.get(), log.get(), log.get());
        }
        wait_until_ready(20s);
    } catch (...) {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            reap(true);
        }
        if (!keep_temp()) {
            std::error_code ignored;
            fs::remove_all(dir_, ignored);
        }
        throw;
    }
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0 && !reap(false)) stop(5s);
    bool failed = ::testing::Test::HasFailure();
    if (failed || keep_temp()) {
        if (failed)
            std::cerr << "---- kreda server log (" << log_path_.string() << "), last part ----\n"
                      << tail(log()) << "\n---- end of server log ----\n";
        return;
    }
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
}

void ServerProcess::wait_until_ready(std::chrono::milliseconds timeout) {
    auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
        if (reap(false))
            throw std::runtime_error("kreda serve exited with status " + std::to_string(*exit_status_) +
                                     " before it was ready; its log:\n" + tail(log()));
        if (int port = parse_port(read_file(port_file_)); port > 0) {
            std::string url = "http://127.0.0.1:" + std::to_string(port);
            try {
                HttpClient probe(url);
                probe.set_timeout(1s);
                if (probe.get("/healthz").status == 200) {
                    port_ = port;
                    base_url_ = url;
                    return;
                }
            } catch (const HttpError&) {
                // not listening yet
            }
        }
        std::this_thread::sleep_for(20ms);
    }
    throw std::runtime_error("kreda serve was not ready (port file and GET /healthz = 200) within " +
                             std::to_string(timeout.count()) + " ms; its log:\n" + tail(log()));
}

bool ServerProcess::reap(bool block) {
    if (exit_status_) return true;
    if (pid_ <= 0) return true;
    int status = 0;
    pid_t r;
    do r = ::waitpid(pid_, &status, block ? 0 : WNOHANG);
    while (r < 0 && errno == EINTR);
    if (r == 0) return false;
    exit_status_ = r == pid_ ? decode_status(status) : -1;
    return true;
}

bool ServerProcess::running() {
    return !reap(false);
}

int ServerProcess::stop(std::chrono::milliseconds timeout) {
    if (!reap(false)) {
        ::kill(pid_, SIGTERM);
        auto deadline = Clock::now() + timeout;
        while (!reap(false) && Clock::now() < deadline) std::this_thread::sleep_for(10ms);
        if (!reap(false)) {
            std::cerr << "kreda serve (pid " << pid_ << ") ignored SIGTERM for " << timeout.count()
                      << " ms; killing it\n";
            ::kill(pid_, SIGKILL);
            reap(true);
        }
    }
    return *exit_status_;
}

std::string ServerProcess::log() const {
    return read_file(log_path_);
}

std::string ServerProcess::binary() {
    if (const char* bin = std::getenv("KREDA_BIN"); bin && *bin) return bin;
#ifdef KREDA_BINARY_PATH
    return KREDA_BINARY_PATH;
#else
    return "build/kreda";
#endif
}

CliResult ServerProcess::run_cli(const std::vector<std::string>& args, const std::string& stdin_text,
                                 const std::map<std::string, std::string>& extra_env,
                                 std::chrono::milliseconds timeout) {
    // A CLI that exits without reading its input must not kill the test process with SIGPIPE.
    static std::once_flag ignore_sigpipe;
    std::call_once(ignore_sigpipe, [] { ::signal(SIGPIPE, SIG_IGN); });

    Pipe in = make_pipe(), out = make_pipe(), err = make_pipe();
    std::map<std::string, std::string> env = extra_env;
    env.emplace("KREDA_LOG_REQUESTS", "0");
    pid_t pid = spawn(binary(), args, env, in.read.get(), out.write.get(), err.write.get());
    in.read.reset();
    out.write.reset();
    err.write.reset();
    if (stdin_text.empty()) in.write.reset();
    if (in.write) ::fcntl(in.write.get(), F_SETFL, O_NONBLOCK);

    CliResult result;
    size_t written = 0;
    auto deadline = Clock::now() + timeout;
    bool killed = false;
    char buffer[65536];
    while (out.read || err.read) {
        pollfd fds[3];
        int count = 0;
        if (out.read) fds[count++] = {out.read.get(), POLLIN, 0};
        if (err.read) fds[count++] = {err.read.get(), POLLIN, 0};
        if (in.write) fds[count++] = {in.write.get(), POLLOUT, 0};
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            ::kill(pid, SIGKILL);
            killed = true;
            break;
        }
        int ready = ::poll(fds, count, static_cast<int>(std::min<long long>(left, 1000)));
        if (ready < 0 && errno != EINTR) fail_errno("poll");
        for (int i = 0; i < count && ready > 0; ++i) {
            if (!fds[i].revents) continue;
            if (fds[i].fd == in.write.get()) {
                ssize_t n = ::write(in.write.get(), stdin_text.data() + written, stdin_text.size() - written);
                if (n > 0) written += static_cast<size_t>(n);
                if (n < 0 && errno != EAGAIN && errno != EINTR)
                    in.write.reset();  // EPIPE: it stopped reading
                else if (written == stdin_text.size())
                    in.write.reset();
                continue;
            }
            Fd& source = fds[i].fd == out.read.get() ? out.read : err.read;
            std::string& sink = fds[i].fd == out.read.get() ? result.out : result.err;
            ssize_t n = ::read(source.get(), buffer, sizeof buffer);
            if (n > 0)
                sink.append(buffer, static_cast<size_t>(n));
            else if (n == 0 || (errno != EINTR && errno != EAGAIN))
                source.reset();
        }
    }
    in.write.reset();
    int status = 0;
    pid_t r;
    do r = ::waitpid(pid, &status, 0);
    while (r < 0 && errno == EINTR);
    result.exit_code = r == pid ? decode_status(status) : -1;
    if (killed) result.err += "\n[run_cli: killed after " + std::to_string(timeout.count()) + " ms]";
    return result;
}

}  // namespace kreda::test
