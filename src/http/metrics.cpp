#include "http/metrics.hpp"

#include <sstream>

namespace kreda::http {

void Metrics::record(const std::string& route, int status, double seconds) {
    std::lock_guard guard(mutex_);
    ++requests_[{route, status}];
    std::size_t bucket = 0;
    while (bucket < kBucketCount && seconds > kBuckets[bucket]) ++bucket;
    ++bucket_counts_[bucket];
    latency_sum_ += seconds;
    ++latency_count_;
}

std::string Metrics::render() const {
    std::ostringstream out;
    std::lock_guard guard(mutex_);
    out << "# HELP kreda_http_requests_total HTTP requests by route and status.\n"
        << "# TYPE kreda_http_requests_total counter\n";
    for (const auto& [key, count] : requests_)
        out << "kreda_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} " << count
            << '\n';
    out << "# HELP kreda_http_request_duration_seconds Time from a request's arrival to its response.\n"
        << "# TYPE kreda_http_request_duration_seconds histogram\n";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBucketCount; ++i) {
        cumulative += bucket_counts_[i];
        out << "kreda_http_request_duration_seconds_bucket{le=\"" << kBuckets[i] << "\"} " << cumulative << '\n';
    }
    cumulative += bucket_counts_[kBucketCount];
    out << "kreda_http_request_duration_seconds_bucket{le=\"+Inf\"} " << cumulative << '\n'
        << "kreda_http_request_duration_seconds_sum " << latency_sum_ << '\n'
        << "kreda_http_request_duration_seconds_count " << latency_count_ << '\n'
        << "# HELP kreda_http_open_connections Connections open now.\n"
        << "# TYPE kreda_http_open_connections gauge\n"
        << "kreda_http_open_connections " << open_connections_.load() << '\n';
    return out.str();
}

}  // namespace kreda::http
