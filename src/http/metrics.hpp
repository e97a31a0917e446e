// Request counters, a latency histogram and open connections, rendered in Prometheus text format.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace kreda::http {

class Metrics {
  public:
    void record(const std::string& route, int status, double seconds);
    void connection_opened() { ++open_connections_; }
    void connection_closed() { --open_connections_; }
    //! The Prometheus exposition text.
    std::string render() const;

  private:
    static constexpr double kBuckets[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
    static constexpr std::size_t kBucketCount = sizeof(kBuckets) / sizeof(kBuckets[0]);

    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, std::uint64_t> requests_;
    std::uint64_t bucket_counts_[kBucketCount + 1] = {};
    double latency_sum_ = 0;
    std::uint64_t latency_count_ = 0;
    std::atomic<long> open_connections_{0};
};

}  // namespace kreda::http
