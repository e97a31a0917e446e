#include "support/http_client.hpp"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <utility>
#include <vector>

#include <curl/curl.h>

namespace kreda::test {
namespace json = boost::json;

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::string upper(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
    return out;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

bool is_unsafe(std::string_view method) {
    std::string m = upper(method);
    return m != "GET" && m != "HEAD" && m != "OPTIONS";
}

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
    auto& headers = *static_cast<std::map<std::string, std::string>*>(user);
    std::string_view line(data, size * count);
    if (line.starts_with("HTTP/")) {
        headers.clear();  // a new response begins (after 100 Continue, for instance)
    } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
        std::string name = lower(trim(line.substr(0, colon)));
        std::string value(trim(line.substr(colon + 1)));
        auto [it, inserted] = headers.try_emplace(name, value);
        if (!inserted) it->second += (name == "set-cookie" ? "\n" : ", ") + value;
    }
    return size * count;
}

struct SlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

}  // namespace

json::value Response::json() const {
    if (body.empty()) return nullptr;
    boost::system::error_code ec;
    json::value value = json::parse(body, ec);
    if (ec)
        throw std::runtime_error("response body is not JSON (HTTP " + std::to_string(status) +
                                 "): " + body.substr(0, 300));
    return value;
}

std::string Response::header(std::string_view name) const {
    auto it = headers.find(lower(name));
    return it == headers.end() ? std::string() : it->second;
}

std::string Response::error_code() const {
    boost::system::error_code ec;
    json::value value = json::parse(body, ec);
    if (ec || !value.is_object()) return {};
    const json::value* error = value.as_object().if_contains("error");
    if (!error || !error->is_object()) return {};
    const json::value* code = error->as_object().if_contains("code");
    return code && code->is_string() ? std::string(code->as_string()) : std::string();
}

std::ostream& operator<<(std::ostream& out, const Response& response) {
    out << "HTTP " << response.status;
    if (!response.body.empty()) {
        out << ' ' << response.body.substr(0, 2000);
        if (response.body.size() > 2000) out << "…";
    }
    return out;
}

struct HttpClient::Handle {
    CURL* easy = nullptr;
    Handle() : easy(curl_easy_init()) {
        if (!easy) throw HttpError("curl_easy_init failed");
    }
    ~Handle() { curl_easy_cleanup(easy); }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
};

HttpClient::HttpClient(std::string base_url) : base_url_(std::move(base_url)) {
    global_init();
    while (base_url_.ends_with('/')) base_url_.pop_back();
    handle_ = std::make_unique<Handle>();
    CURL* easy = handle_->easy;
    // Options that stay for the handle's life; perform() sets the per-request ones every time.
    curl_easy_setopt(easy, CURLOPT_COOKIEFILE, "");  // the in-memory cookie jar
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);

    // The host name, for cookies that set_cookie() puts into the jar.
    if (CURLU* url = curl_url()) {
        char* host = nullptr;
        if (curl_url_set(url, CURLUPART_URL, base_url_.c_str(), 0) == CURLUE_OK &&
            curl_url_get(url, CURLUPART_HOST, &host, 0) == CURLUE_OK) {
            host_ = host;
            curl_free(host);
        }
        curl_url_cleanup(url);
    }
    if (host_.empty()) throw HttpError("not a URL: " + base_url_);
}

HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

Response HttpClient::request(std::string method, std::string path, std::optional<json::value> body, Headers extra) {
    Headers defaults;
    std::string text;
    if (body) {
        text = json::serialize(*body);
        defaults["Content-Type"] = "application/json";
    }
    return perform(method, path, body ? &text : nullptr, defaults, extra);
}

Response HttpClient::send_raw(std::string method, std::string path, std::string body, Headers extra) {
    Headers defaults{{"Content-Type", ""}};  // libcurl would otherwise claim a form
    return perform(method, path, &body, defaults, extra);
}

Response HttpClient::get(std::string path, Headers extra) {
    return request("GET", std::move(path), {}, std::move(extra));
}

Response HttpClient::post(std::string path, std::optional<json::value> body, Headers extra) {
    return request("POST", std::move(path), std::move(body), std::move(extra));
}

Response HttpClient::put(std::string path, std::optional<json::value> body, Headers extra) {
    return request("PUT", std::move(path), std::move(body), std::move(extra));
}

Response HttpClient::patch(std::string path, std::optional<json::value> body, Headers extra) {
    return request("PATCH", std::move(path), std::move(body), std::move(extra));
}

Response HttpClient::del(std::string path, Headers extra) {
    return request("DELETE", std::move(path), {}, std::move(extra));
}

json::value HttpClient::login(std::string login, std::string password, std::optional<std::string> totp,
                              std::string client) {
    json::object body{{"login", login}, {"password", password}, {"client", client}};
    if (totp) body["totp"] = *totp;
    Response response = post("/api/v1/auth/login", json::value(std::move(body)));
    json::value parsed = response.json();
    if (response.status == 200 && parsed.is_object()) {
        if (const json::value* token = parsed.as_object().if_contains("csrf_token"); token && token->is_string())
            csrf_ = std::string(token->as_string());
    }
    return parsed;
}

