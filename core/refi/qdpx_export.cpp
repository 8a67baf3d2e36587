// SPDX-License-Identifier: GPL-3.0-or-later
// .qdpx export: project.qde built as a DOM in the exact order of the schema's sequences, one plain-text file
// per document, written by libzip (which replaces the target only once the archive is complete).
#include <pugixml.hpp>
#include <zip.h>

#include <algorithm>
#include <ctime>
#include <deque>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

#include "core/errors.h"
#include "core/model/variable.h"
#include "core/refi/positions.h"
#include "core/refi/qdc.h"
#include "core/refi/qdpx.h"
#include "core/refi/qdpx_util.h"
#include "core/session.h"
#include "core/text/unicode.h"

namespace fs = std::filesystem;

namespace kodex {

namespace {

constexpr std::uint64_t kMaxInternalFile = (1ull << 31) - 1;  // REFI-QDA §8.5
constexpr std::int64_t kQuoteLength = 100;                    // code points of a selection's text in its name

// XML 1.0 has no way to carry C0 controls other than tab, LF and CR, nor U+FFFE and U+FFFF.
std::string xml_safe(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto u = static_cast<unsigned char>(s[i]);
        if (u < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r') continue;
        if (u == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(s[i + 2]) == 0xBE || static_cast<unsigned char>(s[i + 2]) == 0xBF)) {
            i += 2;
            continue;
        }
        out += s[i];
    }
    return out;
}

// A stored time, if it is an xsd:dateTime (Kodex writes "2026-01-02T03:04:05Z").
std::optional<std::string> xsd_datetime(const std::string& s) { return utc_datetime(s); }

const char* refi_type(VariableType t) {
    switch (t) {
    case VariableType::Text: return "Text";
    case VariableType::Integer: return "Integer";
    case VariableType::Decimal: return "Float";
    case VariableType::Date: return "Date";
    case VariableType::Boolean: return "Boolean";
    }
    return "Text";
}

const char* value_element(VariableType t) {
    switch (t) {
    case VariableType::Text: return "TextValue";
    case VariableType::Integer: return "IntegerValue";
    case VariableType::Decimal: return "FloatValue";
    case VariableType::Date: return "DateValue";
    case VariableType::Boolean: return "BooleanValue";
    }
    return "TextValue";
}

struct StringWriter : pugi::xml_writer {
    std::string out;
    void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
};

struct CodeRow {
    std::int64_t id = 0, parent = 0;
    std::string guid, name, color;
    CodeDescription description;
    bool codable = true;
};

struct CodingRow {
    std::int64_t id = 0, start = 0, end = 0;
    std::string guid, created, code_guid, coder_guid;
};

// The codings of one PlainTextSelection.
struct Selection {
    std::string stored_guid;  // from an import, when there is one
    std::int64_t start = 0, end = 0;
    std::vector<const CodingRow*> codings;
};

struct MemoRow {
    std::string guid, text, modified, title;
};

class Exporter {
public:
    Exporter(Session& session, const QdpxExportOptions& options, QdpxExportReport& report)
        : db_(session.store().db()), session_path_(session.path()), options_(options), report_(report) {}

    void run(const std::string& qdpx_path, const Progress& progress, const CancelToken* cancel) {
        load();
        pugi::xml_document doc;
        pugi::xml_node decl = doc.append_child(pugi::node_declaration);
        decl.append_attribute("version").set_value("1.0");
        decl.append_attribute("encoding").set_value("utf-8");
        pugi::xml_node project = doc.append_child("Project");
        project.append_attribute("xmlns").set_value(kQdpxNamespace);
        project.append_attribute("name").set_value(xml_safe(fs::path(session_path_).stem().string()).c_str());
        project.append_attribute("origin").set_value("Kodex");
        project.append_attribute("modifiedDateTime").set_value(utc_now().c_str());

        // ProjectType: Users? CodeBook? Variables? Cases? Sources? Notes? Links? Sets? Graphs? Description? NoteRef*
        write_users(project);
        write_codebook(project);
        write_variables(project);
        write_sources(project, progress, cancel);
        write_notes(project);
        if (const auto it = memos_.find("project"); it != memos_.end())
            add_note_ref(project, it->second);

        StringWriter xml;
        doc.save(xml, "  ", pugi::format_indent, pugi::encoding_utf8);
        files_.emplace_front("project.qde", std::move(xml.out));
        write_zip(qdpx_path);
    }

private:
    // ----------------------------------------------------------------- reading the project

