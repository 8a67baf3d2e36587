// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "core/errors.h"
#include "core/import/importer.h"
#include "core/text/unicode.h"
#include "tests/support/zip_builder.h"

using namespace kodex;

namespace {

struct Entry {
    std::string name;
    std::string data;
};

// Builds a zip archive in memory, entries deflated but an ODF mimetype (stored, as the format asks), so hostile
// variants are easy to make. `document` is written with `document_spec` (sizes it declares, for example).
std::string make_zip(const std::vector<Entry>& entries, const test::ZipEntrySpec& document_spec = {}) {
    test::ZipBuilder zip;
    for (const Entry& e : entries) {
        test::ZipEntrySpec spec = e.name == "word/document.xml" ? document_spec : test::ZipEntrySpec{};
        spec.deflate = e.name != "mimetype";
        zip.add(e.name, e.data, spec);
    }
    return zip.finish();
}

std::string document_xml(const std::string& body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
           "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\n<w:body>\n" +
           body + "\n<w:sectPr/></w:body></w:document>";
}

std::string docx(const std::string& body, const test::ZipEntrySpec& document_spec = {}) {
    return make_zip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", document_xml(body)}}, document_spec);
}

std::string content_xml(const std::string& text) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
           "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
           "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
           "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
           "xmlns:xlink=\"http://www.w3.org/1999/xlink\" office:version=\"1.3\">\n"
           "<office:body>\n<office:text>\n" +
           text + "\n</office:text>\n</office:body>\n</office:document-content>";
}

std::string odt(const std::string& text) {
    return make_zip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                     {"content.xml", content_xml(text)},
                     {"META-INF/manifest.xml", "<manifest/>"}});
}

