#include <algorithm>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "modules/audit/audit.hpp"
#include "modules/feed/feed.hpp"
#include "modules/files/files.hpp"
#include "modules/messages/mailbox_store.hpp"
#include "modules/messages/messages.hpp"

namespace kreda::messages {

namespace {

constexpr std::size_t kPreview = 140;
const std::set<std::string> kFolders = {"inbox", "sent", "archive", "trash"};

std::int64_t school_of(const auth::Actor& actor) {
    if (!actor.school_id) throw errors::forbidden();  // operators have no mailbox
    return *actor.school_id;
}

json::object sender_json(const store::MessageRow& m) {
    return {{"id", m.sender_id},
            {"first_name", m.sender_first_name},
            {"last_name", m.sender_last_name},
            {"role", m.sender_role}};
}

json::object summary_json(const store::MessageRow& m) {
    return {{"id", m.id},
            {"thread_id", m.thread_id},
            {"subject", m.subject},
            {"preview", json::utf8_prefix(m.body, kPreview)},
            {"sender", sender_json(m)},
            {"to", boost::json::parse(m.addressed_to)},
            {"sent_at", format_instant(m.sent_at)},
            {"folder", m.folder},
            {"mine", m.sent},
            {"read", m.sent || m.read_at.has_value()}};
}

json::object full_json(const store::MessageRow& m) {
    json::object o = summary_json(m);
    o.erase("preview");
    o["body"] = m.body;
    o["reply_to"] = m.reply_to ? json::value(*m.reply_to) : json::value(nullptr);
    o["read_at"] = m.read_at ? json::value(format_instant(*m.read_at)) : json::value(nullptr);
    return o;
}

store::MessageRow require_own(storage::Transaction& tx, const auth::Actor& actor, std::int64_t message_id) {
    auto m = store::find(tx, message_id, actor.user_id);
    if (!m) throw errors::not_found();  // not in your mailbox: as if it did not exist
    return *m;
}

}  // namespace

json::object send(Context& ctx, const auth::Actor& actor, const json::object& input) {
    std::int64_t school_id = school_of(actor);
    json::FieldReader fields(input);
    auto reply_to = fields.optional_id("reply_to");
    auto subject = reply_to ? fields.optional_text("subject", 200) : std::optional(fields.text("subject", 200));
    std::string body = fields.text("body", 20000);
    auto attachment_ids = fields.ids("attachment_ids");
    std::vector<std::string> keys;
    if (!reply_to) {
        const json::array* to = input.contains("to") ? input.at("to").if_array() : nullptr;
        for (const auto& k : to ? *to : json::array{})
            if (k.is_string()) keys.emplace_back(k.as_string());
        if (keys.empty() || keys.size() != (to ? to->size() : 0) || keys.size() > 50)
            fields.fail("to", {"Wybierz od 1 do 50 adresatów.", "Choose 1 to 50 recipients."});
    }
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        store::MessageRow m;
        m.school_id = school_id;
        m.sender_id = actor.user_id;
        m.body = body;
        m.sent_at = Clock::now();
        std::set<std::int64_t> recipients;
        json::array addressed;
        if (reply_to) {
            auto original = require_own(tx, actor, *reply_to);
            m.thread_id = original.thread_id;
            m.reply_to = original.id;
            m.subject =
                subject.value_or(original.subject.rfind("Re: ", 0) == 0 ? original.subject : "Re: " + original.subject);
            if (original.sent) {  // following up one's own message: the same people again
                for (auto r : store::recipients_of(tx, original.id)) recipients.insert(r);
                addressed = boost::json::parse(original.addressed_to).as_array();
            } else {
                recipients.insert(original.sender_id);
                addressed.push_back(
                    json::object{{"key", "reply"},
                                 {"kind", "person"},
                                 {"name", original.sender_first_name + " " + original.sender_last_name}});
            }
        } else {
            m.subject = *subject;
            std::map<std::string, RecipientGroup> allowed;
            for (auto& g : recipient_groups(tx, actor)) allowed.emplace(g.key, std::move(g));
            std::map<std::string, Text> problems;
            for (const auto& key : keys) {
                auto group = allowed.find(key);
                if (group == allowed.end()) {
                    problems["to." + key] = {"Nie możesz pisać do tego adresata.",
                                             "You cannot write to this recipient."};
                    continue;
                }
                recipients.insert(group->second.members.begin(), group->second.members.end());
                addressed.push_back(
                    json::object{{"key", key}, {"kind", group->second.kind}, {"name", group->second.name}});
            }
            if (!problems.empty()) throw errors::invalid(problems);
        }
        recipients.erase(actor.user_id);
        if (recipients.empty())
            throw errors::conflict("no_recipients", {"Nikt z wybranych nie może już odebrać wiadomości.",
                                                     "None of the chosen recipients can receive messages any more."});
        m.addressed_to = json::to_string(addressed);
        m.id = store::insert_message(tx, m, fold_case(m.subject + "\n" + m.body));
        if (m.thread_id == 0) m.thread_id = m.id;
        store::deliver(tx, m.id, actor.user_id, {recipients.begin(), recipients.end()});
        files::require_own_uploads(tx, actor, attachment_ids);
        for (auto id : attachment_ids)
            tx.execute(
                "INSERT INTO message_attachments (message_id, attachment_id) VALUES (?, ?) "
                "ON CONFLICT (message_id, attachment_id) DO NOTHING",
                {m.id, id});
        audit::record(tx, actor, school_id, "message.send", "message", m.id, std::nullopt,
                      json::object{{"subject", m.subject},
                                   {"to", addressed},
                                   {"recipients", static_cast<std::int64_t>(recipients.size())}});
        // One entry however many recipients: each reader's inbox decides whether it is theirs.
        auto sender = tx.query_one("SELECT first_name, last_name FROM users WHERE id = ?", {actor.user_id});
        json::object from{{"id", actor.user_id},
                          {"first_name", sender ? (*sender)[0].as_text() : ""},
                          {"last_name", sender ? (*sender)[1].as_text() : ""}};
        feed::publish(tx, {feed::for_message(school_id, m.id, "message.received",
                                             {{"message_id", m.id},
                                              {"thread_id", m.thread_id},
                                              {"subject", m.subject},
                                              {"from", std::move(from)}})});
        return json::object{{"id", m.id},
                            {"thread_id", m.thread_id},
                            {"subject", m.subject},
                            {"recipients", static_cast<std::int64_t>(recipients.size())}};
    });
}