    // The GUID an object is written with: its stored one, unless it is malformed or already written for
    // another object (then one derived from the object's identity, so that it stays the same next time).
    std::string guid_for(const std::string& stored, const std::string& identity) {
        if (is_guid_token(stored) && written_.insert(guid_key(stored)).second) return stored;
        const std::string g = derived_unique(identity);
        report_.warnings.push_back(identity + ": stored GUID \"" + stored + "\" " +
                                   (is_guid_token(stored) ? "is used twice" : "is not a GUID") + "; wrote " + g);
        return g;
    }

    std::string derived_unique(const std::string& identity) {
        std::string g = derived_guid(identity);
        for (int n = 2; !written_.insert(guid_key(g)).second; ++n) g = derived_guid(identity + "#" + std::to_string(n));
        return g;
    }

    // A selection keeps the GUID it was imported with; Kodex's own selections get one derived from their
    // first coding's GUID, so that the next export writes the same.
    std::string selection_guid(const Selection& s) {
        if (is_guid_token(s.stored_guid) && written_.insert(guid_key(s.stored_guid)).second) return s.stored_guid;
        std::string first;
        for (const CodingRow* c : s.codings)
            if (first.empty() || guid_key(c->guid) < first) first = guid_key(c->guid);
        return derived_unique("selection:" + first);
    }

    void load() {
        {
            Stmt s(db_, "SELECT id, guid, name FROM coders ORDER BY id");
            while (s.step()) coders_.push_back({s.col_int(0), guid_for(s.col_text(1), "coder:" + std::to_string(s.col_int(0))), s.col_text(2)});
            for (const auto& c : coders_) coder_guids_[c.id] = c.guid;
        }
        {
            Stmt s(db_, "SELECT id, guid, parent_id, name, color, definition, anchor_example, coding_rule, codable "
                        "FROM codes ORDER BY position, id");
            while (s.step()) {
                CodeRow c;
                c.id = s.col_int(0);
                c.guid = guid_for(s.col_text(1), "code:" + std::to_string(c.id));
                c.parent = s.col_null(2) ? 0 : s.col_int(2);
                c.name = s.col_text(3);
                c.color = s.col_text(4);
                c.description = {s.col_text(5), s.col_text(6), s.col_text(7)};
                c.codable = s.col_int(8) != 0;
                code_guids_[c.id] = c.guid;
                children_[c.parent].push_back(codes_.size());
                codes_.push_back(std::move(c));
            }
        }
        {
            Stmt s(db_, "SELECT id, guid, name, type FROM variables ORDER BY name");
            while (s.step()) {
                Variable v{VariableId(s.col_int(0)), {}, s.col_text(2), variable_type_from_string(s.col_text(3))};
                v.guid = guid_for(s.col_text(1), "variable:" + std::to_string(v.id.value));
                variables_.push_back(std::move(v));
            }
        }
        {
            Stmt s(db_, "SELECT key, value FROM meta WHERE key LIKE ? ESCAPE '\\'");
            std::string pattern;
            for (char c : std::string(kSelectionMetaPrefix)) {
                if (c == '_' || c == '%' || c == '\\') pattern += '\\';
                pattern += c;
            }
            s.bind(1, pattern + "%");
            const std::size_t prefix = std::string(kSelectionMetaPrefix).size();
            while (s.step()) selection_guids_[s.col_text(0).substr(prefix)] = s.col_text(1);
        }
        {
            Stmt s(db_, "SELECT m.id, m.guid, m.target, m.document_id, m.code_id, m.coding_id, m.text, m.modified_at, "
                        "COALESCE(d.name, k.name, '') FROM memos m LEFT JOIN documents d ON d.id = m.document_id "
                        "LEFT JOIN codes k ON k.id = m.code_id ORDER BY m.id");
            while (s.step()) {
                const std::string target = s.col_text(2);
                std::string key = "project", title = "Project memo";
                if (target == "document") {
                    key = "document:" + std::to_string(s.col_int(3));
                    title = "Memo on " + s.col_text(8);
                } else if (target == "code") {
                    key = "code:" + std::to_string(s.col_int(4));
                    title = "Memo on code " + s.col_text(8);
                } else if (target == "coding") {
                    key = "coding:" + std::to_string(s.col_int(5));
                    title = "Memo on a coding";
                }
                memos_[key] = {guid_for(s.col_text(1), "memo:" + std::to_string(s.col_int(0))), s.col_text(6),
                               s.col_text(7), title};
                memo_order_.push_back(key);
            }
        }
        {
            Stmt s(db_, "SELECT dv.document_id, v.guid, v.type, dv.value, v.name, v.id FROM document_variables dv "
                        "JOIN variables v ON v.id = dv.variable_id ORDER BY v.name");
            std::unordered_map<std::int64_t, std::string> guids;
            for (const auto& v : variables_) guids[v.id.value] = v.guid;
            while (s.step())
                values_[s.col_int(0)].push_back({guids[s.col_int(5)], s.col_text(2), s.col_text(3), s.col_text(4)});
        }
    }

