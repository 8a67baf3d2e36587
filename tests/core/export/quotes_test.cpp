// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include <pugixml.hpp>

#include "core/export/report_writers.h"
#include "core/import/importer.h"
#include "core/import/zip_xml.h"
#include "tests/core/test_util.h"

using namespace kodex;

namespace {

QuoteEntry quote(std::string document, std::string speaker, std::string timestamp, int line, std::string text,
                 std::string memo = {}) {
    QuoteEntry q;
    q.document = std::move(document);
    q.speaker = std::move(speaker);
    q.timestamp = std::move(timestamp);
    q.line = line;
    q.coders = {"anna"};
    q.text = std::move(text);
    if (!memo.empty()) q.memos.push_back({"anna", std::move(memo)});
    return q;
}

QuoteReport report() {
    QuoteReport r;
    r.title = "Zitate <Transmitterrolle> & Förderung";
    QuoteGroup partner;
    partner.code_path = "Transmitterrolle/Partner verbinden";
    partner.definition = "Das Clustermanagement bringt Partner zusammen.\nNicht: reine Information.";
    partner.quotes.push_back(quote("Interview Müller", "B", "00:01:23.4", 42,
                                   "Wir bringen die Leute an einen Tisch.\nDas ist <b>unser</b> Kern & \"Auftrag\".",
                                   "Schlüsselstelle für RQ2"));
    partner.quotes.push_back(quote("Interview Öztürk", "", "", 7, "# Keine Überschrift\n- kein Listenpunkt\n1. auch nicht"));
    QuoteGroup empty;
    empty.code_path = "Förderung";
    r.groups = {partner, empty};
    return r;
}

bool has_tool(const char* name) { return std::system(("command -v " + std::string(name) + " >/dev/null 2>&1").c_str()) == 0; }

// Missing tools fail in CI (which installs them) and only warn elsewhere.
bool require_tool(const char* name, const char* package) {
    if (has_tool(name)) return true;
    if (std::getenv("CI") != nullptr) FAIL(name << " is not on PATH; install " << package);
    WARN_MESSAGE(false, name << " is not on PATH: check skipped (install " << package << ")");
    return false;
}

}  // namespace

TEST_CASE("quotes: the HTML page escapes everything and lists the codes with their counts") {
    const std::string html = quotes_html(report());
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(html.find("<title>Zitate &lt;Transmitterrolle&gt; &amp; Förderung</title>") != std::string::npos);
    CHECK(html.find("<li><a href=\"#code-1\">Transmitterrolle/Partner verbinden</a> <span class=\"count\">(2)</span></li>") !=
          std::string::npos);
    CHECK(html.find("<li><a href=\"#code-2\">Förderung</a> <span class=\"count\">(0)</span></li>") != std::string::npos);
    CHECK(html.find("<div class=\"definition\">Das Clustermanagement bringt Partner zusammen.<br>\nNicht: reine Information.</div>") !=
          std::string::npos);
    CHECK(html.find("Das ist &lt;b&gt;unser&lt;/b&gt; Kern &amp; &quot;Auftrag&quot;.") != std::string::npos);
    CHECK(html.find("<b>unser</b>") == std::string::npos);
    CHECK(html.find("<footer class=\"source\">Interview Müller · B · 00:01:23.4 · line 42 · coded by anna</footer>") != std::string::npos);
    CHECK(html.find("<footer class=\"source\">Interview Öztürk · line 7 · coded by anna</footer>") != std::string::npos);
    CHECK(html.find("<strong>Memo:</strong> Schlüsselstelle für RQ2") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("<p class=\"empty\">No quotes.</p>") != std::string::npos);
    CHECK(html == quotes_html(report()));
}

TEST_CASE("quotes: Markdown quotes keep their lines and cannot turn into headings or lists") {
    const std::string md = quotes_markdown(report());
    CHECK(md.rfind("# Zitate \\<Transmitterrolle\\> \\& Förderung\n\n2 quotes · 2 codes\n\n"
                   "- Transmitterrolle/Partner verbinden (2)\n- Förderung (0)\n",
                   0) == 0);
    CHECK(md.find("\n## Transmitterrolle/Partner verbinden (2)\n\n*Definition:* Das Clustermanagement bringt Partner "
                  "zusammen.\n\nNicht: reine Information.\n") != std::string::npos);
    CHECK(md.find("> Wir bringen die Leute an einen Tisch.\n>\n> Das ist \\<b\\>unser\\</b\\> Kern \\& \"Auftrag\".\n") !=
          std::string::npos);
    CHECK(md.find("\n*Interview Müller · B · 00:01:23.4 · line 42 · coded by anna*\n") != std::string::npos);
    CHECK(md.find("\n**Memo:** Schlüsselstelle für RQ2\n") != std::string::npos);
    CHECK(md.find("> \\# Keine Überschrift\n>\n> \\- kein Listenpunkt\n>\n> 1\\. auch nicht\n") != std::string::npos);
    CHECK(md.find("\n## Förderung (0)\n") != std::string::npos);
}

