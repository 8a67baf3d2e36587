// SPDX-License-Identifier: GPL-3.0-or-later
// .qdpx import: the archive and its XML are checked first (the only fatal errors); then one transaction on a
// new project writes every element that can be held, with its GUID, and lists the rest in the report.
#include <pugixml.hpp>

#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "core/errors.h"
#include "core/import/importer.h"
#include "core/import/zip_xml.h"
#include "core/model/variable.h"
#include "core/refi/guid.h"
#include "core/refi/positions.h"
#include "core/refi/qdc.h"
#include "core/refi/qdpx.h"
#include "core/refi/qdpx_archive.h"
#include "core/refi/qdpx_util.h"
#include "core/session.h"
#include "core/text/transcript_parse.h"
#include "core/text/unicode.h"

namespace fs = std::filesystem;

namespace kodex {

namespace {

constexpr int kMaxProjectDepth = 200;
constexpr const char* kUnknownCoder = "unknown";

// Colours for codes that arrive without one (ATLAS.ti and NVivo write none): the editor's palette.
const char* const kPalette[] = {"#E6194B", "#3CB44B", "#4363D8", "#F58231", "#911EB4", "#46B5C4",
                                "#F032E6", "#9AB31A", "#D4A017", "#008080", "#9A6324", "#800000",
                                "#6B8E23", "#000075", "#E377C2", "#7F7F7F"};

// ------------------------------------------------------------------------------------------- text

// Producers are asked for UTF-8 but do not always deliver it: ill-formed sequences and NUL become U+FFFD.
std::string lossy_utf8(std::string_view bytes) {
    if (is_valid_utf8(bytes) && bytes.find('\0') == std::string_view::npos) return std::string(bytes);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(bytes.data(), static_cast<int32_t>(bytes.size())));
    u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0)), icu::UnicodeString(static_cast<UChar>(0xFFFD)));
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) --e;
    return std::string(s.substr(b, e - b));
}

// A name as Kodex keeps names: valid UTF-8, one line, trimmed, NFC.
std::string clean_name(std::string_view raw) {
    std::string s = lossy_utf8(raw);
    for (char& c : s)
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    return normalize_text(trim(s));
}

// Descriptions: valid UTF-8, LF, NFC, trimmed.
std::string clean_text(std::string_view raw) { return trim(normalize_text(lossy_utf8(raw))); }

// Note texts and text values as their author wrote them (valid UTF-8, LF, NFC); nothing when only whitespace.
std::string clean_content(std::string_view raw) {
    std::string s = normalize_text(lossy_utf8(raw));
    return trim(s).empty() ? std::string() : s;
}

std::string unique_name(const std::string& base, std::set<std::string>& taken) {
    std::string name = base;
    for (int n = 2; !taken.insert(name).second; ++n) name = base + " (" + std::to_string(n) + ")";
    return name;
}

std::optional<std::int64_t> parse_integer(std::string_view raw) {
    const std::string s = trim(raw);
    if (s.empty() || s.size() > 18) return std::nullopt;
    std::size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    if (i == s.size()) return std::nullopt;
    std::int64_t v = 0;
    for (; i < s.size(); ++i) {
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
        v = v * 10 + (s[i] - '0');
    }
    return s[0] == '-' ? -v : v;
}

// A quote for the report: the first characters of a text, on one line.
std::string short_quote(std::string_view text) {
    std::string q = clean_name(text.substr(0, 400));
    if (count_code_points(q) > 60) q = substring_cp(q, 0, 60) + "\xE2\x80\xA6";
    return q;
}

std::string attr(const pugi::xml_node& n, const char* name) { return n.attribute(name).value(); }

// relative:// and absolute:// name files outside the archive.
bool is_external(const std::string& path) {
    std::string scheme = path.substr(0, 9);
    for (char& c : scheme)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return scheme == "relative:" || scheme == "absolute:";
}

std::optional<bool> parse_boolean(std::string_view raw) {
    const std::string v = trim(raw);
    if (v == "true" || v == "1") return true;
    if (v == "false" || v == "0") return false;
    return std::nullopt;
}

// Counts descendants by local name (for what an unsupported source carries).
struct DescendantCounter : pugi::xml_tree_walker {
    std::map<std::string, int> counts;
    bool for_each(pugi::xml_node& n) override {
        if (n.type() == pugi::node_element) ++counts[std::string(local_name(n))];
        return true;
    }
};

// ------------------------------------------------------------------------------------------ memos

struct MemoPart {
    std::string title;  // kept in the memo text when several parts are joined, or for free notes
    std::string text;
    std::string guid;   // the Note's GUID, when the part is one
    std::string modified;
};

struct MemoDraft {
    MemoTarget target = MemoTarget::Project;
    std::int64_t id = 0;
    std::string what;  // for the report
    std::vector<MemoPart> parts;
};

struct NoteInfo {
    pugi::xml_node node;
    std::string guid, name, text, modified;
    int uses = 0;
    bool loaded = false;
};

struct SelectionInfo {
    DocumentId document;
    std::vector<CodingId> codings;
    std::string quote;
};

// ---------------------------------------------------------------------------------------- importer

class Importer {
public:
    Importer(const QdpxArchive& archive, const pugi::xml_node& root, Db& db, QdpxImportReport& report,
             const Progress& progress, const CancelToken* cancel)
        : archive_(archive), root_(root), db_(db), report_(report), progress_(progress), cancel_(cancel),
          now_(utc_now()) {}

    void run() {
        report_.origin = attr(root_, "origin");
        preferred_ = default_counting_model(report_.origin);
        index_notes_and_cases();
        for (const auto& users : children_named(root_, "Users")) read_users(users);
        for (const auto& book : children_named(root_, "CodeBook"))
            for (const auto& codes : children_named(book, "Codes")) read_codes(codes, CodeId(), 1);
        for (const auto& vars : children_named(root_, "Variables")) read_variables(vars);
        for (const auto& sources : children_named(root_, "Sources")) read_sources(sources);
        for (const auto& cases : children_named(root_, "Cases")) read_cases(cases);
        for (const auto& sets : children_named(root_, "Sets")) read_sets(sets);
        for (const auto& links : children_named(root_, "Links")) read_links(links);
        for (const auto& graphs : children_named(root_, "Graphs"))
            for (const auto& g : children_named(graphs, "Graph"))
                skip("Graph", attr(g, "guid"), attr(g, "name"), "graphs (network views) are not kept");
        read_project_notes();
        write_memos();
        write_values();
        make_coded_folders_codable();
        count();
    }

private:
    // ----------------------------------------------------------------- report helpers

