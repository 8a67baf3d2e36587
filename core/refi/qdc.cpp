// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/refi/qdc.h"

#include <pugixml.hpp>

#include <cstring>
#include <map>
#include <set>
#include <string_view>
#include <utility>

#include "core/errors.h"
#include "core/refi/guid.h"
#include "core/text/unicode.h"

namespace kodex {

namespace {

// pugixml only expands DTD entities and loads external ones if told to; parse_doctype would merely keep the
// DOCTYPE node, but keeping it out documents the intent: a DOCTYPE is skipped, never interpreted.
constexpr unsigned kParseOptions = pugi::parse_default;
static_assert((kParseOptions & pugi::parse_doctype) == 0, "a codebook's DOCTYPE must be skipped");

// Nesting beyond this is refused on read and on write; real codebooks stay far below it.
constexpr int kMaxDepth = 100;

constexpr const char* kNamespace = "urn:QDA-XML:codebook:1.0";
constexpr std::string_view kNamespacePrefix = "urn:QDA-XML:";

// ---------------------------------------------------------------------------------------------- text

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return std::string(s.substr(b, e - b));
}

// ASCII only and locale-independent: labels, booleans and hex digits are ASCII.
char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (ascii_lower(s[i]) != prefix[i]) return false;
    return true;
}

bool equals_nocase(std::string_view s, std::string_view lower) {
    return s.size() == lower.size() && starts_with_nocase(s, lower);
}

std::string normalize_newlines(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') {
            out += '\n';
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

// XML 1.0 cannot carry C0 controls other than tab, LF and CR, not even as character references; pugixml
// would write them as "&#1;", which no parser accepts. Tab/LF/CR are kept: pugixml escapes them inside
// attributes, so they survive a round trip.
std::string xml_safe(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
    }
    return out;
}

// ------------------------------------------------------------------------------------------- guids

// The schema also allows "{...}" around a GUID.
bool is_guid_token(const std::string& s) {
    if (s.size() == 38 && s.front() == '{' && s.back() == '}') return is_guid(s.substr(1, 36));
    return is_guid(s);
}

// Vendors differ in case and braces; compare GUIDs by their bare upper-case form.
std::string guid_key(const std::string& s) {
    std::string k = (s.size() == 38 && s.front() == '{') ? s.substr(1, 36) : s;
    for (char& c : k) c = ascii_upper(c);
    return k;
}

// ------------------------------------------------------------------------------------- xml helpers

const char* local_name(const char* name) {
    const char* colon = std::strrchr(name, ':');
    return colon ? colon + 1 : name;
}

bool has_local_name(const pugi::xml_node& n, const char* local) {
    return n.type() == pugi::node_element && std::strcmp(local_name(n.name()), local) == 0;
}

pugi::xml_node first_child(const pugi::xml_node& parent, const char* local) {
    for (pugi::xml_node c : parent.children())
        if (has_local_name(c, local)) return c;
    return {};
}

// All character data of an element: pugixml splits text at CDATA sections and comments.
std::string text_of(const pugi::xml_node& n) {
    std::string out;
    for (pugi::xml_node c : n.children())
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    return out;
}

// ------------------------------------------------------------------------------------------ reader

class Reader {
public:
    Reader(std::string file, Codebook& book) : file_(std::move(file)), book_(book) {}

    void read(const pugi::xml_node& root) {
        check_namespace(root);
        book_.origin = root.attribute("origin").value();

        bool have_codes = false;
        for (pugi::xml_node c : root.children()) {
            if (has_local_name(c, "Codes")) {
                have_codes = true;
                read_codes(c, book_.codes, 1);
            }
        }
        if (!have_codes) warn(root, "the codebook has no <Codes> element");

        for (pugi::xml_node s : root.children())
            if (has_local_name(s, "Sets")) read_sets(s);
    }

private:
    void warn(const pugi::xml_node& at, const std::string& what) {
        book_.warnings.push_back("byte " + std::to_string(at.offset_debug()) + ": " + what);
    }