json::object list(Context& ctx, const auth::Actor& actor, const std::string& folder, const std::string& search,
                  int limit, std::optional<std::int64_t> before) {
    school_of(actor);
    if (!kFolders.count(folder))
        throw errors::invalid(
            {{"folder", {"Folder: inbox, sent, archive albo trash.", "Folder: inbox, sent, archive or trash."}}});
    auto tx = ctx.db.begin(storage::Access::Read);
    auto rows = store::folder_of(*tx, actor.user_id, folder, fold_case(search), before.value_or(INT64_MAX), limit);
    json::array items;
    for (const auto& m : rows) {
        json::object o = summary_json(m);
        if (m.sent) {  // one's own: how many have read it, for "read by 3 of 25" in the list
            std::int64_t read = 0, total = 0;
            for (const auto& r : store::receipts(*tx, m.id)) ++total, read += r.read_at ? 1 : 0;
            o["receipts"] = json::object{{"read", read}, {"total", total}};
        }
        items.push_back(std::move(o));
    }
    bool more = static_cast<int>(rows.size()) == limit;
    return {{"items", std::move(items)}, {"next_cursor", more ? json::value(rows.back().id) : json::value(nullptr)}};
}

json::object open(Context& ctx, const auth::Actor& actor, std::int64_t message_id) {
    school_of(actor);
    std::optional<store::MessageRow> unread;
    {
        auto tx = ctx.db.begin(storage::Access::Read);
        auto m = require_own(*tx, actor, message_id);
        if (!m.sent && !m.read_at) unread = m;
    }
    if (unread)  // opening marks it read: the sender sees when
        in_write_transaction(
            ctx.db, [&](storage::Transaction& tx) { store::mark_read(tx, message_id, actor.user_id, Clock::now()); });
    auto tx = ctx.db.begin(storage::Access::Read);
    auto m = require_own(*tx, actor, message_id);
    json::object out = full_json(m);
    out["attachments"] = files::linked(*tx, "message_attachments", "message_id", m.id);
    json::array thread;
    for (const auto& t : store::thread_of(*tx, m.thread_id, actor.user_id)) {
        json::object o = full_json(t);
        o["attachments"] = files::linked(*tx, "message_attachments", "message_id", t.id);
        thread.push_back(std::move(o));
    }
    out["thread"] = std::move(thread);
    if (m.sent) {
        json::array receipts;
        std::int64_t read = 0;
        for (const auto& r : store::receipts(*tx, message_id)) {
            read += r.read_at ? 1 : 0;
            receipts.push_back(json::object{
                {"user",
                 {{"id", r.user_id}, {"first_name", r.first_name}, {"last_name", r.last_name}, {"role", r.role}}},
                {"read_at", r.read_at ? json::value(format_instant(*r.read_at)) : json::value(nullptr)}});
        }
        out["receipts"] = json::object{
            {"read", read}, {"total", static_cast<std::int64_t>(receipts.size())}, {"items", std::move(receipts)}};
    }
    return out;
}

json::object move(Context& ctx, const auth::Actor& actor, std::int64_t message_id, const json::object& input) {
    school_of(actor);
    json::FieldReader fields(input);
    std::string folder = fields.text("folder", 10);
    if (folder != "inbox" && folder != "archive" && folder != "trash")
        fields.fail("folder", {"Folder: inbox, archive albo trash.", "Folder: inbox, archive or trash."});
    fields.check();
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto m = require_own(tx, actor, message_id);
        std::string target = folder == "inbox" && m.sent ? "sent" : folder;  // restoring goes back where it was
        store::set_folder(tx, message_id, actor.user_id, target);
        m.folder = target;
        return summary_json(m);
    });
}

void remove(Context& ctx, const auth::Actor& actor, std::int64_t message_id) {
    school_of(actor);
    in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        auto m = require_own(tx, actor, message_id);
        if (m.folder != "trash")
            throw errors::conflict("not_in_trash",
                                   {"Najpierw przenieś wiadomość do kosza.", "Move the message to the trash first."});
        store::remove(tx, message_id, actor.user_id);
    });
}

json::object unread_count(Context& ctx, const auth::Actor& actor) {
    school_of(actor);
    auto tx = ctx.db.begin(storage::Access::Read);
    return {{"inbox", store::unread(*tx, actor.user_id)}};
}

bool may_read_attachment(storage::Transaction& tx, const auth::Actor& actor, std::int64_t attachment_id) {
    return tx
        .query_one(
            "SELECT 1 FROM message_attachments a JOIN mailbox b ON b.message_id = a.message_id "
            "WHERE a.attachment_id = ? AND b.owner_id = ? AND b.folder <> 'deleted'",
            {attachment_id, actor.user_id})
        .has_value();
}

}  // namespace kreda::messages