    void skip(const std::string& element, const std::string& guid, const std::string& name, const std::string& why) {
        report_.skipped.push_back({element, guid, clean_name(name), why});
    }
    void adjust(const std::string& element, const std::string& guid, const std::string& name, const std::string& why) {
        report_.adjusted.push_back({element, guid, clean_name(name), why});
    }

    // The GUID an object is stored with: its own when it is valid and not taken by an earlier object.
    // `report_missing`: false for objects Kodex makes up itself (they never had a GUID).
    std::string claim_guid(const std::string& raw, const std::string& element, const std::string& name,
                           bool report_missing = true) {
        const std::string g = trim(raw);
        if (is_guid_token(g) && guids_.insert(guid_key(g)).second) return g;
        std::string fresh = new_guid();
        guids_.insert(guid_key(fresh));
        if (g.empty() && !report_missing) return fresh;
        if (g.empty())
            adjust(element, "", name, "has no GUID; assigned " + fresh);
        else if (!is_guid_token(g))
            adjust(element, g, name, "\"" + g + "\" is not a GUID; assigned " + fresh);
        else
            adjust(element, g, name, "GUID used by another object before; assigned " + fresh);
        return fresh;
    }

    std::string date_of(std::initializer_list<const pugi::xml_node*> nodes, std::initializer_list<const char*> attrs) {
        for (const pugi::xml_node* n : nodes)
            for (const char* a : attrs)
                if (auto d = utc_datetime(n->attribute(a).value())) return *d;
        return now_;
    }

    // ----------------------------------------------------------------- notes and cases (read first, used later)

    void index_notes_and_cases() {
        for (const auto& notes : children_named(root_, "Notes")) {
            for (const auto& n : children_named(notes, "Note")) {
                const std::string key = guid_key(trim(attr(n, "guid")));
                if (key.empty() || notes_.count(key)) {
                    skip("Note", attr(n, "guid"), attr(n, "name"),
                         key.empty() ? "has no GUID, so nothing can refer to it" : "GUID used by another note");
                    continue;
                }
                notes_[key].node = n;
                note_order_.push_back(key);
            }
        }
        for (const auto& cases : children_named(root_, "Cases"))
            for (const auto& c : children_named(cases, "Case")) case_keys_.insert(guid_key(trim(attr(c, "guid"))));
    }

    NoteInfo& load_note(const std::string& key) {
        NoteInfo& note = notes_.at(key);
        if (note.loaded) return note;
        note.loaded = true;
        const pugi::xml_node& n = note.node;
        note.guid = trim(attr(n, "guid"));
        note.name = clean_name(attr(n, "name"));
        note.modified = date_of({&n}, {"modifiedDateTime", "creationDateTime"});
        std::string text;
        if (const std::string path = trim(attr(n, "plainTextPath")); !path.empty()) {
            try {
                if (auto bytes = archive_.read_internal(path)) text = decode_bytes(*bytes, path).utf8;
                else skip("Note", note.guid, note.name, "its text file " + path + " is not in the archive");
            } catch (const Error& e) {
                skip("Note", note.guid, note.name, std::string("its text file cannot be read: ") + e.what());
            }
        }
        if (text.empty())
            if (const auto content = child_element(n, "PlainTextContent")) text = text_of(content);
        note.text = clean_content(text);
        if (const auto d = child_element(n, "Description"); d && note.text.empty()) note.text = clean_text(text_of(d));
        return note;
    }

    // Attaches the note a NoteRef (or a Link) names to a memo target. False when there is no such note.
    bool attach_note(const std::string& target_guid, MemoTarget target, std::int64_t id, const std::string& what) {
        const std::string key = guid_key(trim(target_guid));
        if (!notes_.count(key)) return false;
        NoteInfo& note = load_note(key);
        // A note attached twice is copied; its GUID stays with the first memo.
        add_memo(target, id, what, {{}, note.text, note.uses++ == 0 ? note.guid : std::string(), note.modified});
        return true;
    }

    void attach_note_refs(const pugi::xml_node& owner, MemoTarget target, std::int64_t id, const std::string& what) {
        for (const auto& ref : children_named(owner, "NoteRef")) {
            const std::string g = attr(ref, "targetGUID");
            if (!attach_note(g, target, id, what)) skip("NoteRef", g, what, "refers to a note that is not in the project");
        }
    }

    void add_memo(MemoTarget target, std::int64_t id, const std::string& what, MemoPart part) {
        if (part.text.empty()) return;
        std::string key;
        switch (target) {
        case MemoTarget::Project: key = "project"; break;
        case MemoTarget::Document: key = "document:" + std::to_string(id); break;
        case MemoTarget::Code: key = "code:" + std::to_string(id); break;
        case MemoTarget::Coding: key = "coding:" + std::to_string(id); break;
        }
        auto [it, added] = memos_.try_emplace(key);
        if (added) {
            memo_order_.push_back(key);
            it->second.target = target;
            it->second.id = id;
            it->second.what = what;
        }
        it->second.parts.push_back(std::move(part));
    }

    // ----------------------------------------------------------------- users

    void read_users(const pugi::xml_node& users) {
        for (const auto& u : children_named(users, "User")) {
            const std::string raw = trim(attr(u, "guid"));
            const std::string key = guid_key(raw);
            std::string name = clean_name(attr(u, "name"));
            if (name.empty()) name = clean_name(attr(u, "id"));
            if (name.empty()) name = "User " + key.substr(0, 8);
            if (!key.empty() && coders_.count(key)) {
                skip("User", raw, name, "GUID used by another user");
                continue;
            }
            if (raw.empty()) adjust("User", raw, name, "has no GUID; assigned a new one");
            const CoderId id = insert_coder(raw, name, "User");
            if (!key.empty()) coders_[key] = id;
        }
    }