    void check_namespace(const pugi::xml_node& root) {
        const std::string name = root.name();
        const auto colon = name.rfind(':');
        const std::string decl = colon == std::string::npos ? "xmlns" : "xmlns:" + name.substr(0, colon);
        const pugi::xml_attribute ns = root.attribute(decl.c_str());
        if (!ns)
            warn(root, "no REFI-QDA namespace is declared; reading it as a codebook anyway");
        else if (std::string_view(ns.value()).substr(0, kNamespacePrefix.size()) != kNamespacePrefix)
            warn(root, std::string("unexpected namespace \"") + ns.value() + "\"; reading it as a codebook anyway");
    }

    // pugixml passes the bytes of a UTF-8 document through unchecked; a broken name must be refused here, naming
    // the file and the place, not later by the store without either.
    void require_utf8(const pugi::xml_node& n, const std::string& what, const std::string& value) {
        if (!is_valid_utf8(value)) throw ParseError(file_, n.offset_debug(), what + " is not valid UTF-8");
    }

    // A missing or malformed GUID gets a fresh one, remembered so that set members naming it still resolve.
    std::string read_guid(const pugi::xml_node& n, const std::string& what) {
        const pugi::xml_attribute a = n.attribute("guid");
        const std::string guid = trim(a.value());
        if (is_guid_token(guid)) return guid;
        std::string fresh = new_guid();
        if (!a) {
            warn(n, what + " has no guid; assigned " + fresh);
        } else {
            warn(n, what + " has an invalid guid \"" + guid + "\"; assigned " + fresh);
            replaced_.emplace(guid, fresh);
        }
        return fresh;
    }

    bool read_codable(const pugi::xml_node& n, const std::string& what) {
        const pugi::xml_attribute a = n.attribute("isCodable");
        if (!a) return true;
        const std::string v = trim(a.value());
        if (v == "1" || equals_nocase(v, "true")) return true;
        if (v == "0" || equals_nocase(v, "false")) return false;
        warn(n, what + ": isCodable=\"" + v + "\" is not a boolean; taken as true");
        return true;
    }

    void read_codes(const pugi::xml_node& parent, std::vector<CodebookEntry>& out, int depth) {
        for (pugi::xml_node n : parent.children()) {
            if (!has_local_name(n, "Code")) continue;
            // Checked before descending, so hostile nesting can never exhaust the stack.
            if (depth > kMaxDepth)
                throw ParseError(file_, n.offset_debug(),
                                 "codes are nested deeper than " + std::to_string(kMaxDepth) + " levels");

            CodebookEntry e;
            e.name = n.attribute("name").value();
            if (trim(e.name).empty()) {
                warn(n, "a <Code> without a name was skipped, together with any sub-codes");
                continue;
            }
            require_utf8(n, "a code name", e.name);
            const std::string what = "code \"" + e.name + "\"";
            e.guid = read_guid(n, what);
            if (!code_keys_.insert(guid_key(e.guid)).second) {
                // Two codes are two codes: the later one gets a fresh GUID, as in a .qdpx import, so that importing
                // the file never lets it overwrite (rename, move) the first one.
                const std::string fresh = new_guid();
                warn(n, what + " has the guid " + e.guid + " of another code; assigned " + fresh);
                e.guid = fresh;
                code_keys_.insert(guid_key(fresh));
            }
            e.codable = read_codable(n, what);

            const std::string color = trim(n.attribute("color").value());
            if (!color.empty()) {
                e.color = canonical_color(color);
                if (e.color.empty()) warn(n, what + ": colour \"" + color + "\" is not #RGB or #RRGGBB; ignored");
            }
            if (const pugi::xml_node d = first_child(n, "Description")) {
                require_utf8(d, what + "'s description", text_of(d));
                e.description = split_description(text_of(d));
            }

            read_codes(n, e.children, depth + 1);
            out.push_back(std::move(e));
        }
    }

