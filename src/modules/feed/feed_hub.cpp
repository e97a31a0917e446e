// The process's live streams: a thread that, woken by a commit here (or a NOTIFY from another process on the same
// PostgreSQL), reads the entries after the last it handled and hands each to the streams whose reader may see it.
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <map>
#include <thread>

#include "core/error.hpp"
#include "core/log.hpp"
#include "modules/feed/feed_hub.hpp"

namespace kreda::feed {

namespace {

std::atomic<Hub*> g_hub{nullptr};
constexpr int kBatch = 1000;
constexpr int kCatchUpLimit = 2000;  //!< beyond this a stream is told to sync with GET /feed instead

std::string event_of(const Item& item) {
    return http::EventStream::format(item.id, "entry", json::to_string(item.json));
}

}  // namespace

void wake_hub() {
    if (Hub* hub = g_hub.load()) hub->wake();
}

Hub::Hub(storage::Database& db, int streams_per_user)
    : db_(db), streams_per_user_(static_cast<std::size_t>(std::max(streams_per_user, 1))) {
    if (const char* poll = std::getenv("KREDA_FEED_POLL_SECONDS"); poll && std::atoi(poll) > 0)
        poll_ = std::chrono::seconds(std::atoi(poll));
    listener_ = db_.listen("kreda_feed", [this] { wake(); });
    thread_ = std::thread([this] { run(); });
    g_hub = this;
}

Hub::~Hub() {
    g_hub = nullptr;
    listener_.reset();
    {
        std::lock_guard guard(mutex_);
        stopping_ = true;
    }
    woken_.notify_all();
    thread_.join();
}

void Hub::wake() {
    {
        std::lock_guard guard(mutex_);
        news_ = true;
    }
    woken_.notify_one();
}

std::size_t Hub::open_streams() const {
    std::lock_guard guard(mutex_);
    std::size_t count = 0;
    for (const auto& [school, list] : subscribers_) count += list.size();
    return count;
}

std::shared_ptr<http::EventStream> Hub::open(const Reader& reader, std::int64_t session_id,
                                             std::optional<std::int64_t> cursor) {
    auto subscriber =
        std::make_shared<Subscriber>(Subscriber{reader, session_id, 0, std::make_shared<http::EventStream>()});
    std::lock_guard guard(dispatching_);  // no entry is handed out while this stream catches up
    std::lock_guard lists(mutex_);
    auto& list = subscribers_[reader.school_id];
    std::erase_if(list, [](const auto& s) { return !s->stream->open(); });
    std::size_t mine =
        std::count_if(list.begin(), list.end(), [&](const auto& s) { return s->reader.user_id == reader.user_id; });
    if (mine >= streams_per_user_)
        throw ApiError(429, "too_many_streams",
                       {"Zbyt wiele otwartych kart z dziennikiem. Zamknij którąś.",
                        "Too many open tabs with the register. Close one."});
    ensure_started();
    subscriber->cursor = last_;
    if (cursor && *cursor < last_) {
        auto tx = db_.begin(storage::Access::Read);
        std::int64_t at = *cursor;
        for (int read = 0;; read += kBatch) {
            if (read >= kCatchUpLimit) {  // too far behind to replay: the client fetches pages instead
                subscriber->stream->send(
                    http::EventStream::format(at, "resync", "{\"since\":" + std::to_string(at) + "}"));
                break;
            }
            Page page = read_since(*tx, reader, at, kBatch);
            for (const auto& item : page.items) subscriber->stream->send(event_of(item));
            at = page.cursor;
            if (!page.more) break;
        }
        subscriber->cursor = std::max(at, last_);
    }
    subscriber->stream->send(http::EventStream::format(subscriber->cursor, "ready", "{}"));
    list.push_back(subscriber);
    return subscriber->stream;
}

void Hub::run() {
    while (true) {
        {
            std::unique_lock lock(mutex_);
            woken_.wait_for(lock, poll_, [this] { return news_ || stopping_; });
            if (stopping_) return;
            news_ = false;
        }
        try {
            while (dispatch_batch() == kBatch) {
            }
            if (std::chrono::steady_clock::now() - last_sweep_ >= poll_) end_signed_out();
        } catch (const std::exception& e) {
            log::error(std::string("feed: cannot hand out entries: ") + e.what());
        }
    }
}

void Hub::ensure_started() {
    if (started_) return;
    auto tx = db_.begin(storage::Access::Read);
    last_ = head_of(*tx);  // what was there before this process started is not news
    started_ = true;
}

int Hub::dispatch_batch() {
    std::lock_guard guard(dispatching_);
    ensure_started();
    std::vector<StoredEntry> entries;
    std::map<std::int64_t, std::set<std::int64_t>> inboxes;  // a message's readers
    {
        auto tx = db_.begin(storage::Access::Read);
        entries = entries_after(*tx, last_, kBatch);
        for (const auto& e : entries)
            if (e.target == "message")
                for (const auto& r : tx->query("SELECT owner_id FROM mailbox WHERE message_id = ? AND folder <> "
                                               "'sent' AND folder <> 'deleted'",
                                               {e.target_id}))
                    inboxes[e.target_id].insert(r[0].as_int());
    }
    std::lock_guard lists(mutex_);
    for (const auto& e : entries) {
        auto list = subscribers_.find(e.school_id);
        if (list != subscribers_.end()) {
            std::erase_if(list->second, [](const auto& s) { return !s->stream->open(); });
            // An entry reads the same for every reader who sees it about the same student: format it once each.
            std::map<std::optional<std::int64_t>, std::string> formatted;
            for (const auto& s : list->second) {
                if (s->cursor >= e.id) continue;
                s->cursor = e.id;
                bool in_mailbox = e.target == "message" && inboxes[e.target_id].count(s->reader.user_id);
                auto student = seen_by(s->reader, e, in_mailbox);
                if (!student) continue;
                auto text = formatted.find(*student);
                if (text == formatted.end()) text = formatted.emplace(*student, event_of(item_of(e, *student))).first;
                s->stream->send(text->second);
            }
        }
        last_ = e.id;
    }
    return static_cast<int>(entries.size());
}

void Hub::end_signed_out() {
    last_sweep_ = std::chrono::steady_clock::now();
    std::set<std::int64_t> sessions;
    {
        std::lock_guard lists(mutex_);
        for (const auto& [school, list] : subscribers_)
            for (const auto& s : list) sessions.insert(s->session_id);
    }
    if (sessions.empty()) return;
    std::string ids;
    for (auto id : sessions) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
    // A session lives on as whom it acts as: a family account that switches to another child or unlinks one no
    // longer hears the first.
    std::map<std::int64_t, std::int64_t> alive;
    {
        auto tx = db_.begin(storage::Access::Read);
        for (const auto& r :
             tx->query("SELECT id, COALESCE(acting_user_id, user_id) FROM sessions WHERE id IN (" + ids + ")"))
            alive[r[0].as_int()] = r[1].as_int();
    }
    std::lock_guard lists(mutex_);
    for (auto& [school, list] : subscribers_)
        std::erase_if(list, [&](const auto& s) {
            auto found = alive.find(s->session_id);
            if (found != alive.end() && found->second == s->reader.user_id) return false;
            s->stream->end();
            return true;
        });
}

std::shared_ptr<Hub> start_hub(storage::Database& db, int streams_per_user) {
    return std::make_shared<Hub>(db, streams_per_user);
}

}  // namespace kreda::feed