    CoderId insert_coder(const std::string& raw_guid, const std::string& base, const char* element) {
        const std::string name = unique_name(base, coder_names_);
        if (name != base) adjust(element, raw_guid, base, "another user has that name; renamed to \"" + name + "\"");
        const std::string guid = claim_guid(raw_guid, element, name, false);
        Stmt(db_, "INSERT INTO coders(guid, name) VALUES(?, ?)").bind(1, guid).bind(2, name).run();
        return CoderId(db_.last_insert_id());
    }

    // The coder of a coding: the first of the given user GUIDs that names a user, else the project's creator,
    // else a coder called "unknown".
    CoderId coder_for(std::initializer_list<std::string> user_guids) {
        for (const std::string& raw : user_guids) {
            const std::string g = trim(raw);
            if (g.empty()) continue;
            const std::string key = guid_key(g);
            if (const auto it = coders_.find(key); it != coders_.end()) return it->second;
            // A user named only in a reference: kept under its GUID.
            const CoderId id = insert_coder(g, "User " + key.substr(0, 8), "User");
            adjust("User", g, "User " + key.substr(0, 8), "referred to but not listed under <Users>; added");
            coders_[key] = id;
            return id;
        }
        if (const std::string creator = trim(attr(root_, "creatingUserGUID")); !creator.empty() && coders_.count(guid_key(creator)))
            return coders_[guid_key(creator)];
        if (!unknown_coder_.valid()) {
            unknown_coder_ = insert_coder("", kUnknownCoder, "User");
            adjust("Coding", "", kUnknownCoder, "codings without a user are attributed to this coder");
        }
        return unknown_coder_;
    }

    // ----------------------------------------------------------------- codes

    void read_codes(const pugi::xml_node& parent_node, CodeId parent, int depth) {
        std::set<std::string>& siblings = sibling_names_[parent.value];
        for (const auto& n : children_named(parent_node, "Code")) {
            const std::string raw = trim(attr(n, "guid"));
            const std::string key = guid_key(raw);
            std::string base = clean_name(attr(n, "name"));
            if (!key.empty() && case_keys_.count(key)) {
                // NVivo lists each case as a code with the case's GUID: codings to it are case membership.
                adjust("Code", raw, base, "stands for a case (same GUID): read as the case, its codings as membership");
                read_codes(n, parent, depth);
                continue;
            }
            if (base.empty()) {
                base = "Unnamed code";
                adjust("Code", raw, "", "has no name; named \"" + base + "\"");
            }
            const std::string name = unique_name(base, siblings);
            if (name != base) adjust("Code", raw, base, "a sibling code has that name; renamed to \"" + name + "\"");
            const std::string guid = claim_guid(raw, "Code", name);

            const std::string raw_color = trim(attr(n, "color"));
            std::string color = canonical_color(raw_color);
            if (color.empty()) {
                if (!raw_color.empty()) adjust("Code", raw, name, "colour \"" + raw_color + "\" is not #RGB or #RRGGBB; replaced");
                color = kPalette[code_count_ % (sizeof kPalette / sizeof kPalette[0])];
            }
            const pugi::xml_attribute codable_attr = n.attribute("isCodable");
            const std::optional<bool> codable = parse_boolean(codable_attr.value());
            if (codable_attr && !codable)
                adjust("Code", raw, name, std::string("isCodable=\"") + codable_attr.value() + "\" is not a boolean; taken as true");
            CodeDescription d;
            if (const auto desc = child_element(n, "Description")) d = split_description(clean_text(text_of(desc)));

            Stmt ins(db_, "INSERT INTO codes(guid, parent_id, position, name, color, definition, anchor_example, "
                          "coding_rule, codable) VALUES(?,?,?,?,?,?,?,?,?)");
            ins.bind(1, guid).bind_id(2, parent.value).bind(3, static_cast<std::int64_t>(siblings.size() - 1));
            ins.bind(4, name).bind(5, color).bind(6, d.definition).bind(7, d.anchor_example).bind(8, d.coding_rule);
            ins.bind(9, codable.value_or(true) ? 1 : 0).run();
            const CodeId id(db_.last_insert_id());
            ++code_count_;
            if (!key.empty()) codes_.emplace(key, id);
            attach_note_refs(n, MemoTarget::Code, id.value, "code \"" + name + "\"");
            read_codes(n, id, depth + 1);
        }
    }

    void make_coded_folders_codable() {
        Stmt s(db_, "SELECT guid, name FROM codes WHERE codable = 0 AND id IN (SELECT code_id FROM codings)");
        while (s.step()) adjust("Code", s.col_text(0), s.col_text(1), "marked not codable but has codings; made codable");
        db_.exec("UPDATE codes SET codable = 1 WHERE codable = 0 AND id IN (SELECT code_id FROM codings)");
    }

    // ----------------------------------------------------------------- variables

    struct VariableInfo {
        VariableId id;
        VariableType type = VariableType::Text;
        std::string name;
    };

    void read_variables(const pugi::xml_node& vars) {
        for (const auto& v : children_named(vars, "Variable")) {
            const std::string raw = trim(attr(v, "guid"));
            std::string base = clean_name(attr(v, "name"));
            if (base.empty()) {
                base = "Unnamed variable";
                adjust("Variable", raw, "", "has no name; named \"" + base + "\"");
            }
            const std::string refi_type = trim(attr(v, "typeOfVariable"));
            VariableType type = VariableType::Text;
            if (refi_type == "Boolean") type = VariableType::Boolean;
            else if (refi_type == "Integer") type = VariableType::Integer;
            else if (refi_type == "Float") type = VariableType::Decimal;
            else if (refi_type == "Date") type = VariableType::Date;
            else if (refi_type != "Text")
                adjust("Variable", raw, base, "type \"" + refi_type + "\" is kept as text (Kodex has no date-time type)");
            if (const auto d = child_element(v, "Description"); d && !clean_text(text_of(d)).empty())
                adjust("Variable", raw, base, "its description is not kept");
            if (raw.empty()) adjust("Variable", raw, base, "has no GUID; assigned a new one");
            const VariableInfo info = insert_variable(raw, base, type, "Variable");
            if (!raw.empty()) variables_.emplace(guid_key(raw), info);
        }
    }

    VariableInfo insert_variable(const std::string& raw_guid, const std::string& base, VariableType type, const char* element) {
        const std::string name = unique_name(base, variable_names_);
        if (name != base) adjust(element, raw_guid, base, "another variable has that name; named \"" + name + "\"");
        const std::string guid = claim_guid(raw_guid, element, name, false);
        Stmt(db_, "INSERT INTO variables(guid, name, type) VALUES(?, ?, ?)").bind(1, guid).bind(2, name).bind(3, to_string(type)).run();
        return {VariableId(db_.last_insert_id()), type, name};
    }