    void read_sets(const pugi::xml_node& sets) {
        for (pugi::xml_node n : sets.children()) {
            if (!has_local_name(n, "Set")) continue;
            CodebookSet s;
            s.name = n.attribute("name").value();
            if (trim(s.name).empty()) {
                warn(n, "a <Set> without a name was skipped");
                continue;
            }
            require_utf8(n, "a set name", s.name);
            const std::string what = "set \"" + s.name + "\"";
            s.guid = read_guid(n, what);
            if (const pugi::xml_node d = first_child(n, "Description")) {
                require_utf8(d, what + "'s description", text_of(d));
                s.description = text_of(d);
            }

            for (pugi::xml_node m : n.children()) {
                if (!has_local_name(m, "MemberCode")) continue;
                // A .qdc says guid; a project's sets say targetGUID. Accept both.
                pugi::xml_attribute a = m.attribute("guid");
                if (!a) a = m.attribute("targetGUID");
                std::string guid = trim(a.value());
                if (const auto r = replaced_.find(guid); r != replaced_.end()) guid = r->second;
                if (!is_guid_token(guid) || code_keys_.count(guid_key(guid)) == 0) {
                    warn(m, what + ": member \"" + guid + "\" is not a code of this codebook; dropped");
                    continue;
                }
                s.member_guids.push_back(guid);
            }
            book_.sets.push_back(std::move(s));
        }
    }

    std::string file_;
    Codebook& book_;
    std::set<std::string> code_keys_;               // guid_key of every code read
    std::map<std::string, std::string> replaced_;   // invalid guid as read -> guid assigned
};

// ------------------------------------------------------------------------------------------ writer

struct StringWriter : pugi::xml_writer {
    std::string out;
    void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
};

void check_guid(const std::string& guid, const std::string& what) {
    if (!is_guid_token(guid)) throw InvalidArgument(what + ": \"" + guid + "\" is not a GUID");
}

void assign_guids(std::vector<CodebookEntry>& codes, int depth) {
    for (CodebookEntry& e : codes) {
        if (depth > kMaxDepth)
            throw InvalidArgument("codes nested deeper than " + std::to_string(kMaxDepth) +
                                  " levels cannot be exchanged");
        if (e.guid.empty()) e.guid = new_guid();
        check_guid(e.guid, "code \"" + e.name + "\"");
        assign_guids(e.children, depth + 1);
    }
}

void append_description(pugi::xml_node parent, const std::string& text) {
    const std::string t = xml_safe(normalize_newlines(text));
    if (!t.empty()) parent.append_child("Description").text().set(t.c_str());
}

void append_code(pugi::xml_node parent, const CodebookEntry& e) {
    pugi::xml_node n = parent.append_child("Code");
    n.append_attribute("guid").set_value(e.guid.c_str());
    n.append_attribute("name").set_value(xml_safe(e.name).c_str());
    n.append_attribute("isCodable").set_value(e.codable ? "true" : "false");
    if (const std::string color = canonical_color(e.color); !color.empty())
        n.append_attribute("color").set_value(color.c_str());
    append_description(n, join_description(e.description));
    for (const CodebookEntry& c : e.children) append_code(n, c);
}

// ---------------------------------------------------------------------------------- descriptions

enum Part { kDefinition = 0, kAnchor = 1, kRule = 2 };

struct Label {
    std::string_view text;  // lower case
    Part part;
};

constexpr Label kLabels[] = {
    {"definition:", kDefinition}, {"anchor example:", kAnchor}, {"ankerbeispiel:", kAnchor},
    {"example:", kAnchor},        {"beispiel:", kAnchor},       {"coding rule:", kRule},
    {"kodierregel:", kRule},      {"codierregel:", kRule},      {"rule:", kRule},
};

}  // namespace

// ------------------------------------------------------------------------------------------ public

Codebook read_qdc(const std::string& xml_bytes, const std::string& file_name) {
    pugi::xml_document doc;
    const pugi::xml_parse_result r =
        doc.load_buffer(xml_bytes.data(), xml_bytes.size(), kParseOptions, pugi::encoding_auto);
    if (!r) throw ParseError(file_name, r.offset, r.description());

    const pugi::xml_node root = doc.document_element();
    if (!has_local_name(root, "CodeBook"))
        throw ParseError(file_name, root.offset_debug(),
                         std::string("not a REFI-QDA codebook: root element is ") + root.name());

    Codebook book;
    Reader(file_name, book).read(root);
    return book;
}