    // ----------------------------------------------------------------- writing the XML

    void add_note_ref(pugi::xml_node parent, const MemoRow& memo) {
        parent.append_child("NoteRef").append_attribute("targetGUID").set_value(memo.guid.c_str());
    }

    const MemoRow* memo(const std::string& key) const {
        const auto it = memos_.find(key);
        return it == memos_.end() ? nullptr : &it->second;
    }

    void write_users(pugi::xml_node project) {
        if (coders_.empty()) return;
        pugi::xml_node users = project.append_child("Users");
        for (const auto& c : coders_) {
            pugi::xml_node u = users.append_child("User");
            u.append_attribute("guid").set_value(c.guid.c_str());
            u.append_attribute("name").set_value(xml_safe(c.name).c_str());
        }
        report_.coders = static_cast<std::int64_t>(coders_.size());
    }

    void write_codebook(pugi::xml_node project) {
        if (codes_.empty()) return;
        pugi::xml_node codes = project.append_child("CodeBook").append_child("Codes");
        // Iterative, so a deep tree costs no stack: (parent element, code index) in document order.
        std::vector<std::pair<pugi::xml_node, std::size_t>> todo;
        const auto push_children = [&](pugi::xml_node parent, std::int64_t id) {
            const auto it = children_.find(id);
            if (it == children_.end()) return;
            for (auto c = it->second.rbegin(); c != it->second.rend(); ++c) todo.emplace_back(parent, *c);
        };
        push_children(codes, 0);
        while (!todo.empty()) {
            auto [parent, index] = todo.back();
            todo.pop_back();
            const CodeRow& c = codes_[index];
            pugi::xml_node n = parent.append_child("Code");
            n.append_attribute("guid").set_value(c.guid.c_str());
            n.append_attribute("name").set_value(xml_safe(c.name).c_str());
            n.append_attribute("isCodable").set_value(c.codable ? "true" : "false");
            if (const std::string color = canonical_color(c.color); !color.empty())
                n.append_attribute("color").set_value(color.c_str());
            // CodeType: Description? NoteRef* Code*
            if (const std::string d = xml_safe(join_description(c.description)); !d.empty())
                n.append_child("Description").text().set(d.c_str());
            if (const MemoRow* m = memo("code:" + std::to_string(c.id))) add_note_ref(n, *m);
            push_children(n, c.id);
            ++report_.codes;
        }
    }

