// HttpClient: what the API tests use to talk to a real Kreda server over real HTTP, as a browser or an app would:
// a cookie jar, the CSRF header on unsafe methods, an optional bearer token, keep-alive connections.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

#include <boost/json.hpp>

namespace kreda::test {

//! Request headers by name. A header given an empty value is not sent at all (it also removes the client's
//! default for that name, e.g. {"X-CSRF-Token", ""} or {"Content-Type", ""}).
using Headers = std::map<std::string, std::string>;

//! A transport failure (connection refused, timeout), as opposed to an HTTP error status.
class HttpError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct Response {
    long status = 0;
    std::map<std::string, std::string>
        headers;  // lower-case names; repeated headers joined by ", " ("\n" for set-cookie)
    std::string body;

    //! The body parsed as JSON; null when the body is empty. Throws std::runtime_error when it is not JSON.
    boost::json::value json() const;
    //! A header's value by name (any case); empty when absent.
    std::string header(std::string_view name) const;
    //! The error code of a Kreda error body (`error.code`), or empty.
    std::string error_code() const;
};

//! "HTTP 422 {"error":…}", so that failed assertions show what the server said.
std::ostream& operator<<(std::ostream& out, const Response& response);

class HttpClient {
  public:
    //! base_url like "http://127.0.0.1:8080" (a trailing slash is dropped); paths are appended to it.
    explicit HttpClient(std::string base_url);
    ~HttpClient();
    HttpClient(HttpClient&&) noexcept;
    HttpClient& operator=(HttpClient&&) noexcept;
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    //! Sends a request; a JSON body goes out as application/json. Throws HttpError on transport failure.
    Response request(std::string method, std::string path, std::optional<boost::json::value> body = {},
                     Headers extra = {});
    //! Sends `body` exactly as given (malformed JSON, other content types); no Content-Type unless in `extra`.
    Response send_raw(std::string method, std::string path, std::string body, Headers extra = {});

    Response get(std::string path, Headers extra = {});
    Response post(std::string path, std::optional<boost::json::value> body = {}, Headers extra = {});
    Response put(std::string path, std::optional<boost::json::value> body = {}, Headers extra = {});
    Response patch(std::string path, std::optional<boost::json::value> body = {}, Headers extra = {});
    Response del(std::string path, Headers extra = {});

    //! POST /api/v1/auth/login; returns the parsed body (the error body on failure: see last_response()).
    //! On 200 it remembers csrf_token for later unsafe requests; the session cookie lands in the jar.
    //! For client "app", call set_bearer(result.at("token")) to use the token.
    boost::json::value login(std::string login, std::string password, std::optional<std::string> totp = {},
                             std::string client = "browser");
    //! The response of the latest request (e.g. to check login()'s status).
    const Response& last_response() const;

    //! `Authorization: Bearer <token>` on every request; nullopt stops sending it.
    void set_bearer(std::optional<std::string> token);
    //! `X-CSRF-Token` on POST, PUT, PATCH and DELETE; nullopt stops sending it.
    void set_csrf(std::optional<std::string> token);
    //! `Accept-Language` on every request (e.g. "en"); nullopt (the default) sends none.
    void set_accept_language(std::optional<std::string> language);
    //! Per-request timeout (default 30 s).
    void set_timeout(std::chrono::milliseconds timeout);

    const std::optional<std::string>& bearer() const { return bearer_; }
    const std::optional<std::string>& csrf() const { return csrf_; }
    const std::string& base_url() const { return base_url_; }

    //! A cookie's value from the jar, by name.
    std::optional<std::string> cookie(std::string_view name) const;
    //! Puts a cookie for the server's host into the jar (e.g. a forged or stale session).
    void set_cookie(std::string_view name, std::string_view value);
    //! Empties the jar and forgets the CSRF token (as a fresh browser would be).
    void clear_cookies();

  private:
    Response perform(const std::string& method, const std::string& path, const std::string* body,
                     const Headers& defaults, const Headers& extra);

    struct Handle;
    std::unique_ptr<Handle> handle_;
    std::string base_url_;
    std::string host_;
    std::optional<std::string> bearer_;
    std::optional<std::string> csrf_;
    std::optional<std::string> accept_language_;
    std::chrono::milliseconds timeout_{30000};
    Response last_;
};

}  // namespace kreda::test
