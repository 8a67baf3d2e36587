// SPDX-License-Identifier: GPL-3.0-or-later
// Word documents (Office Open XML): the text of word/document.xml, one line per paragraph.
#include <string_view>

#include "core/errors.h"
#include "core/import/importer.h"
#include "core/import/zip_xml.h"

namespace kodex {
namespace {

const std::string kDocumentEntry = "word/document.xml";

// Walks the body of word/document.xml. Elements are matched by local name; whatever is not known to hold
// visible text (properties, bookmarks, drawings, field instructions, deleted text) is skipped.
class DocxText {
public:
    void block(const pugi::xml_node& parent) {
        for (const pugi::xml_node& node : parent.children()) {
            const std::string_view name = local_name(node);
            if (name == "p") {
                paragraph(node);
            } else if (name == "tbl" || name == "tr" || name == "tc" || name == "sdt" || name == "sdtContent" ||
                       name == "customXml" || name == "ins" || name == "moveTo") {
                block(node);
            } else if (name == "del" || name == "moveFrom") {
                has_deletions_ = true;
            }
        }
    }

    const std::string& text() const { return text_; }

    std::vector<std::string> notes() const {
        std::vector<std::string> notes;
        note_ignored(notes, footnotes_, "footnote");
        note_ignored(notes, endnotes_, "endnote");
        if (has_deletions_) notes.push_back("tracked changes: deleted text left out, inserted text kept");
        return notes;
    }

private:
    void paragraph(const pugi::xml_node& p) {
        if (paragraphs_++ > 0) text_ += '\n';
        inline_content(p);
    }

    void inline_content(const pugi::xml_node& parent) {
        for (const pugi::xml_node& node : parent.children()) {
            const std::string_view name = local_name(node);
            if (name == "r") {
                run(node);
            } else if (name == "ins" || name == "moveTo" || name == "hyperlink" || name == "smartTag" ||
                       name == "sdt" || name == "sdtContent" || name == "fldSimple" || name == "customXml") {
                inline_content(node);
            } else if (name == "del" || name == "moveFrom") {
                has_deletions_ = true;
            }
        }
    }

    void run(const pugi::xml_node& r) {
        for (const pugi::xml_node& node : r.children()) {
            const std::string_view name = local_name(node);
            if (name == "t") {
                for (const pugi::xml_node& data : node.children())
                    if (data.type() == pugi::node_pcdata || data.type() == pugi::node_cdata) text_ += data.value();
            } else if (name == "tab") {
                text_ += '\t';
            } else if (name == "br" || name == "cr") {
                text_ += '\n';
            } else if (name == "noBreakHyphen") {
                text_ += '-';
            } else if (name == "footnoteReference") {
                ++footnotes_;
            } else if (name == "endnoteReference") {
                ++endnotes_;
            } else if (name == "delText") {
                has_deletions_ = true;
            }
        }
    }

    std::string text_;
    int paragraphs_ = 0;
    int footnotes_ = 0;
    int endnotes_ = 0;
    bool has_deletions_ = false;
};

}  // namespace

ImportedText import_docx(const std::string& bytes, const std::string& file_name) {
    const ZipReader zip(bytes, file_name);
    if (!zip.contains(kDocumentEntry))
        throw ParseError(file_name, -1, "not a Word document: " + kDocumentEntry + " missing");
    pugi::xml_document doc;
    parse_xml_entry(doc, zip.read(kDocumentEntry), file_name, kDocumentEntry);

    const pugi::xml_node body = child_element(child_element(doc, "document"), "body");
    if (!body) throw ParseError(file_name, -1, "not a Word document: " + kDocumentEntry + " has no body");
    DocxText walker;
    walker.block(body);

    ImportedText result = finish_office_import(walker.text(), file_name, kDocumentEntry, "docx");
    result.notes = walker.notes();
    return result;
}

}  // namespace kodex
