#include "modules/files/files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "modules/audit/audit.hpp"

namespace kreda::files {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxAttachments = 10;

bool starts_with(const std::string& bytes, std::string_view magic) {
    return bytes.rfind(magic, 0) == 0;
}

bool is_utf8_text(const std::string& bytes) {
    if (bytes.find('\0') != std::string::npos) return false;
    for (std::size_t i = 0; i < bytes.size();) {
        auto c = static_cast<unsigned char>(bytes[i]);
        std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > bytes.size()) return false;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(bytes[i + k]) & 0xC0) != 0x80) return false;
        i += length;
    }
    return true;
}

//! What the bytes are, as a family of content types; empty when not a kind we accept.
std::string sniff(const std::string& bytes) {
    if (starts_with(bytes, "%PDF-")) return "application/pdf";
    if (starts_with(bytes, "\x89PNG\r\n\x1a\n")) return "image/png";
    if (starts_with(bytes, "\xFF\xD8\xFF")) return "image/jpeg";
    if (starts_with(bytes, "GIF87a") || starts_with(bytes, "GIF89a")) return "image/gif";
    if (starts_with(bytes, std::string_view("PK\x03\x04", 4))) return "zip";  // docx, xlsx, pptx, odt, ods
    if (is_utf8_text(bytes)) return "text/plain";
    return "";
}

bool declared_fits(const std::string& declared, const std::string& sniffed) {
    std::string type = declared.substr(0, declared.find(';'));
    if (sniffed == "zip")
        return type.rfind("application/vnd.openxmlformats-officedocument.", 0) == 0 ||
               type.rfind("application/vnd.oasis.opendocument.", 0) == 0 || type == "application/zip";
    return type == sniffed;
}

std::string safe_name(const std::string& name) {
    std::string out;
    for (char c : name)
        if (c != '/' && c != '\\' && static_cast<unsigned char>(c) >= 0x20 && c != '"') out += c;
    out = json::utf8_prefix(out, 120);
    return out.empty() || out == "." || out == ".." ? "plik" : out;
}

fs::path path_of(const Context& ctx, const std::string& sha256) {
    return fs::path(ctx.settings.files_dir) / sha256.substr(0, 2) / sha256;
}

//! Writes the content once: to a temporary name, then renamed into place.
void store_file(const fs::path& path, const std::string& bytes) {
    if (fs::exists(path)) return;
    fs::create_directories(path.parent_path());
    fs::path temporary = path;
    temporary += ".tmp-" + crypto::random_hex(8);
    {
        std::ofstream out(temporary, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) throw std::runtime_error("cannot write an attachment");
    }
    fs::rename(temporary, path);
}

json::object attachment_json(const storage::Row& r) {
    return {{"id", r[0].as_int()}, {"name", r[1].as_text()}, {"content_type", r[2].as_text()}, {"size", r[3].as_int()}};
}

}  // namespace

json::object upload(Context& ctx, const auth::Actor& actor, const std::string& declared, const std::string& name,
                    const std::string& body) {
    if (!actor.school_id) throw errors::forbidden();
    if (body.empty()) throw errors::invalid({{"body", {"Plik jest pusty.", "The file is empty."}}});
    std::string sniffed = sniff(body);
    if (sniffed.empty() || !declared_fits(declared, sniffed))
        throw ApiError(415, "unsupported_file",
                       {"Dozwolone są PDF, obrazy (PNG, JPEG, GIF), dokumenty biurowe i tekst, a ich typ musi się "
                        "zgadzać z zawartością.",
                        "PDF, images (PNG, JPEG, GIF), office documents and text are allowed, and their type must "
                        "match their content."});
    std::string sha = crypto::sha256_hex(body);
    store_file(path_of(ctx, sha), body);  // before the row: a row never points at a missing file
    std::string type = declared.substr(0, declared.find(';'));
    return in_write_transaction(ctx.db, [&](storage::Transaction& tx) {
        std::int64_t id = tx.query(
                                "INSERT INTO attachments (school_id, uploader_id, sha256, name, content_type, size, "
                                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                {*actor.school_id, actor.user_id, sha, safe_name(name), type,
                                 static_cast<std::int64_t>(body.size()), Clock::now()})
                              .front()[0]
                              .as_int();
        json::object out{{"id", id},
                         {"name", safe_name(name)},
                         {"content_type", type},
                         {"size", static_cast<std::int64_t>(body.size())}};
        audit::record(tx, actor, *actor.school_id, "attachment.upload", "attachment", id, std::nullopt,
                      json::object{{"name", safe_name(name)}, {"sha256", sha}, {"size", out.at("size")}});
        return out;
    });
}

Download download(Context& ctx, const auth::Actor& actor, std::int64_t attachment_id,
                  const std::vector<ReadCheck>& readers) {
    auto tx = ctx.db.begin(storage::Access::Read);
    auto row =
        tx->query_one("SELECT sha256, name, content_type, uploader_id FROM attachments WHERE id = ?", {attachment_id});
    if (!row) throw errors::not_found();
    bool may = (*row)[3].as_int() == actor.user_id;
    for (const auto& reader : readers) may = may || reader(*tx, actor, attachment_id);
    if (!may) throw errors::not_found();
    std::ifstream in(path_of(ctx, (*row)[0].as_text()), std::ios::binary);
    if (!in) throw std::runtime_error("an attachment's file is missing");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return {(*row)[1].as_text(), (*row)[2].as_text(), bytes.str()};
}

void require_own_uploads(storage::Transaction& tx, const auth::Actor& actor, const std::vector<std::int64_t>& ids) {
    if (ids.size() > kMaxAttachments)
        throw errors::invalid({{"attachment_ids", {"Najwyżej 10 załączników.", "At most 10 attachments."}}});
    for (auto id : ids)
        if (!tx.query_one("SELECT 1 FROM attachments WHERE id = ? AND uploader_id = ?", {id, actor.user_id}))
            throw errors::invalid(
                {{"attachment_ids", {"Załączyć można tylko własne pliki.", "Only your own uploads can be attached."}}});
}

json::array linked(storage::Transaction& tx, std::string_view link_table, std::string_view owner_column,
                   std::int64_t owner_id) {
    json::array out;
    std::string sql = "SELECT t.id, t.name, t.content_type, t.size FROM " + std::string(link_table) +
                      " a JOIN attachments t ON t.id = a.attachment_id WHERE a." + std::string(owner_column) +
                      " = ? ORDER BY t.id";
    for (const auto& r : tx.query(sql, {owner_id})) out.push_back(attachment_json(r));
    return out;
}

}  // namespace kreda::files