    void write_variables(pugi::xml_node project) {
        if (variables_.empty()) return;
        pugi::xml_node vars = project.append_child("Variables");
        for (const auto& v : variables_) {
            pugi::xml_node n = vars.append_child("Variable");
            n.append_attribute("guid").set_value(v.guid.c_str());
            n.append_attribute("name").set_value(xml_safe(v.name).c_str());
            n.append_attribute("typeOfVariable").set_value(refi_type(v.type));
        }
        report_.variables = static_cast<std::int64_t>(variables_.size());
    }

    void write_sources(pugi::xml_node project, const Progress& progress, const CancelToken* cancel) {
        struct DocRow {
            std::int64_t id;
            std::string guid, name, imported;
        };
        std::vector<DocRow> docs;
        {
            Stmt s(db_, "SELECT id, guid, name, imported_at FROM documents ORDER BY position, name");
            while (s.step())
                docs.push_back({s.col_int(0), guid_for(s.col_text(1), "document:" + std::to_string(s.col_int(0))),
                                s.col_text(2), s.col_text(3)});
        }
        if (docs.empty()) return;
        pugi::xml_node sources = project.append_child("Sources");
        Stmt text_of_doc(db_, "SELECT text FROM documents WHERE id = ?");
        Stmt codings_of_doc(db_, "SELECT c.id, c.start, c.end, c.guid, c.created_at, k.id, c.coder_id FROM codings c "
                                 "JOIN codes k ON k.id = c.code_id WHERE c.document_id = ? ORDER BY c.start, c.end, c.id");
        int outside_bmp = 0;
        const auto total = static_cast<std::int64_t>(docs.size());
        for (std::size_t i = 0; i < docs.size(); ++i) {
            if (cancel) cancel->check();
            const DocRow& d = docs[i];
            progress.report(static_cast<std::int64_t>(i), total, d.name);
            text_of_doc.reset();
            text_of_doc.bind(1, d.id);
            text_of_doc.step();
            std::string text = text_of_doc.col_text(0);
            if (text.size() > kMaxInternalFile)
                throw InvalidArgument("document '" + d.name + "' is larger than 2 GiB, the limit REFI-QDA sets for a file");
            if (counting_matters(text)) ++outside_bmp;  // stored text has LF only: only non-BMP characters count

            std::vector<CodingRow> codings;
            codings_of_doc.reset();
            codings_of_doc.bind(1, d.id);
            while (codings_of_doc.step())
                codings.push_back({codings_of_doc.col_int(0), codings_of_doc.col_int(1), codings_of_doc.col_int(2),
                                   codings_of_doc.col_text(3), codings_of_doc.col_text(4),
                                   code_guids_[codings_of_doc.col_int(5)], coder_guids_[codings_of_doc.col_int(6)]});

            const std::string file = guid_key(d.guid) + ".txt";
            pugi::xml_node src = sources.append_child("TextSource");
            src.append_attribute("guid").set_value(d.guid.c_str());
            src.append_attribute("name").set_value(xml_safe(d.name).c_str());
            src.append_attribute("plainTextPath").set_value(("internal://" + file).c_str());
            if (const auto created = xsd_datetime(d.imported)) src.append_attribute("creationDateTime").set_value(created->c_str());
            // TextSourceType: Description? PlainTextContent? PlainTextSelection* Coding* NoteRef* VariableValue*
            write_selections(src, text, codings);
            if (const MemoRow* m = memo("document:" + std::to_string(d.id))) add_note_ref(src, *m);
            write_values(src, d.id, d.name);

            if (options_.crlf_line_ends) {
                std::string crlf;
                crlf.reserve(text.size() + text.size() / 32);
                for (char c : text) {
                    if (c == '\n') crlf += '\r';
                    crlf += c;
                }
                if (crlf.size() > kMaxInternalFile)
                    throw InvalidArgument("document '" + d.name + "' is larger than 2 GiB with CR LF line ends");
                text = std::move(crlf);
            }
            files_.emplace_back("sources/" + file, std::move(text));
            ++report_.documents;
        }
        progress.report(total, total, "");
        if (outside_bmp > 0 && !options_.utf16_positions)
            report_.warnings.push_back(std::to_string(outside_bmp) + " document" + (outside_bmp == 1 ? " has" : "s have") +
                                       " characters outside the BMP (such as emoji): NVivo counts them twice and would "
                                       "shift codings after them; export with the NVivo switch for NVivo");
    }