    // A VariableValue element: the variable and its value in Kodex's canonical form.
    std::optional<std::pair<VariableInfo, std::string>> read_value(const pugi::xml_node& vv, const std::string& owner) {
        const std::string ref = attr(child_element(vv, "VariableRef"), "targetGUID");
        const auto it = variables_.find(guid_key(trim(ref)));
        if (it == variables_.end()) {
            skip("VariableValue", ref, owner, "refers to a variable that is not in the project");
            return std::nullopt;
        }
        std::string value;
        for (const pugi::xml_node& c : vv.children()) {
            if (c.type() != pugi::node_element || local_name(c) == "VariableRef") continue;
            value = local_name(c) == "TextValue" ? clean_content(text_of(c)) : clean_text(text_of(c));
            if (local_name(c) == "DateValue") value = value.substr(0, 10);  // an xsd:date may carry a zone
            break;
        }
        if (value.empty()) return std::nullopt;
        try {
            return std::make_pair(it->second, canonical_value(it->second.type, value));
        } catch (const InvalidArgument& e) {
            skip("VariableValue", ref, owner + ": " + it->second.name, e.what());
            return std::nullopt;
        }
    }

    void set_value(DocumentId doc, const VariableInfo& var, const std::string& value, const std::string& doc_name) {
        auto [it, added] = values_.try_emplace({doc.value, var.id.value}, value);
        if (!added && it->second != value)
            skip("VariableValue", "", doc_name + ": " + var.name,
                 "second value \"" + value + "\" ignored; the document has \"" + it->second + "\"");
    }

    void write_values() {
        Stmt ins(db_, "INSERT INTO document_variables(document_id, variable_id, value) VALUES(?, ?, ?)");
        for (const auto& [key, value] : values_) {
            ins.reset();
            ins.bind(1, key.first).bind(2, key.second).bind(3, value).run();
        }
    }

    // ----------------------------------------------------------------- sources