std::string write_qdc(const Codebook& book) {
    if (book.codes.empty()) throw InvalidArgument("a REFI-QDA codebook needs at least one code");

    // Fill in missing GUIDs on a copy: the caller's book stays untouched.
    Codebook b = book;
    assign_guids(b.codes, 1);
    for (CodebookSet& s : b.sets) {
        if (s.guid.empty()) s.guid = new_guid();
        check_guid(s.guid, "set \"" + s.name + "\"");
        for (const std::string& m : s.member_guids) check_guid(m, "member of set \"" + s.name + "\"");
    }

    pugi::xml_document doc;
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version").set_value("1.0");
    decl.append_attribute("encoding").set_value("utf-8");

    pugi::xml_node root = doc.append_child("CodeBook");
    root.append_attribute("xmlns").set_value(kNamespace);
    if (!b.origin.empty()) root.append_attribute("origin").set_value(xml_safe(b.origin).c_str());

    pugi::xml_node codes = root.append_child("Codes");
    for (const CodebookEntry& e : b.codes) append_code(codes, e);

    // The schema wants at least one Set inside <Sets>; an empty <Sets/> (as Taguette writes) is invalid.
    if (!b.sets.empty()) {
        pugi::xml_node sets = root.append_child("Sets");
        for (const CodebookSet& s : b.sets) {
            pugi::xml_node n = sets.append_child("Set");
            n.append_attribute("guid").set_value(s.guid.c_str());
            n.append_attribute("name").set_value(xml_safe(s.name).c_str());
            append_description(n, s.description);
            for (const std::string& m : s.member_guids)
                n.append_child("MemberCode").append_attribute("guid").set_value(m.c_str());
        }
    }

    StringWriter w;
    doc.save(w, "  ", pugi::format_indent, pugi::encoding_utf8);
    return std::move(w.out);
}

std::string join_description(const CodeDescription& d) {
    const std::string def = trim(d.definition), anchor = trim(d.anchor_example), rule = trim(d.coding_rule);
    if (anchor.empty() && rule.empty()) return def;

    std::string out;
    const auto add = [&out](const char* label, const std::string& part) {
        if (part.empty()) return;
        if (!out.empty()) out += "\n\n";
        out += label;
        out += part;
    };
    add("Definition: ", def);
    add("Anchor example: ", anchor);
    add("Coding rule: ", rule);
    return out;
}

// Labels are recognised only at the start of a line, so a label word inside a sentence stays text. A line
// inside a part that itself starts with a label word does start a new part: plain text has no escape.
CodeDescription split_description(const std::string& text) {
    const std::string s = normalize_newlines(text);
    std::string parts[3];
    Part current = kDefinition;

    std::size_t pos = 0;
    while (pos <= s.size()) {
        std::size_t end = s.find('\n', pos);
        if (end == std::string::npos) end = s.size();
        std::string_view line(s.data() + pos, end - pos);

        std::size_t indent = 0;
        while (indent < line.size() && (line[indent] == ' ' || line[indent] == '\t')) ++indent;
        for (const Label& l : kLabels) {
            if (starts_with_nocase(line.substr(indent), l.text)) {
                current = l.part;
                line.remove_prefix(indent + l.text.size());
                while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
                break;
            }
        }
        parts[current].append(line.data(), line.size());
        parts[current] += '\n';
        pos = end + 1;
    }

    CodeDescription d;
    d.definition = trim(parts[kDefinition]);
    d.anchor_example = trim(parts[kAnchor]);
    d.coding_rule = trim(parts[kRule]);
    return d;
}

std::string canonical_color(const std::string& c) {
    if ((c.size() != 4 && c.size() != 7) || c[0] != '#') return {};
    std::string out = "#";
    for (std::size_t i = 1; i < c.size(); ++i) {
        if (!is_hex(c[i])) return {};
        const char u = ascii_upper(c[i]);
        out += u;
        if (c.size() == 4) out += u;
    }
    return out;
}

}  // namespace kodex