std::string parse_error(const std::string& bytes, const std::string& file_name) {
    try {
        import_transcript_bytes(bytes, file_name);
    } catch (const ParseError& e) {
        CHECK(e.file() == file_name);
        return e.what();
    }
    FAIL("no ParseError");
    return {};
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

const char* const kBillionLaughs =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE w:document [\n<!ENTITY lol \"lol\">\n"
    "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n]>\n";

}  // namespace

TEST_CASE("docx: paragraphs, tabs, breaks, tables and inserted text become lines; deletions and notes do not") {
    const std::string body =
        "<w:p><w:r><w:t>Interview 12</w:t></w:r></w:p>\n<w:p/>\n"
        "<w:p><w:r><w:t xml:space=\"preserve\">I: Wie </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>war</w:t></w:r>"
        "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:t>das?</w:t></w:r>"
        "<w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>\n"
        "<w:p><w:r><w:t>B: Spalte</w:t><w:tab/><w:t>zwei</w:t><w:br/><w:t>neue Zeile</w:t><w:cr/>"
        "<w:t>noch eine</w:t></w:r></w:p>\n"
        "<w:p><w:r><w:t xml:space=\"preserve\">I: Das ist </w:t></w:r>"
        "<w:del w:id=\"2\"><w:r><w:delText>nicht </w:delText></w:r></w:del>"
        "<w:ins w:id=\"3\"><w:r><w:t xml:space=\"preserve\">sehr </w:t></w:r></w:ins>"
        "<w:r><w:t>gut</w:t></w:r><w:r><w:endnoteReference w:id=\"2\"/></w:r>"
        "<w:r><w:footnoteReference w:id=\"3\"/></w:r></w:p>\n"
        "<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>B: Zelle eins</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>Zelle zwei</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\n"
        "<w:sdt><w:sdtContent><w:p><w:hyperlink r:id=\"rId5\"><w:r><w:t>Link</w:t></w:r></w:hyperlink>"
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
        "<w:fldSimple w:instr=\"DATE\"><w:r><w:t xml:space=\"preserve\"> 1.1.2024</w:t></w:r></w:fldSimple>"
        "</w:p></w:sdtContent></w:sdt>\n"
        "<w:p><w:r><w:t>U&#x308;ber Caf</w:t></w:r><w:r><w:t>e&#x301;</w:t></w:r></w:p>";
    const ImportedText t = import_transcript_bytes(docx(body), "interview.docx");
    CHECK(t.text ==
          "Interview 12\n\nI: Wie war das?\nB: Spalte\tzwei\nneue Zeile\nnoch eine\nI: Das ist sehr gut\n"
          "B: Zelle eins\nZelle zwei\nLink 1.1.2024\nÜber Café");
    CHECK(t.format == "docx");
    CHECK(t.encoding == "UTF-8");
    CHECK(t.notes == std::vector<std::string>{"2 footnotes ignored", "1 endnote ignored",
                                              "tracked changes: deleted text left out, inserted text kept"});
    REQUIRE(t.turns.size() == 5);
    CHECK(t.turns[0].speaker.empty());
    CHECK(t.turns[0].start == 0);
    CHECK(t.turns[0].end == 12);
    CHECK(t.turns[1].speaker == "I");
    CHECK(t.turns[1].start == 14);
    CHECK(t.turns[1].body_start == 17);
    CHECK(t.turns[1].end == 29);
    CHECK(t.turns[2].speaker == "B");
    CHECK(substring_cp(t.text, t.turns[2].body_start, t.turns[2].end) == "Spalte\tzwei\nneue Zeile\nnoch eine");
    CHECK(substring_cp(t.text, t.turns[3].start, t.turns[3].end) == "I: Das ist sehr gut");
    CHECK(substring_cp(t.text, t.turns[4].body_start, t.turns[4].end) ==
          "Zelle eins\nZelle zwei\nLink 1.1.2024\nÜber Café");
    CHECK(t.turns[4].end == count_code_points(t.text));
}

TEST_CASE("odt: text:s, tabs, line breaks, lists and tables are kept; notes, comments and frames are not") {
    const std::string text =
        "<text:sequence-decls><text:sequence-decl text:display-outline-level=\"0\" text:name=\"Table\"/>"
        "</text:sequence-decls>\n"
        "<text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion><text:p>gelöscht</text:p>"
        "</text:deletion></text:changed-region></text:tracked-changes>\n"
        "<text:h text:outline-level=\"1\">Interview 5</text:h>\n<text:p/>\n"
        "<text:p>I: Wie   geht\n   es<text:s text:c=\"3\"/>Ihnen?<text:note text:id=\"n1\" "
        "text:note-class=\"footnote\"><text:note-citation>1</text:note-citation><text:note-body><text:p>Fußnote"
        "</text:p></text:note-body></text:note> </text:p>\n"
        "<text:p>B: <text:span text:style-name=\"T1\">Gut</text:span>,<text:s/>danke.<text:tab/>Wirklich."
        "<text:line-break/>Neue Zeile<text:note text:note-class=\"endnote\"><text:note-body><text:p>x</text:p>"
        "</text:note-body></text:note></text:p>\n"
        "<text:list><text:list-item><text:p>I: Punkt <text:a xlink:href=\"http://x\">eins</text:a></text:p>"
        "</text:list-item></text:list>\n"
        "<table:table><table:table-column/><table:table-row><table:table-cell><text:p>B: Zelle</text:p>"
        "</table:table-cell></table:table-row></table:table>\n"
        "<text:p>Mit Kommentar<office:annotation><text:p>Kommentar</text:p></office:annotation> und Rahmen"
        "<draw:frame><draw:text-box><text:p>Rahmen</text:p></draw:text-box></draw:frame>.</text:p>\n"
        "<text:section><text:p>O&#x308;l</text:p></text:section>";
    const ImportedText t = import_transcript_bytes(odt(text), "interview.odt");
    CHECK(t.text ==
          "Interview 5\n\nI: Wie geht es   Ihnen?\nB: Gut, danke.\tWirklich.\nNeue Zeile\nI: Punkt eins\n"
          "B: Zelle\nMit Kommentar und Rahmen.\nÖl");
    CHECK(t.format == "odt");
    CHECK(t.notes == std::vector<std::string>{"1 footnote ignored", "1 endnote ignored"});
    REQUIRE(t.turns.size() == 5);
    CHECK(t.turns[0].speaker.empty());
    CHECK(t.turns[0].end == 11);
    CHECK(t.turns[1].speaker == "I");
    CHECK(t.turns[1].start == 13);
    CHECK(t.turns[1].body_start == 16);
    CHECK(t.turns[1].end == 36);
    CHECK(substring_cp(t.text, t.turns[2].body_start, t.turns[2].end) == "Gut, danke.\tWirklich.\nNeue Zeile");
    CHECK(t.turns[3].speaker == "I");
    CHECK(substring_cp(t.text, t.turns[4].body_start, t.turns[4].end) == "Zelle\nMit Kommentar und Rahmen.\nÖl");
}

TEST_CASE("odt: a file without a mimetype entry is read, one with another mimetype is refused") {
    const std::string no_mimetype = make_zip({{"content.xml", content_xml("<text:p>B: ja</text:p>")}});
    CHECK(import_transcript_bytes(no_mimetype, "a.odt").text == "B: ja");
    const std::string spreadsheet = make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                              {"content.xml", content_xml("<text:p>x</text:p>")}});
    CHECK(contains(parse_error(spreadsheet, "a.odt"),
                   "not an OpenDocument text: its mimetype is \"application/vnd.oasis.opendocument.spreadsheet\""));
    const std::string no_content = make_zip({{"mimetype", "application/vnd.oasis.opendocument.text"}});
    CHECK(contains(parse_error(no_content, "a.odt"), "a.odt: not an OpenDocument text: content.xml missing"));
}

TEST_CASE("docx: a zip without word/document.xml is not a Word document") {
    const std::string zip = make_zip({{"[Content_Types].xml", "<Types/>"}});
    CHECK(parse_error(zip, "a.docx") == "a.docx: not a Word document: word/document.xml missing");
}