TEST_CASE("quotes: the Word document is a valid package that our importer reads back") {
    test::TempDir dir;
    const std::string path = dir.file("zitate.docx");
    QuoteReport r = report();
    r.groups[0].quotes[1].text += "\x01 mit Steuerzeichen\x0B";  // XML 1.0 cannot hold these
    write_quotes_docx(r, path);
    const std::string bytes = test::read_all(path);

    const ImportedText back = import_docx(bytes, path);
    CHECK(back.text.find("Zitate <Transmitterrolle> & Förderung\n") == 0);
    CHECK(back.text.find("Wir bringen die Leute an einen Tisch.\nDas ist <b>unser</b> Kern & \"Auftrag\".") != std::string::npos);
    CHECK(back.text.find("1. auch nicht mit Steuerzeichen\n") != std::string::npos);
    CHECK(back.text.find("Interview Müller · B · 00:01:23.4 · line 42 · coded by anna") != std::string::npos);
    CHECK(back.text.find("Memo: Schlüsselstelle für RQ2") != std::string::npos);

    // Every part is well-formed XML; the styles the paragraphs use are defined.
    const ZipReader zip(bytes, path);
    for (const char* part : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                             "word/_rels/document.xml.rels", "docProps/core.xml", "docProps/app.xml"}) {
        pugi::xml_document doc;
        CHECK_MESSAGE(doc.load_string(zip.read(part).c_str()), part);
    }
    const std::string styles = zip.read("word/styles.xml");
    for (const char* style : {"Title", "Heading1", "Heading2", "Quote", "Source", "Definition", "Memo"})
        CHECK(styles.find("w:styleId=\"" + std::string(style) + "\"") != std::string::npos);

    // Written twice, the same bytes: every entry is dated 1980-01-01 00:00.
    write_quotes_docx(r, dir.file("again.docx"));
    CHECK(test::read_all(dir.file("again.docx")) == bytes);
    int headers = 0;
    for (std::size_t at = bytes.find("PK\x03\x04"); at != std::string::npos; at = bytes.find("PK\x03\x04", at + 4)) {
        const auto u16 = [&](std::size_t i) { return static_cast<unsigned char>(bytes[at + i]) | (static_cast<unsigned char>(bytes[at + i + 1]) << 8); };
        CHECK(u16(10) == 0);       // time
        CHECK(u16(12) == 0x0021);  // date
        ++headers;
    }
    CHECK(headers == 7);

    if (require_tool("unzip", "unzip")) CHECK(std::system(("unzip -tq '" + path + "' >/dev/null").c_str()) == 0);
    if (require_tool("xmllint", "libxml2-utils")) {
        const std::string parts = dir.file("parts");
        std::filesystem::create_directories(parts);
        REQUIRE(std::system(("cd '" + parts + "' && unzip -q '" + path + "'").c_str()) == 0);
        for (const auto& e : std::filesystem::recursive_directory_iterator(parts))
            if (e.is_regular_file())
                CHECK_MESSAGE(std::system(("xmllint --noout '" + e.path().string() + "'").c_str()) == 0, e.path());
    }
    // LibreOffice is not required; where it is installed, it must convert the document.
    if (has_tool("soffice")) {
        const std::string out = dir.file("pdf");
        CHECK(std::system(("soffice --headless --convert-to pdf --outdir '" + out + "' '" + path + "' >/dev/null 2>&1").c_str()) == 0);
        CHECK(std::filesystem::exists(out + "/zitate.pdf"));
    }
}