    void write_selections(pugi::xml_node src, const std::string& text, const std::vector<CodingRow>& codings) {
        if (codings.empty()) return;
        // Codings of one imported selection stay together; other codings on the same range form one selection.
        std::vector<Selection> selections;
        std::map<std::tuple<std::string, std::int64_t, std::int64_t>, std::size_t> index;
        for (const CodingRow& c : codings) {
            const auto it = selection_guids_.find(c.guid);
            const std::string stored = it == selection_guids_.end() ? std::string() : it->second;
            const auto key = std::make_tuple(guid_key(stored), c.start, c.end);
            auto [pos, added] = index.try_emplace(key, selections.size());
            if (added) selections.push_back({stored, c.start, c.end, {}});
            selections[pos->second].codings.push_back(&c);
        }

        const PositionIndex bytes(text);
        std::optional<PositionCounter> utf16;
        if (options_.utf16_positions) utf16.emplace(text, CountingModel{true, false});
        const auto position = [&](std::int64_t cp) { return utf16 ? utf16->to_units(cp) : cp; };

        for (const Selection& s : selections) {
            const std::string guid = selection_guid(s);
            const std::int64_t end = std::min(s.end, bytes.code_points());
            const std::int64_t start = std::min(s.start, end);
            std::string quote = text.substr(bytes.to_byte(start), bytes.to_byte(end) - bytes.to_byte(start));
            if (end - start > kQuoteLength) quote = substring_cp(quote, 0, kQuoteLength) + "\xE2\x80\xA6";

            pugi::xml_node n = src.append_child("PlainTextSelection");
            n.append_attribute("guid").set_value(guid.c_str());
            n.append_attribute("name").set_value(xml_safe(quote).c_str());
            n.append_attribute("startPosition").set_value(static_cast<long long>(position(start)));
            n.append_attribute("endPosition").set_value(static_cast<long long>(position(end)));
            const CodingRow& first = *s.codings.front();
            if (!first.coder_guid.empty()) n.append_attribute("creatingUser").set_value(first.coder_guid.c_str());
            if (const auto created = xsd_datetime(first.created)) n.append_attribute("creationDateTime").set_value(created->c_str());
            // PlainTextSelectionType: Description? Coding* NoteRef*
            for (const CodingRow* c : s.codings) {
                pugi::xml_node coding = n.append_child("Coding");
                coding.append_attribute("guid").set_value(guid_for(c->guid, "coding:" + std::to_string(c->id)).c_str());
                if (!c->coder_guid.empty()) coding.append_attribute("creatingUser").set_value(c->coder_guid.c_str());
                if (const auto created = xsd_datetime(c->created))
                    coding.append_attribute("creationDateTime").set_value(created->c_str());
                // CodingType: CodeRef NoteRef*
                coding.append_child("CodeRef").append_attribute("targetGUID").set_value(c->code_guid.c_str());
                if (const MemoRow* m = memo("coding:" + std::to_string(c->id))) add_note_ref(coding, *m);
                ++report_.codings;
            }
            ++report_.selections;
        }
    }

    void write_values(pugi::xml_node src, std::int64_t doc, const std::string& doc_name) {
        const auto it = values_.find(doc);
        if (it == values_.end()) return;
        for (const auto& v : it->second) {
            const VariableType type = variable_type_from_string(v.type);
            std::string value = v.value;
            try {
                value = canonical_value(type, value);
            } catch (const InvalidArgument&) {
                report_.warnings.push_back("'" + doc_name + "': value '" + value + "' of variable '" + v.name +
                                           "' does not fit its type " + v.type + "; not written");
                continue;
            }
            pugi::xml_node vv = src.append_child("VariableValue");
            vv.append_child("VariableRef").append_attribute("targetGUID").set_value(v.guid.c_str());
            vv.append_child(value_element(type)).text().set(xml_safe(value).c_str());
        }
    }