    void read_sources(const pugi::xml_node& sources) {
        std::vector<pugi::xml_node> list;
        for (const pugi::xml_node& s : sources.children())
            if (s.type() == pugi::node_element) list.push_back(s);
        const auto total = static_cast<std::int64_t>(list.size());
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (cancel_) cancel_->check();
            const pugi::xml_node& s = list[i];
            const std::string kind(local_name(s));
            progress_.report(static_cast<std::int64_t>(i), total, attr(s, "name"));
            if (kind == "TextSource") {
                read_text_source(s, s, "txt");
            } else if (kind == "PDFSource") {
                for (const auto& sel : children_named(s, "PDFSelection"))
                    skip("PDFSelection", attr(sel, "guid"), attr(sel, "name"),
                         "an area of a PDF page; only selections in the PDF's text representation are kept");
                if (const auto rep = child_element(s, "Representation")) {
                    adjust("PDFSource", attr(s, "guid"), attr(s, "name"),
                           "kept as a text document: its plain-text representation (GUID " + attr(rep, "guid") +
                               " not kept); the PDF file itself is not");
                    read_text_source(rep, s, "pdf");
                } else
                    skip_unsupported(s, "a PDF without a plain-text representation");
            } else if (kind == "PictureSource") {
                skip_unsupported(s, "pictures are not held by Kodex");
            } else if (kind == "AudioSource" || kind == "VideoSource") {
                skip_unsupported(s, kind == "AudioSource" ? "audio is not held by Kodex" : "video is not held by Kodex");
            } else {
                skip(kind, attr(s, "guid"), attr(s, "name"), "unknown kind of source");
            }
        }
        progress_.report(total, total, "");
    }

    void skip_unsupported(const pugi::xml_node& s, const std::string& why) {
        DescendantCounter counter;
        pugi::xml_node node = s;
        node.traverse(counter);
        std::string carried;
        for (const char* what : {"Transcript", "Coding", "NoteRef"}) {
            if (const int n = counter.counts[what]; n > 0)
                carried += std::string(carried.empty() ? "; with it " : ", ") + std::to_string(n) + " " + what +
                           (n == 1 ? "" : "s");
        }
        std::string name = attr(s, "name");
        if (trim(name).empty())  // ATLAS.ti names media by their transcript
            if (const auto t = child_element(s, "Transcript")) name = attr(t, "name");
        skip(std::string(local_name(s)), attr(s, "guid"), name, why + carried);
    }

    // The text of a source as its producer counted it (decoded, BOM removed, line ends as written).
    struct SourceText {
        std::string text, encoding, format, where;
        bool ok = false;
    };

    SourceText source_text(const pugi::xml_node& src, const std::string& guid, const std::string& name, std::string format) {
        SourceText t;
        t.format = std::move(format);
        const std::string path = trim(attr(src, "plainTextPath"));
        const pugi::xml_node inline_text = child_element(src, "PlainTextContent");
        if (!path.empty()) {
            if (is_external(path)) {
                if (!inline_text) {
                    skip(std::string(local_name(src)), guid, name,
                         "its text is an external file (" + path + "), which is not read; import that file directly");
                    return t;
                }
            } else {
                try {
                    if (auto bytes = archive_.read_internal(path, &t.where)) {
                        try {
                            DecodedText d = decode_bytes(*bytes, t.where);
                            t.text = std::move(d.utf8);
                            t.encoding = d.encoding;
                        } catch (const ParseError& e) {
                            t.text = lossy_utf8(*bytes);
                            t.encoding = "UTF-8";
                            adjust(std::string(local_name(src)), guid, name,
                                   std::string("text is not clean UTF-8 (") + e.what() + "); invalid bytes replaced by U+FFFD");
                        }
                        t.ok = true;
                    } else if (!inline_text) {
                        skip(std::string(local_name(src)), guid, name, "its text file " + path + " is not in the archive");
                        return t;
                    }
                } catch (const Error& e) {
                    skip(std::string(local_name(src)), guid, name, std::string("its text cannot be read: ") + e.what());
                    return t;
                }
            }
        }
        if (!t.ok && inline_text) {
            t.text = lossy_utf8(text_of(inline_text));
            t.encoding = "UTF-8";
            t.where = "PlainTextContent";
            t.ok = true;
        }
        // NVivo for Mac 15 writes empty plain texts beside the .docx: then the .docx is the only text there is.
        const std::string rich = trim(attr(src, "richTextPath"));
        if (trim(t.text).empty() && !rich.empty()) {
            try {
                if (auto bytes = archive_.read_internal(rich)) {
                    ImportedText docx = import_docx(*bytes, rich);
                    if (!docx.text.empty()) {
                        t.text = std::move(docx.text);
                        t.encoding = "UTF-8";
                        t.format = "docx";
                        t.ok = true;
                        adjust(std::string(local_name(src)), guid, name,
                               "no plain text: text taken from the rich text " + rich + "; positions are checked against it");
                    }
                }
            } catch (const Error& e) {
                adjust(std::string(local_name(src)), guid, name, std::string("rich text not usable: ") + e.what());
            }
        }
        if (!t.ok) {
            if (rich.empty() && path.empty() && !inline_text) {
                skip(std::string(local_name(src)), guid, name, "has no text (no plainTextPath or PlainTextContent)");
                return t;
            }
            t.ok = true;  // an empty document: kept, so that its codings are reported against it
        }
        return t;
    }

    struct ParsedSelection {
        pugi::xml_node node;
        std::string guid;
        std::optional<std::int64_t> start, end;
    };

    void read_text_source(const pugi::xml_node& src, const pugi::xml_node& outer, const char* format) {
        const std::string raw_guid = trim(attr(outer, "guid"));
        std::string base = clean_name(attr(outer, "name"));
        if (base.empty()) base = clean_name(attr(src, "name"));
        const std::string element(local_name(outer));

        SourceText st = source_text(src, raw_guid, base, format);
        if (!st.ok) return;
        if (base.empty()) {
            base = st.where.empty() || st.where == "PlainTextContent" ? "Document " + std::to_string(document_count_ + 1)
                                                                       : fs::path(st.where).stem().string();
            adjust(element, raw_guid, base, "has no name; named \"" + base + "\"");
        }
        const std::string name = unique_name(base, document_names_);
        if (name != base) adjust(element, raw_guid, base, "another document has that name; renamed to \"" + name + "\"");
        const std::string guid = claim_guid(raw_guid, element, name);

        NormalizedText stored = normalize_for_storage(st.text);
        const std::int64_t length = count_code_points(stored.text);
        if (length == 0) adjust(element, raw_guid, name, "the text is empty");

        Stmt ins(db_, "INSERT INTO documents(guid, name, source_file, format, encoding, content_hash, text, length, "
                      "imported_at, position) VALUES(?,?,?,?,?,?,?,?,?,?)");
        ins.bind(1, guid).bind(2, name).bind(3, archive_.display_name()).bind(4, st.format);
        ins.bind(5, st.encoding.empty() ? std::string("UTF-8") : st.encoding).bind(6, sha256_hex(stored.text));
        ins.bind(7, stored.text).bind(8, length).bind(9, now_).bind(10, document_count_++).run();
        const DocumentId doc(db_.last_insert_id());
        insert_turns(doc, stored.text);
        std::vector<pugi::xml_node> owners{outer};
        if (src != outer) owners.push_back(src);
        for (const pugi::xml_node& o : owners)
            if (const std::string g = trim(attr(o, "guid")); !g.empty()) sources_.emplace(guid_key(g), doc);
        const std::string what = "document \"" + name + "\"";

        // Positions: pick the counting model, then map each selection onto the stored text.
        std::vector<ParsedSelection> selections;
        std::vector<SelectionProbe> probes;
        for (const auto& sel : children_named(src, "PlainTextSelection")) {
            ParsedSelection p{sel, trim(attr(sel, "guid")), parse_integer(attr(sel, "startPosition")),
                              parse_integer(attr(sel, "endPosition"))};
            if (p.start && p.end) probes.push_back({*p.start, *p.end, attr(sel, "name")});
            selections.push_back(std::move(p));
        }
        const ModelChoice choice = choose_counting_model(st.text, probes, preferred_);
        record_positions(element, guid, name, st.text, choice, probes.size());
        const PositionCounter counter(st.text, choice.model);
        const PositionIndex index(stored.text);

        for (const ParsedSelection& p : selections)
            read_selection(p, doc, name, stored, index, counter, choice);

        // Codings on the source itself code the whole text.
        for (const pugi::xml_node& owner : owners) {
            for (const auto& c : children_named(owner, "Coding")) {
                if (length == 0) {
                    skip("Coding", attr(c, "guid"), what, "codes the whole document, which is empty");
                    continue;
                }
                add_coding(c, doc, {0, length}, {}, what);
            }
            attach_note_refs(owner, MemoTarget::Document, doc.value, what);
            if (const auto d = child_element(owner, "Description"))
                add_memo(MemoTarget::Document, doc.value, what, {"Description", clean_text(text_of(d)), {}, now_});
            for (const auto& vv : children_named(owner, "VariableValue"))
                if (auto v = read_value(vv, name)) set_value(doc, v->first, v->second, name);
        }
    }

    void record_positions(const std::string& element, const std::string& guid, const std::string& name, const std::string& text,
                          const ModelChoice& choice, std::size_t selections) {
        QdpxImportReport::Positions p;
        p.guid = guid;
        p.document = name;
        p.model = choice.model.describe();
        p.matters = counting_matters(text);
        const std::string n = std::to_string(selections);
        const std::string names =
            choice.named > 0 ? ", " + std::to_string(choice.matching) + " of " + std::to_string(choice.named) + " names match" : "";
        if (!p.matters) {
            p.basis = "no CRLF and no character outside the BMP: every counting model agrees";
        } else if (!choice.tried_others) {
            p.basis = "default for " + (report_.origin.empty() ? std::string("files without origin") : "\"" + report_.origin + "\"") +
                      ": all " + n + " selections fit" + names;
        } else if (choice.model != preferred_) {
            p.basis = "detected: " + std::to_string(choice.fitting) + " of " + n + " selections fit" + names +
                      "; the default (" + preferred_.describe() + ") explained fewer";
            adjust(element, guid, name, "positions counted as " + p.model + ", not as the origin suggests");
        } else {
            p.basis = "default kept: no counting model explains every selection (" + std::to_string(choice.fitting) + " of " +
                      n + " fit" + names + ")";
        }
        report_.positions.push_back(std::move(p));
    }

    void insert_turns(DocumentId doc, const std::string& text) {
        Stmt turn(db_, "INSERT INTO turns(document_id, seq, speaker, start, body_start, end, timestamp_ms) VALUES(?,?,?,?,?,?,?)");
        const std::vector<Turn> turns = parse_turns(text);
        for (std::size_t t = 0; t < turns.size(); ++t) {
            const Turn& tr = turns[t];
            turn.reset();
            turn.bind(1, doc.value).bind(2, static_cast<std::int64_t>(t)).bind(3, tr.speaker).bind(4, tr.start);
            turn.bind(5, tr.body_start).bind(6, tr.end).bind_opt(7, tr.timestamp_ms).run();
        }
    }

    void read_selection(const ParsedSelection& p, DocumentId doc, const std::string& doc_name, const NormalizedText& stored,
                        const PositionIndex& index, const PositionCounter& counter, const ModelChoice& choice) {
        const pugi::xml_node& sel = p.node;
        // Selections are named in the report by their document and positions as written.
        const std::string span = attr(sel, "startPosition") + "-" + attr(sel, "endPosition");
        const std::string label = doc_name + " " + span;
        if (!p.start || !p.end) {
            skip("PlainTextSelection", p.guid, label, "startPosition/endPosition are not integers");
            return;
        }
        const auto a = counter.to_code_point(*p.start), b = counter.to_code_point(*p.end);
        if (!a || !b || *b < *a) {
            skip("PlainTextSelection", p.guid, label,
                 "positions do not fit the text (" + std::to_string(counter.length()) + " " +
                     choice.model.describe() + ")");
            return;
        }
        const TextRange range{stored.map.map(*a), stored.map.map(*b)};
        const std::string quote =
            range.empty() ? std::string()
                          : std::string(stored.text.substr(index.to_byte(range.start),
                                                           index.to_byte(range.end) - index.to_byte(range.start)));
        const std::string name = attr(sel, "name");
        if (!range.empty() && choice.matching > 0 && !name_matches_quote(name, quote))
            adjust("PlainTextSelection", p.guid, label,
                   "its name \"" + short_quote(name) + "\" does not match the text \"" + short_quote(quote) + "\"");

        SelectionInfo info{doc, {}, quote};
        const std::string& sel_what = label;
        const auto codings = children_named(sel, "Coding");
        if (range.empty() && !codings.empty())
            skip("PlainTextSelection", p.guid, label, "the positions select no text; its codings are not kept");
        if (!range.empty()) {
            for (const auto& c : codings)
                if (const auto id = add_coding(c, doc, range, sel, sel_what)) {
                    info.codings.push_back(*id);
                    if (!p.guid.empty()) selection_of_coding_.emplace_back(*id, p.guid);
                }
        }

        // Selection memos (MAXQDA comments, ATLAS.ti quotation comments) go to its first coding, or to the
        // document memo when it has none.
        const pugi::xml_node desc = child_element(sel, "Description");
        const std::string comment = desc ? clean_text(text_of(desc)) : std::string();
        const bool has_notes = !children_named(sel, "NoteRef").empty();
        if (!info.codings.empty()) {
            add_memo(MemoTarget::Coding, info.codings.front().value, sel_what, {{}, comment, {}, now_});
            attach_note_refs(sel, MemoTarget::Coding, info.codings.front().value, sel_what);
        } else if (!comment.empty() || has_notes) {
            const std::string title = "Comment on \xE2\x80\x9C" + short_quote(quote) + "\xE2\x80\x9D";
            const std::string what = "document \"" + doc_name + "\"";
            add_memo(MemoTarget::Document, doc.value, what, {title, comment, {}, now_});
            for (const auto& ref : children_named(sel, "NoteRef")) {
                const std::string key = guid_key(trim(attr(ref, "targetGUID")));
                if (!notes_.count(key)) {
                    skip("NoteRef", attr(ref, "targetGUID"), sel_what, "refers to a note that is not in the project");
                    continue;
                }
                NoteInfo& note = load_note(key);
                add_memo(MemoTarget::Document, doc.value, what,
                         {title, note.text, note.uses++ == 0 ? note.guid : std::string(), note.modified});
            }
            adjust("PlainTextSelection", p.guid, label, "has no codings: its comment was added to the document memo");
        } else if (codings.empty()) {
            skip("PlainTextSelection", p.guid, label, "has no codings and no comment");
        }
        if (!p.guid.empty()) selections_.emplace(guid_key(p.guid), std::move(info));
    }

    // Adds one Coding element over `range`; nothing when it cannot be kept (reported).
    std::optional<CodingId> add_coding(const pugi::xml_node& c, DocumentId doc, TextRange range, const pugi::xml_node& sel,
                                       const std::string& what) {
        const std::string raw = trim(attr(c, "guid"));
        const std::string target = trim(attr(child_element(c, "CodeRef"), "targetGUID"));
        const std::string target_key = guid_key(target);
        if (case_keys_.count(target_key)) {
            case_documents_[target_key].insert(doc.value);
            ++case_codings_[target_key];
            return std::nullopt;
        }
        const auto code = codes_.find(target_key);
        if (code == codes_.end()) {
            skip("Coding", raw, what, target.empty() ? "has no CodeRef" : "refers to code " + target + ", which is not in the codebook");
            return std::nullopt;
        }
        const CoderId coder = coder_for({attr(c, "creatingUser"), attr(sel, "creatingUser"), attr(sel, "modifyingUser")});
        const std::string created =
            date_of({&c, &sel}, {"creationDateTime", "modifiedDateTime"});
        const std::string guid = claim_guid(raw, "Coding", what);
        Stmt ins(db_, "INSERT OR IGNORE INTO codings(guid, document_id, code_id, coder_id, start, end, created_at) "
                      "VALUES(?,?,?,?,?,?,?)");
        ins.bind(1, guid).bind(2, doc.value).bind(3, code->second.value).bind(4, coder.value);
        ins.bind(5, range.start).bind(6, range.end).bind(7, created).run();
        if (db_.changes() == 0) {
            skip("Coding", raw, what, "the same code by the same coder on the same text is there already");
            return std::nullopt;
        }
        const CodingId id(db_.last_insert_id());
        if (!raw.empty()) codings_.emplace(guid_key(raw), id);
        attach_note_refs(c, MemoTarget::Coding, id.value, what);
        return id;
    }

    // ----------------------------------------------------------------- cases, sets, links

    void read_cases(const pugi::xml_node& cases) {
        std::map<std::int64_t, std::vector<std::string>> case_names;  // document -> names of its cases
        for (const auto& c : children_named(cases, "Case")) {
            const std::string raw = trim(attr(c, "guid"));
            const std::string key = guid_key(raw);
            const std::string name = clean_name(attr(c, "name"));
            std::set<std::int64_t> docs = case_documents_[key];
            for (const auto& r : children_named(c, "SourceRef")) {
                const auto it = sources_.find(guid_key(trim(attr(r, "targetGUID"))));
                if (it != sources_.end()) docs.insert(it->second.value);
                else skip("SourceRef", attr(r, "targetGUID"), "case \"" + name + "\"", "refers to a source that was not imported");
            }
            for (const auto& r : children_named(c, "SelectionRef")) {
                const auto it = selections_.find(guid_key(trim(attr(r, "targetGUID"))));
                if (it != selections_.end()) docs.insert(it->second.document.value);
            }
            if (const int n = case_codings_[key]; n > 0)
                adjust("Case", raw, name, std::to_string(n) + " coding" + (n == 1 ? "" : "s") + " to this case read as membership");
            if (docs.empty()) {
                skip("Case", raw, name, "belongs to no imported document, so its variables cannot be kept");
                continue;
            }
            const std::string owner = name.empty() ? "case " + raw : "case \"" + name + "\"";
            for (const auto& vv : children_named(c, "VariableValue"))
                if (auto v = read_value(vv, owner))
                    for (const std::int64_t d : docs) set_value(DocumentId(d), v->first, v->second, owner);
            if (!name.empty())
                for (const std::int64_t d : docs) case_names[d].push_back(name);
            if (!children_named(c, "CodeRef").empty() || child_element(c, "Description"))
                adjust("Case", raw, name, "its description and code references are not kept");
        }
        if (case_names.empty()) return;
        const VariableInfo var = insert_variable("", "Case", VariableType::Text, "Case");
        for (const auto& [doc, names] : case_names) {
            std::string joined;
            for (const auto& n : names) joined += (joined.empty() ? "" : "; ") + n;
            values_[{doc, var.id.value}] = joined;
        }
        adjust("Case", "", var.name, "named cases are kept as the text variable \"" + var.name + "\" of their documents");
    }

    void read_sets(const pugi::xml_node& sets) {
        for (const auto& s : children_named(sets, "Set")) {
            const std::string raw = trim(attr(s, "guid"));
            std::string name = clean_name(attr(s, "name"));
            if (name.empty()) name = "Unnamed set";
            std::set<std::int64_t> docs;
            for (const auto& m : children_named(s, "MemberSource")) {
                const auto it = sources_.find(guid_key(trim(attr(m, "targetGUID"))));
                if (it != sources_.end()) docs.insert(it->second.value);
            }
            const std::size_t others = children_named(s, "MemberCode").size() + children_named(s, "MemberNote").size();
            if (docs.empty()) {
                skip("Set", raw, name, others ? "a set of codes or notes, which Kodex does not keep" : "has no imported members");
                continue;
            }
            const VariableInfo var = insert_variable(raw, name, VariableType::Boolean, "Set");
            for (const std::int64_t d : docs) values_[{d, var.id.value}] = "true";
            adjust("Set", raw, name, "kept as the true/false variable \"" + var.name + "\" of its " + std::to_string(docs.size()) +
                                         " documents" + (others ? "; its code and note members are not kept" : ""));
        }
    }

    // NVivo attaches annotations by a Link between a Note and a selection; other links are not kept.
    void read_links(const pugi::xml_node& links) {
        for (const auto& l : children_named(links, "Link")) {
            const std::string origin = trim(attr(l, "originGUID")), target = trim(attr(l, "targetGUID"));
            const bool origin_is_note = notes_.count(guid_key(origin)) > 0;
            const bool target_is_note = notes_.count(guid_key(target)) > 0;
            if (origin_is_note != target_is_note && attach_linked_note(origin_is_note ? origin : target,
                                                                        origin_is_note ? target : origin))
                continue;
            skip("Link", attr(l, "guid"), attr(l, "name"), "links between objects are not kept");
        }
    }

    bool attach_linked_note(const std::string& note, const std::string& object) {
        const std::string key = guid_key(object);
        if (const auto it = selections_.find(key); it != selections_.end()) {
            const SelectionInfo& s = it->second;
            if (!s.codings.empty())
                return attach_note(note, MemoTarget::Coding, s.codings.front().value, "annotation");
            return attach_note(note, MemoTarget::Document, s.document.value, "annotation");
        }
        if (const auto it = codings_.find(key); it != codings_.end())
            return attach_note(note, MemoTarget::Coding, it->second.value, "annotation");
        if (const auto it = sources_.find(key); it != sources_.end())
            return attach_note(note, MemoTarget::Document, it->second.value, "annotation");
        if (const auto it = codes_.find(key); it != codes_.end())
            return attach_note(note, MemoTarget::Code, it->second.value, "annotation");
        return false;
    }

    // ----------------------------------------------------------------- project memo, memos, counts

    void read_project_notes() {
        if (const auto d = child_element(root_, "Description"))
            add_memo(MemoTarget::Project, 0, "project", {"Description", clean_text(text_of(d)), {}, now_});
        attach_note_refs(root_, MemoTarget::Project, 0, "project");
        // Free notes (ATLAS.ti memos, notes only sets or links point at) are kept in the project memo.
        for (const std::string& key : note_order_) {
            if (notes_.at(key).uses > 0) continue;
            NoteInfo& note = load_note(key);
            if (note.text.empty()) continue;
            note.uses++;
            add_memo(MemoTarget::Project, 0, "project",
                     {note.name.empty() ? "Note" : note.name, note.text, note.guid, note.modified});
            adjust("Note", note.guid, note.name, "attached to nothing: added to the project memo");
        }
    }

    void write_memos() {
        Stmt ins(db_, "INSERT INTO memos(guid, target, document_id, code_id, coding_id, text, modified_at, target_key) "
                      "VALUES(?,?,?,?,?,?,?,?)");
        for (const std::string& key : memo_order_) {
            MemoDraft& m = memos_.at(key);
            std::vector<MemoPart> parts;
            for (auto& p : m.parts)
                if (!p.text.empty()) parts.push_back(std::move(p));
            if (parts.empty()) continue;
            std::string text, guid, modified;
            const bool single = parts.size() == 1 && (parts[0].title.empty() || parts[0].title == "Description");
            for (const MemoPart& p : parts) {
                if (!text.empty()) text += "\n\n";
                if (!single && !p.title.empty()) text += p.title + "\n";
                text += p.text;
                if (guid.empty() && !p.guid.empty() && is_guid_token(p.guid) && guids_.insert(guid_key(p.guid)).second)
                    guid = p.guid;
                modified = std::max(modified, p.modified);
            }
            if (parts.size() > 1)
                adjust("Note", guid, m.what, std::to_string(parts.size()) + " notes and comments joined into one memo");
            if (guid.empty()) {
                guid = new_guid();
                guids_.insert(guid);
            }
            const char* target = m.target == MemoTarget::Project ? "project"
                                 : m.target == MemoTarget::Document ? "document"
                                 : m.target == MemoTarget::Code     ? "code"
                                                                    : "coding";
            ins.reset();
            ins.bind(1, guid).bind(2, target);
            ins.bind_id(3, m.target == MemoTarget::Document ? m.id : 0);
            ins.bind_id(4, m.target == MemoTarget::Code ? m.id : 0);
            ins.bind_id(5, m.target == MemoTarget::Coding ? m.id : 0);
            ins.bind(6, text).bind(7, modified.empty() ? now_ : modified).bind(8, key).run();
        }
        Stmt meta(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
        Stmt coding_guid(db_, "SELECT guid FROM codings WHERE id = ?");
        for (const auto& [coding, selection] : selection_of_coding_) {
            coding_guid.reset();
            coding_guid.bind(1, coding.value);
            if (!coding_guid.step()) continue;
            meta.reset();
            meta.bind(1, std::string(kSelectionMetaPrefix) + coding_guid.col_text(0)).bind(2, selection).run();
        }
    }

    void count() {
        QdpxImportReport::Counts& c = report_.imported;
        c.coders = db_.query_int("SELECT COUNT(*) FROM coders");
        c.codes = db_.query_int("SELECT COUNT(*) FROM codes");
        c.documents = db_.query_int("SELECT COUNT(*) FROM documents");
        c.codings = db_.query_int("SELECT COUNT(*) FROM codings");
        c.memos = db_.query_int("SELECT COUNT(*) FROM memos");
        c.variables = db_.query_int("SELECT COUNT(*) FROM variables");
        c.values = db_.query_int("SELECT COUNT(*) FROM document_variables");
    }

    const QdpxArchive& archive_;
    pugi::xml_node root_;
    Db& db_;
    QdpxImportReport& report_;
    const Progress& progress_;
    const CancelToken* cancel_;
    const std::string now_;
    CountingModel preferred_;

    std::set<std::string> guids_;  // guid_key of every GUID stored so far: REFI GUIDs are unique project-wide
    std::map<std::string, CoderId> coders_;
    std::map<std::string, CodeId> codes_;
    std::map<std::string, VariableInfo> variables_;
    std::map<std::string, DocumentId> sources_;
    std::map<std::string, SelectionInfo> selections_;
    std::map<std::string, CodingId> codings_;
    std::map<std::string, NoteInfo> notes_;
    std::vector<std::string> note_order_;
    std::set<std::string> case_keys_;
    std::map<std::string, std::set<std::int64_t>> case_documents_;
    std::map<std::string, int> case_codings_;
    std::vector<std::pair<CodingId, std::string>> selection_of_coding_;

    std::map<std::string, MemoDraft> memos_;
    std::vector<std::string> memo_order_;
    std::map<std::pair<std::int64_t, std::int64_t>, std::string> values_;  // (document, variable) -> value

    std::set<std::string> coder_names_, document_names_, variable_names_;
    std::map<std::int64_t, std::set<std::string>> sibling_names_;
    CoderId unknown_coder_;
    std::int64_t code_count_ = 0;
    std::int64_t document_count_ = 0;
};