// The editor in German wrote its quote report with English headings and labels, under lang="de".
TEST_CASE("quotes: the report's fixed words follow the chosen language; English by default") {
    QuoteReport r = report();
    r.title.clear();
    const std::string en = quotes_html(r);
    CHECK(en.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(en.find("<title>Quotes</title>") != std::string::npos);
    CHECK(en.find("<p class=\"summary\">2 quotes · 2 codes</p>") != std::string::npos);
    CHECK(en.find("<nav aria-label=\"Contents\">\n<h2>Contents</h2>") != std::string::npos);

    r.words = report_words("de");
    const std::string de = quotes_html(r);
    CHECK(de.rfind("<!DOCTYPE html>\n<html lang=\"de\">", 0) == 0);
    CHECK(de.find("<title>Zitate</title>") != std::string::npos);
    CHECK(de.find("<h1>Zitate</h1>") != std::string::npos);
    CHECK(de.find("<p class=\"summary\">2 Zitate · 2 Codes</p>") != std::string::npos);
    CHECK(de.find("<nav aria-label=\"Inhalt\">\n<h2>Inhalt</h2>") != std::string::npos);
    CHECK(de.find("Interview Müller · B · 00:01:23.4 · Zeile 42 · kodiert von anna</footer>") != std::string::npos);
    CHECK(de.find("<strong>Memo:</strong> Schlüsselstelle") != std::string::npos);
    CHECK(de.find("<p class=\"empty\">Keine Zitate.</p>") != std::string::npos);
    for (const char* english : {"Quotes", "quotes", "Contents", "line ", "coded by", "No quotes"})
        CHECK_MESSAGE(de.find(english) == std::string::npos, english);

    const std::string md = quotes_markdown(r);
    CHECK(md.rfind("# Zitate\n\n2 Zitate · 2 Codes\n\n", 0) == 0);
    CHECK(md.find("\n*Definition:* Das Clustermanagement") != std::string::npos);
    CHECK(md.find("\n*Interview Öztürk · Zeile 7 · kodiert von anna*\n") != std::string::npos);
    CHECK(md.find("\n**Memo:** Schlüsselstelle für RQ2\n") != std::string::npos);

    // One quote, one code: the singular.
    r.groups.resize(1);
    r.groups[0].quotes.resize(1);
    CHECK(quotes_markdown(r).find("\n1 Zitat · 1 Code\n") != std::string::npos);
    r.words = {};
    CHECK(quotes_markdown(r).rfind("# Quotes\n\n1 quote · 1 code\n\n", 0) == 0);
    CHECK(quotes_html(r).find("Interview Müller · B · 00:01:23.4 · line 42 · coded by anna</footer>") != std::string::npos);
}

TEST_CASE("quotes: report_words knows German by its language code and falls back to English") {
    CHECK(report_words("de").coded_by == "kodiert von");
    CHECK(report_words("de_DE").language == "de");
    CHECK(report_words("de-AT").title == "Zitate");
    CHECK(report_words("").language == "en");
    CHECK(report_words("en_GB").title == "Quotes");
    CHECK(report_words("dev").language == "en");
    CHECK(report_words("fr").line == "line");
    CHECK(count_of(1, "Zitat", "Zitate") == "1 Zitat");
    CHECK(count_of(0, "Zitat", "Zitate") == "0 Zitate");
}

TEST_CASE("quotes: a quote several coders share names them all, and labels each memo with its coder") {
    QuoteReport r = report();
    QuoteEntry& q = r.groups[0].quotes[0];
    q.coders = {"anna", "ben"};
    q.memos = {{"anna", "Schlüsselstelle"}, {"ben", "Nur Beispiel"}};
    const std::string html = quotes_html(r);
    CHECK(html.find("· line 42 · coded by anna, ben</footer>") != std::string::npos);
    CHECK(html.find("<div class=\"memo\"><strong>Memo (anna):</strong> Schlüsselstelle</div>\n"
                    "<div class=\"memo\"><strong>Memo (ben):</strong> Nur Beispiel</div>") != std::string::npos);
    r.words = report_words("de");
    const std::string md = quotes_markdown(r);
    CHECK(md.find("· Zeile 42 · kodiert von anna, ben*\n\n**Memo (anna):** Schlüsselstelle\n\n**Memo (ben):** Nur Beispiel\n") !=
          std::string::npos);
}

TEST_CASE("quotes: the German Word document has German words and language") {
    test::TempDir dir;
    QuoteReport r = report();
    r.title.clear();
    r.words = report_words("de");
    r.groups[0].quotes[0].coders = {"anna", "ben"};
    r.groups[0].quotes[0].memos = {{"ben", "Nur Beispiel"}};
    const std::string path = dir.file("zitate.docx");
    write_quotes_docx(r, path);
    const std::string bytes = test::read_all(path);
    const ImportedText back = import_docx(bytes, path);
    CHECK(back.text.find("Zitate\n") == 0);
    CHECK(back.text.find("Interview Müller · B · 00:01:23.4 · Zeile 42 · kodiert von anna, ben") != std::string::npos);
    CHECK(back.text.find("Memo (ben): Nur Beispiel") != std::string::npos);
    const ZipReader zip(bytes, path);
    CHECK(zip.read("word/styles.xml").find("<w:lang w:val=\"de-DE\"/>") != std::string::npos);
    CHECK(zip.read("docProps/core.xml").find("<dc:title>Zitate</dc:title>") != std::string::npos);
}