TEST_CASE("docx: truncated archives, other bytes and empty files cannot be opened as zip archives") {
    const std::string whole = docx("<w:p><w:r><w:t>B: ja</w:t></w:r></w:p>");
    CHECK(import_transcript_bytes(whole, "a.docx").text == "B: ja");
    CHECK(contains(parse_error(whole.substr(0, whole.size() / 2), "a.docx"), "cannot open as a zip archive"));
    CHECK(contains(parse_error("PK\x03\x04 not really", "a.docx"), "cannot open as a zip archive"));
    CHECK(contains(parse_error("", "a.odt"), "cannot open as a zip archive"));
}

TEST_CASE("docx: a DOCTYPE with entity definitions is refused, nothing is expanded") {
    const std::string laughs = std::string(kBillionLaughs) +
                               "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p>"
                               "</w:body></w:document>";
    const std::string zip = make_zip({{"word/document.xml", laughs}});
    CHECK(contains(parse_error(zip, "a.docx"), "refusing: word/document.xml has a DOCTYPE declaration"));

    const std::string external =
        "<?xml version=\"1.0\"?><!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        "<office:document-content><office:body><office:text><text:p>&xxe;</text:p></office:text></office:body>"
        "</office:document-content>";
    CHECK(contains(parse_error(make_zip({{"content.xml", external}}), "a.odt"),
                   "refusing: content.xml has a DOCTYPE declaration"));
}

TEST_CASE("docx: malformed XML is a parse error naming the entry") {
    const std::string zip = make_zip({{"word/document.xml", "<w:document><w:body><w:p></w:body>"}});
    CHECK(contains(parse_error(zip, "a.docx"), "a.docx: word/document.xml: malformed XML at byte"));
    const std::string no_body = make_zip({{"word/document.xml", "<w:document/>"}});
    CHECK(contains(parse_error(no_body, "a.docx"), "has no body"));
}

TEST_CASE("docx: a zip bomb is refused by its compression ratio") {
    const std::string huge = "<w:p><w:r><w:t>" + std::string(4u << 20, 'a') + "</w:t></w:r></w:p>";
    const std::string zip = docx(huge);
    CHECK(zip.size() < 100000);
    CHECK(contains(parse_error(zip, "a.docx"), "refusing: word/document.xml is compressed more than 200:1"));
}

TEST_CASE("docx: entries declaring more than 256 MiB, or less than they hold, are refused") {
    const std::string body = "<w:p><w:r><w:t>B: ja</w:t></w:r></w:p>";
    test::ZipEntrySpec spec;
    spec.declared_size = 300u << 20;
    CHECK(contains(parse_error(docx(body, spec), "a.docx"), "refusing: word/document.xml is larger than 256 MiB"));
    spec.declared_size = 20;
    CHECK(contains(parse_error(docx(body, spec), "a.docx"), "word/document.xml"));
}

namespace {

// `levels` elements nested in each other, their names drawn from `names` (so that the entry does not compress
// like a zip bomb), with `inner` in the middle.
std::string nested(const std::vector<std::string>& names, int levels, const std::string& inner) {
    std::string open, close;
    std::uint32_t seed = 12345;
    std::vector<const std::string*> stack;
    for (int i = 0; i < levels; ++i) {
        seed = seed * 1103515245u + 12345u;
        const std::string& name = names[(seed >> 16) % names.size()];
        open += "<" + name + ">";
        stack.push_back(&name);
    }
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) close += "</" + **it + ">";
    return open + inner + close;
}

}  // namespace

// Bug (seen while writing fuzz_docx and fuzz_odt, confirmed with them under ASan): the recursive walkers of both
// importers overflowed the stack on elements nested a few hundred thousand levels deep; such XML is now refused.
TEST_CASE("docx and odt: elements nested deeper than 1000 levels are refused instead of overflowing the stack") {
    const std::vector<std::string> blocks = {"w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent", "w:customXml", "w:ins"};
    const std::string p = "<w:p><w:r><w:t>B: tief</w:t></w:r></w:p>";
    CHECK(import_transcript_bytes(docx(nested(blocks, 900, p)), "a.docx").text == "B: tief");
    const std::string deep_docx = docx(nested(blocks, 300000, p));
    CHECK(contains(parse_error(deep_docx, "a.docx"),
                   "a.docx: word/document.xml: elements are nested deeper than 1000 levels"));

    const std::vector<std::string> spans = {"text:span", "text:a", "text:meta", "text:hidden"};
    const std::string odt_900 = odt("<text:p>" + nested(spans, 900, "B: tief") + "</text:p>");
    CHECK(import_transcript_bytes(odt_900, "a.odt").text == "B: tief");
    const std::string deep_odt = odt("<text:p>" + nested(spans, 300000, "B: tief") + "</text:p>");
    CHECK(contains(parse_error(deep_odt, "a.odt"), "a.odt: content.xml: elements are nested deeper than 1000 levels"));
}