void remove_project_files(const std::string& path) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix, ec);
}

}  // namespace

QdpxImportReport import_qdpx(const std::string& qdpx_path, const std::string& new_project_path, const Progress& progress,
                             const CancelToken* cancel) {
    // Everything that can make the whole file untrustworthy is checked before the project exists.
    const QdpxArchive archive(qdpx_path);
    pugi::xml_document doc;
    {
        const std::string xml = archive.read_qde();
        parse_xml_entry(doc, xml, archive.display_name(), archive.qde_name(), kMaxProjectDepth);
    }
    const pugi::xml_node root = doc.document_element();
    if (local_name(root) != "Project")
        throw ParseError(archive.display_name(), root.offset_debug(),
                         archive.qde_name() + ": not a REFI-QDA project: the root element is <" + root.name() + ">");

    QdpxImportReport report;
    report.qde_entry = archive.qde_name();
    report.warnings = archive.warnings();
    const std::string prefix = std::string(root.name()).find(':') == std::string::npos
                                   ? std::string()
                                   : std::string(root.name()).substr(0, std::string(root.name()).find(':'));
    const std::string ns = root.attribute(prefix.empty() ? "xmlns" : ("xmlns:" + prefix).c_str()).value();
    if (ns.rfind("urn:QDA-XML:", 0) != 0)
        report.warnings.push_back(ns.empty() ? "no REFI-QDA namespace is declared; read as a project anyway"
                                             : "unexpected namespace \"" + ns + "\"; read as a project anyway");

    if (fs::exists(new_project_path)) throw IoError(new_project_path, "exists already; choose a new project file");
    auto session = Session::create(new_project_path);
    try {
        Db& db = session->store().db();
        Transaction tx(db);
        Importer(archive, root, db, report, progress, cancel).run();
        tx.commit();
    } catch (...) {
        session.reset();
        remove_project_files(new_project_path);
        throw;
    }
    return report;
}

}  // namespace kodex