    void write_notes(pugi::xml_node project) {
        if (memo_order_.empty()) return;
        pugi::xml_node notes = project.append_child("Notes");
        for (const std::string& key : memo_order_) {
            const MemoRow& m = memos_.at(key);
            pugi::xml_node n = notes.append_child("Note");
            n.append_attribute("guid").set_value(m.guid.c_str());
            n.append_attribute("name").set_value(xml_safe(m.title).c_str());
            if (const auto modified = xsd_datetime(m.modified)) n.append_attribute("modifiedDateTime").set_value(modified->c_str());
            n.append_child("PlainTextContent").text().set(xml_safe(m.text).c_str());
            ++report_.notes;
        }
    }

    // ----------------------------------------------------------------- the archive

    void write_zip(const std::string& path) {
        int code = 0;
        zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
        if (!za) {
            zip_error_t error;
            zip_error_init_with_code(&error, code);
            const std::string reason = zip_error_strerror(&error);
            zip_error_fini(&error);
            throw IoError(path, "cannot write: " + reason);
        }
        const auto fail = [&](const std::string& what) {
            const std::string reason = zip_strerror(za);
            zip_discard(za);
            throw IoError(path, what + ": " + reason);
        };
        const std::time_t now = std::time(nullptr);
        for (const auto& [name, data] : files_) {
            zip_source_t* source = zip_source_buffer(za, data.data(), data.size(), 0);
            if (!source) fail("cannot add " + name);
            const zip_int64_t index = zip_file_add(za, name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
            if (index < 0) {
                zip_source_free(source);
                fail("cannot add " + name);
            }
            if (zip_set_file_compression(za, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0) != 0 ||
                zip_file_set_mtime(za, static_cast<zip_uint64_t>(index), now, 0) != 0)
                fail("cannot add " + name);
        }
        if (zip_close(za) != 0) fail("cannot write");
        std::error_code ec;
        report_.bytes = fs::file_size(path, ec);
    }

    struct CoderRow {
        std::int64_t id;
        std::string guid, name;
    };
    struct ValueRow {
        std::string guid, type, value, name;
    };

    Db& db_;
    std::string session_path_;
    const QdpxExportOptions& options_;
    QdpxExportReport& report_;
    std::set<std::string> written_;  // guid_key of every GUID written
    std::vector<CoderRow> coders_;
    std::unordered_map<std::int64_t, std::string> coder_guids_, code_guids_;
    std::vector<CodeRow> codes_;
    std::map<std::int64_t, std::vector<std::size_t>> children_;  // parent id (0: top) -> indexes into codes_
    std::vector<Variable> variables_;
    std::unordered_map<std::string, std::string> selection_guids_;  // coding GUID -> imported selection GUID
    std::map<std::string, MemoRow> memos_;                          // target key -> memo
    std::vector<std::string> memo_order_;
    std::unordered_map<std::int64_t, std::vector<ValueRow>> values_;  // document -> values
    std::deque<std::pair<std::string, std::string>> files_;          // archive name -> bytes, alive until zip_close
};

}  // namespace

QdpxExportReport export_qdpx(Session& session, const std::string& qdpx_path, const QdpxExportOptions& options,
                             const Progress& progress, const CancelToken* cancel) {
    QdpxExportReport report;
    if (options.utf16_positions)
        report.warnings.push_back("positions are UTF-16 code units (for NVivo); programs that follow the standard count code points");
    if (options.crlf_line_ends)
        report.warnings.push_back("plain texts have CR LF line ends; positions count each line end once (for MAXQDA)");
    Exporter(session, options, report).run(qdpx_path, progress, cancel);
    return report;
}

}  // namespace kodex
