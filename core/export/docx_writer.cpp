// SPDX-License-Identifier: GPL-3.0-or-later
// Quote reports as Word documents: the smallest WordprocessingML package Word and LibreOffice accept
// (content types, relationships, document, styles, document properties), zipped deterministically.
// Styles: Title, Heading1 (one per code), Heading2 (for the reader's own subheadings), Definition, Quote,
// Source and Memo; the headings carry outline levels so Word's navigation pane lists the codes.
#include "core/export/output_text.h"
#include "core/export/report_writers.h"

namespace kodex {
namespace {

const char* const kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const char* const kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const char* const kContentTypes =
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
    R"(<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>)"
    R"(<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>)"
    R"(</Types>)";

const char* const kPackageRels =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>)"
    R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>)"
    R"(</Relationships>)";

const char* const kDocumentRels =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(</Relationships>)";

const char* const kApp =
    R"(<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">)"
    R"(<Application>Kodex</Application></Properties>)";

// Sizes in half points, spacing and indents in twentieths of a point.
const char* const kStyles = R"(<w:docDefaults>
<w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="{LANG}"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
<w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:color w:val="08306B"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
<w:pPr><w:keepNext/><w:keepLines/><w:pBdr><w:bottom w:val="single" w:sz="8" w:space="2" w:color="08306B"/></w:pBdr><w:spacing w:before="360" w:after="160"/><w:outlineLvl w:val="0"/></w:pPr>
<w:rPr><w:b/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr>
<w:rPr><w:b/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Definition"><w:name w:val="Definition"/><w:basedOn w:val="Normal"/><w:qFormat/>
<w:pPr><w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="D9DDE3"/><w:left w:val="single" w:sz="4" w:space="4" w:color="D9DDE3"/><w:bottom w:val="single" w:sz="4" w:space="4" w:color="D9DDE3"/><w:right w:val="single" w:sz="4" w:space="4" w:color="D9DDE3"/></w:pBdr>
<w:shd w:val="clear" w:color="auto" w:fill="F3F5F8"/><w:spacing w:after="240"/><w:ind w:left="113" w:right="113"/></w:pPr>
<w:rPr><w:color w:val="454C57"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:next w:val="Source"/><w:qFormat/>
<w:pPr><w:keepNext/><w:pBdr><w:left w:val="single" w:sz="24" w:space="8" w:color="6BAED6"/></w:pBdr><w:spacing w:before="160" w:after="40"/><w:ind w:left="567"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Source"><w:name w:val="Quote Source"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
<w:pPr><w:spacing w:after="160"/><w:ind w:left="567"/></w:pPr><w:rPr><w:color w:val="5F6670"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Memo"><w:name w:val="Memo"/><w:basedOn w:val="Normal"/><w:qFormat/>
<w:pPr><w:shd w:val="clear" w:color="auto" w:fill="FDF8E4"/><w:spacing w:after="200"/><w:ind w:left="567"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
)";

// Runs for `text`, its line breaks kept as <w:br/>.
std::string runs(const std::string& text, bool bold = false) {
    std::string out;
    std::size_t start = 0;
    for (;;) {
        std::size_t end = text.find('\n', start);
        std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (start > 0) out += "<w:r><w:br/></w:r>";
        if (!line.empty())
            out += std::string("<w:r>") + (bold ? "<w:rPr><w:b/></w:rPr>" : "") + "<w:t xml:space=\"preserve\">" +
                   xml_escape(line) + "</w:t></w:r>";
        if (end == std::string::npos) return out;
        start = end + 1;
    }
}

std::string paragraph(const std::string& style, const std::string& content) {
    return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>" + content + "</w:p>\n";
}

std::string document_xml(const QuoteReport& r) {
    std::string body;
    const ReportWords& w = r.words;
    body += paragraph("Title", runs(r.title.empty() ? w.title : r.title));
    for (const QuoteGroup& g : r.groups) {
        body += paragraph("Heading1", runs(g.code_path + " (" + std::to_string(g.quotes.size()) + ")"));
        if (!g.definition.empty()) body += paragraph("Definition", runs(g.definition));
        for (const QuoteEntry& q : g.quotes) {
            body += paragraph("Quote", runs(q.text));
            const std::string source = quote_source(q, w);
            if (!source.empty()) body += paragraph("Source", runs(source));
            for (const QuoteMemo& m : q.memos) {
                body += paragraph("Memo", runs(memo_label(q, m, w) + " ", true) + runs(m.text));
            }
        }
    }
    // A4 with 2.5 cm margins.
    body += "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1417\" w:right=\"1417\" w:bottom=\"1134\" "
            "w:left=\"1417\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>";
    return std::string(kXmlDeclaration) + "<w:document xmlns:w=\"" + kWordNs + "\"><w:body>\n" + body +
           "</w:body></w:document>";
}

std::string core_xml(const QuoteReport& r) {
    // No dates: a report written twice from the same data is the same file.
    return std::string(kXmlDeclaration) +
           "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" +
           xml_escape(r.title.empty() ? r.words.title : r.title) + "</dc:title><dc:creator>Kodex</dc:creator></cp:coreProperties>";
}

}  // namespace

void write_quotes_docx(const QuoteReport& r, const std::string& path) {
    const std::string decl = kXmlDeclaration;
    std::string style_text = kStyles;
    style_text.replace(style_text.find("{LANG}"), 6, xml_attribute(r.words.locale));
    const std::string styles = decl + "<w:styles xmlns:w=\"" + kWordNs + "\">\n" + style_text + "</w:styles>";
    write_text_file(path, deterministic_zip({
                              {"[Content_Types].xml", decl + kContentTypes},
                              {"_rels/.rels", decl + kPackageRels},
                              {"word/document.xml", document_xml(r)},
                              {"word/styles.xml", styles},
                              {"word/_rels/document.xml.rels", decl + kDocumentRels},
                              {"docProps/core.xml", core_xml(r)},
                              {"docProps/app.xml", decl + kApp},
                          }));
}

}  // namespace kodex
