// SPDX-License-Identifier: GPL-3.0-or-later
// OpenDocument text: the text of content.xml, one line per paragraph or heading.
#include <algorithm>
#include <string_view>

#include "core/errors.h"
#include "core/import/importer.h"
#include "core/import/zip_xml.h"

namespace kodex {
namespace {

const std::string kContentEntry = "content.xml";
const std::string kMimeType = "application/vnd.oasis.opendocument.text";

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view local) {
    for (const pugi::xml_attribute& a : node.attributes()) {
        const std::string_view name = a.name();
        const std::size_t colon = name.find(':');
        if ((colon == std::string_view::npos ? name : name.substr(colon + 1)) == local) return a;
    }
    return {};
}

// Walks office:text. Paragraph text follows the OpenDocument white-space rules: runs of spaces, tabs and
// line ends in the XML collapse to one space and are dropped at the start and end of a paragraph, while
// text:s, text:tab and text:line-break stand for themselves.
class OdtText {
public:
    void block(const pugi::xml_node& parent) {
        for (const pugi::xml_node& node : parent.children()) {
            const std::string_view name = local_name(node);
            if (name == "p" || name == "h") {
                paragraph(node);
            } else if (name == "list" || name == "list-item" || name == "list-header" || name == "section" ||
                       starts_with(name, "table")) {
                // table:table, table:table-row, table:table-cell, table:table-header-rows, ...
                block(node);
            }
            // Skipped: declarations, tracked changes (they hold deleted text), forms, indexes.
        }
    }

    const std::string& text() const { return text_; }

    std::vector<std::string> notes() const {
        std::vector<std::string> notes;
        note_ignored(notes, footnotes_, "footnote");
        note_ignored(notes, endnotes_, "endnote");
        return notes;
    }

private:
    void paragraph(const pugi::xml_node& p) {
        if (paragraphs_++ > 0) text_ += '\n';
        at_start_ = true;
        pending_space_ = false;
        inline_content(p);
    }

    void inline_content(const pugi::xml_node& parent) {
        for (const pugi::xml_node& node : parent.children()) {
            if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
                characters(node.value());
                continue;
            }
            if (node.type() != pugi::node_element) continue;
            const std::string_view name = local_name(node);
            const std::string_view qualified = node.name();
            if (name == "s") {
                emit(std::string(static_cast<std::size_t>(std::clamp(attribute(node, "c").as_int(1), 1, 1000)), ' '));
            } else if (name == "tab") {
                emit("\t");
            } else if (name == "line-break") {
                emit("\n");
            } else if (name == "note") {
                ++(std::string_view(attribute(node, "note-class").value()) == "endnote" ? endnotes_ : footnotes_);
            } else if (name == "annotation" || name == "annotation-end" || name == "ruby-text" ||
                       starts_with(qualified, "draw:")) {
                // comments, ruby annotations, frames and text boxes are not part of the transcript
            } else {
                inline_content(node);  // text:span, text:a, text:meta, fields that show their value
            }
        }
    }

    void characters(std::string_view s) {
        for (const char c : s) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pending_space_ = !at_start_;
            } else {
                flush_space();
                text_ += c;
                at_start_ = false;
            }
        }
    }

    void emit(std::string_view s) {
        flush_space();
        text_ += s;
        at_start_ = false;
    }

    void flush_space() {
        if (pending_space_) text_ += ' ';
        pending_space_ = false;
    }

    std::string text_;
    int paragraphs_ = 0;
    int footnotes_ = 0;
    int endnotes_ = 0;
    bool at_start_ = true;
    bool pending_space_ = false;
};

}  // namespace

ImportedText import_odt(const std::string& bytes, const std::string& file_name) {
    const ZipReader zip(bytes, file_name);
    if (zip.contains("mimetype")) {
        std::string mime = zip.read("mimetype");
        while (!mime.empty() && (mime.back() == '\n' || mime.back() == '\r' || mime.back() == ' ')) mime.pop_back();
        if (mime != kMimeType)
            throw ParseError(file_name, -1, "not an OpenDocument text: its mimetype is \"" + mime.substr(0, 80) + "\"");
    }
    if (!zip.contains(kContentEntry))
        throw ParseError(file_name, -1, "not an OpenDocument text: " + kContentEntry + " missing");
    pugi::xml_document doc;
    parse_xml_entry(doc, zip.read(kContentEntry), file_name, kContentEntry);

    const pugi::xml_node text =
        child_element(child_element(child_element(doc, "document-content"), "body"), "text");
    if (!text) throw ParseError(file_name, -1, "not an OpenDocument text: " + kContentEntry + " has no office:text");
    OdtText walker;
    walker.block(text);

    ImportedText result = finish_office_import(walker.text(), file_name, kContentEntry, "odt");
    result.notes = walker.notes();
    return result;
}

}  // namespace kodex
