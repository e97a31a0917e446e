// The hub of one server process's live streams (see feed_hub.cpp).
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include "http/event_stream.hpp"
#include "modules/feed/feed_store.hpp"

namespace kreda::feed {

class Hub {
  public:
    Hub(storage::Database& db, int streams_per_user);
    ~Hub();
    Hub(const Hub&) = delete;
    Hub& operator=(const Hub&) = delete;

    //! A stream for the reader: first what they missed after `cursor` (none: from now), then each new entry they
    //! may see, as it commits. 429 beyond `streams_per_user` streams of one user.
    std::shared_ptr<http::EventStream> open(const Reader& reader, std::int64_t session_id,
                                            std::optional<std::int64_t> cursor);
    //! Something was committed: look for new entries.
    void wake();
    std::size_t open_streams() const;

  private:
    struct Subscriber {
        Reader reader;
        std::int64_t session_id = 0;
        std::int64_t cursor = 0;  //!< the last entry this stream has been given or has passed over
        std::shared_ptr<http::EventStream> stream;
    };
    void run();
    int dispatch_batch();
    //! Ends the streams whose session has ended (sign-out, a password reset, a disabled account).
    void end_signed_out();
    //! Reads where the feed stands, the first time a stream opens or news comes (not at construction: the
    //! routes are also built by `kreda routes`, without a database). Under `dispatching_`.
    void ensure_started();

    storage::Database& db_;
    std::size_t streams_per_user_;
    std::mutex dispatching_;    //!< held while entries are handed out or a stream catches up
    mutable std::mutex mutex_;  //!< guards the lists, `last_` and the wake-up flags
    std::condition_variable woken_;
    bool news_ = false, stopping_ = false;
    std::map<std::int64_t, std::vector<std::shared_ptr<Subscriber>>> subscribers_;  //!< by school
    bool started_ = false;
    std::int64_t last_ = 0;         //!< the last entry handed out
    std::chrono::seconds poll_{5};  //!< looks for entries nobody told it of (KREDA_FEED_POLL_SECONDS)
    std::unique_ptr<storage::Database::Listener> listener_;
    std::chrono::steady_clock::time_point last_sweep_ = std::chrono::steady_clock::now();
    std::thread thread_;
};

}  // namespace kreda::feed
