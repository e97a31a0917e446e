#include "http/router.hpp"

namespace kreda::http {

namespace {

std::vector<std::string> split_path(std::string_view path) {
    std::vector<std::string> parts;
    std::size_t start = 1;
    while (start <= path.size()) {
        auto end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        parts.emplace_back(path.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

bool is_parameter(const std::string& segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler, Runs runs) {
    Route route{std::move(method), std::move(pattern), std::move(handler), runs, {}};
    route.segments = split_path(route.pattern);
    routes_.push_back(std::move(route));
}

Match Router::match(Request& request) const {
    auto parts = split_path(request.path);
    Match result;
    for (const Route& route : routes_) {
        if (route.segments.size() != parts.size()) continue;
        std::map<std::string, std::string> params;
        bool same = true;
        for (std::size_t i = 0; i < parts.size() && same; ++i) {
            if (is_parameter(route.segments[i])) {
                if (parts[i].empty())
                    same = false;
                else
                    params[route.segments[i].substr(1, route.segments[i].size() - 2)] = parts[i];
            } else {
                same = route.segments[i] == parts[i];
            }
        }
        if (!same) continue;
        if (route.method != request.method && !(request.method == "HEAD" && route.method == "GET")) {
            result.method_not_allowed = true;
            continue;
        }
        request.params = std::move(params);
        result.route = &route;
        result.method_not_allowed = false;
        return result;
    }
    return result;
}

}  // namespace kreda::http