const Response& HttpClient::last_response() const {
    return last_;
}

void HttpClient::set_bearer(std::optional<std::string> token) {
    bearer_ = std::move(token);
}
void HttpClient::set_csrf(std::optional<std::string> token) {
    csrf_ = std::move(token);
}
void HttpClient::set_accept_language(std::optional<std::string> language) {
    accept_language_ = std::move(language);
}
void HttpClient::set_timeout(std::chrono::milliseconds timeout) {
    timeout_ = timeout;
}

std::optional<std::string> HttpClient::cookie(std::string_view name) const {
    curl_slist* raw = nullptr;
    if (curl_easy_getinfo(handle_->easy, CURLINFO_COOKIELIST, &raw) != CURLE_OK) return std::nullopt;
    Slist list(raw);
    std::optional<std::string> found;
    // Netscape format: domain, tailmatch, path, secure, expires, name, value (tab separated).
    for (curl_slist* item = list.get(); item; item = item->next) {
        std::vector<std::string_view> parts;
        std::string_view line(item->data);
        for (size_t start = 0;;) {
            size_t tab = line.find('\t', start);
            parts.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
            if (tab == std::string_view::npos) break;
            start = tab + 1;
        }
        if (parts.size() >= 7 && parts[5] == name) found = std::string(parts[6]);
    }
    return found;
}

void HttpClient::set_cookie(std::string_view name, std::string_view value) {
    std::string line = host_ + "\tFALSE\t/\tFALSE\t0\t" + std::string(name) + "\t" + std::string(value);
    curl_easy_setopt(handle_->easy, CURLOPT_COOKIELIST, line.c_str());
}

void HttpClient::clear_cookies() {
    curl_easy_setopt(handle_->easy, CURLOPT_COOKIELIST, "ALL");
    csrf_.reset();
}

Response HttpClient::perform(const std::string& method, const std::string& path, const std::string* body,
                             const Headers& defaults, const Headers& extra) {
    CURL* easy = handle_->easy;
    std::string url = base_url_ + path;
    char error_text[CURL_ERROR_SIZE] = {};
    Response response;

    // Not curl_easy_reset(): with it, libcurl 7.88 leaks the cookie-file list on reused connections.
    // Every option that differs between requests is set here, the method ones back to a plain GET first.
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, nullptr);
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(-1));
    curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt(easy, CURLOPT_NOBODY, 0L);
    curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, nullptr);
    curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_.count()));
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, error_text);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &response.headers);

    std::string verb = upper(method);
    static const std::string empty;
    // POST, PUT and PATCH always carry a body (Content-Length: 0 when there is none); others only when given one.
    const std::string* payload = body ? body : (verb == "POST" || verb == "PUT" || verb == "PATCH" ? &empty : nullptr);
    if (verb == "HEAD") {
        curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    } else if (payload) {
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(payload->size()));
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, payload->data());
        if (verb != "POST") curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method.c_str());
    } else if (verb != "GET") {
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method.c_str());
    }

    // Header names are case-insensitive: the last of defaults, state and extra wins.
    std::map<std::string, std::pair<std::string, std::string>> merged;  // lower name -> (name, value)
    auto put_header = [&merged](const std::string& name, const std::string& value) {
        merged[lower(name)] = {name, value};
    };
    put_header("Accept", "application/json");
    put_header("Expect", "");  // no 100-continue round trip
    if (payload && !body) put_header("Content-Type", "");
    if (bearer_) put_header("Authorization", "Bearer " + *bearer_);
    if (csrf_ && is_unsafe(verb)) put_header("X-CSRF-Token", *csrf_);
    if (accept_language_) put_header("Accept-Language", *accept_language_);
    for (const auto& [name, value] : defaults) put_header(name, value);
    for (const auto& [name, value] : extra) put_header(name, value);

    Slist header_list;
    for (const auto& [key, entry] : merged) {
        // "Name:" with nothing after the colon tells libcurl to send no such header at all.
        std::string line = entry.first + ":" + (entry.second.empty() ? "" : " " + entry.second);
        curl_slist* appended = curl_slist_append(header_list.get(), line.c_str());
        if (!appended) throw HttpError("out of memory");
        header_list.release();
        header_list.reset(appended);
    }
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, header_list.get());

    CURLcode code = curl_easy_perform(easy);
    // Nothing may point at this call's locals once it returns.
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, nullptr);
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, nullptr);
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, nullptr);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, nullptr);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, nullptr);
    if (code != CURLE_OK) {
        std::string detail = error_text[0] ? error_text : curl_easy_strerror(code);
        throw HttpError(method + " " + url + ": " + detail);
    }
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &response.status);
    last_ = response;
    return response;
}

}  // namespace kreda::test
