// SPDX-License-Identifier: GPL-3.0-or-later
// PDF import against the fixtures made by tests/fixtures/import/pdf/make.sh: the stored text exactly, and
// where each page starts.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/errors.h"
#include "core/import/importer.h"
#include "core/text/unicode.h"
#include "tests/core/test_util.h"

using namespace kodex;

namespace {

std::string fixture(const std::string& name) { return std::string(KODEX_FIXTURES) + "/import/pdf/" + name; }

// Where each page's text starts when pages are joined by a blank line.
std::vector<std::int64_t> starts_of(const std::vector<std::string>& pages) {
    std::vector<std::int64_t> starts;
    std::int64_t at = 0;
    for (const std::string& p : pages) {
        starts.push_back(at);
        at += count_code_points(p) + 2;
    }
    return starts;
}

std::string joined(const std::vector<std::string>& pages) {
    std::string out;
    for (const std::string& p : pages) out += (out.empty() ? "" : "\n\n") + p;
    return out;
}

std::string refusal(const std::string& name) {
    try {
        import_transcript(fixture(name));
    } catch (const ParseError& e) {
        return e.what();
    }
    return "(imported)";
}

const std::vector<std::string> kMultipage = {
    "I: Wie hat die Krise den Cluster getroffen?\n\n"
    "B: Am Anfang ging gar nichts mehr. Die Treffen fielen aus,\nund die Firmen hatten andere Sorgen.",
    "I: Und die Förderung?\n\nB: Die lief weiter, zum Glück. Aber die Anträge\ndauerten doppelt so lange.",
    "I: Was nehmen Sie mit?\n\nB: Dass man sich kennen muss, bevor es brennt.",
};

}  // namespace

TEST_CASE("pdf: pages come in order, a blank line apart, and the import says where each starts") {
    const ImportedText t = import_transcript(fixture("multipage.pdf"));
    CHECK(t.format == "pdf");
    CHECK(t.text == joined(kMultipage));
    CHECK(t.page_starts == starts_of(kMultipage));
    CHECK(t.notes.empty());
    // Speaker turns are found as in every other import.
    REQUIRE(t.turns.size() == 6);
    CHECK(t.turns[2].speaker == "I");
    CHECK(t.turns[2].start == t.page_starts[1]);
}

TEST_CASE("pdf: two columns are read one after the other, not line by line across") {
    const ImportedText t = import_transcript(fixture("two_columns.pdf"));
    CHECK(t.text ==
          "Linke Spalte, erste Zeile.\nLinke Spalte, zweite Zeile.\nLinke Spalte, dritte Zeile.\n"
          "Linke Spalte, vierte Zeile.\n\n"
          "Rechte Spalte, erste Zeile.\nRechte Spalte, zweite Zeile.\nRechte Spalte, dritte Zeile.\n"
          "Rechte Spalte, vierte Zeile.");
    CHECK(t.page_starts == std::vector<std::int64_t>{0});
}

TEST_CASE("pdf: a word hyphenated at a line end is joined; a compound keeps its hyphen; a dash keeps its line") {
    const ImportedText t = import_transcript(fixture("hyphenation.pdf"));
    // poppler's own page text gives "CoronaKrise", "Er sagte nichts" and "20192020" here.
    CHECK(t.text ==
          "Die Finanzierung der Cluster war im Frühjahr unsicher, wegen der Corona-Krise und der Lieferketten "
          "aus Übersee. Er sagte -\nnichts, von 2019-2020 nicht.");
}

TEST_CASE("pdf: umlauts and ß survive, ligatures become letters, combining marks are composed (NFC)") {
    const ImportedText t = import_transcript(fixture("umlauts_ligatures.pdf"));
    CHECK(t.text ==
          "Größere Maßnahmen: Übergänge, Äcker, Öfen.\n"
          "Die finanzielle Lage war flexibel, der Effekt klein.\n"
          "Café und Café, naïve Ideen.\n"
          "Ein Smiley \u263a und \u00bd Stunde.");
    // The PDF sets "fi" as U+FB01: a researcher typing "finanzielle" must find it.
    CHECK(t.text.find("finanzielle") != std::string::npos);
    CHECK(t.text.find("\xEF\xAC") == std::string::npos);  // no U+FB00..U+FB3F left
    CHECK(normalize_text(t.text) == t.text);
}

TEST_CASE("pdf: a character beyond U+FFFF is one code point, and a combining accent is composed") {
    // The font maps one glyph to U+1F600 (a surrogate pair in poppler's UTF-16) and one to U+0301 after "e".
    const ImportedText t = import_transcript(fixture("emoji_combining.pdf"));
    CHECK(t.text == "Caf\u00e9 \U0001F600 ok");
    CHECK(count_code_points(t.text) == 9);
}

TEST_CASE("pdf: a PDF that opens without a password but restricts copying is read") {
    const ImportedText t = import_transcript(fixture("owner_password.pdf"));
    CHECK(t.text == joined(kMultipage));
}

TEST_CASE("pdf: a page without text is noted, and starts where the text ends") {
    const ImportedText t = import_transcript(fixture("text_then_scan.pdf"));
    CHECK(t.text == "Seite eins hat Text.");
    CHECK(t.page_starts == std::vector<std::int64_t>{0, count_code_points(t.text)});
    REQUIRE(t.notes.size() == 1);
    CHECK(t.notes[0].find("no text on page 2 ") == 0);
}

TEST_CASE("pdf: a scan without a text layer is refused, naming the file and asking for OCR") {
    const std::string message = refusal("scan.pdf");
    CHECK(message.find("scan.pdf") != std::string::npos);
    CHECK(message.find("no text layer") != std::string::npos);
    CHECK(message.find("ocrmypdf") != std::string::npos);
}

TEST_CASE("pdf: a password-protected PDF is refused with how to remove the password") {
    const std::string message = refusal("encrypted.pdf");
    CHECK(message.find("encrypted.pdf") != std::string::npos);
    CHECK(message.find("protected by a password") != std::string::npos);
    CHECK(message.find("without protection") != std::string::npos);
}

TEST_CASE("pdf: a truncated PDF is refused as damaged") {
    const std::string message = refusal("truncated.pdf");
    CHECK(message.find("truncated.pdf") != std::string::npos);
    CHECK(message.find("damaged") != std::string::npos);
    CHECK(message.find("cut off") != std::string::npos);
}

TEST_CASE("pdf: damaged files are refused, never crash: cut anywhere, garbage inside, not a PDF at all") {
    const std::string good = test::read_all(fixture("multipage.pdf"));
    REQUIRE(good.size() > 1000);
    CHECK_THROWS_AS(import_transcript_bytes("hello", "x.pdf"), ParseError);
    CHECK_THROWS_AS(import_transcript_bytes("", "x.pdf"), ParseError);
    // Cut off, then given an end marker again: poppler must cope with whatever is left.
    for (std::size_t cut = 0; cut < good.size(); cut += good.size() / 37) {
        const std::string bytes = good.substr(0, cut) + "\n%%EOF\n";
        try {
            const ImportedText t = import_transcript_bytes(bytes, "cut.pdf");
            CHECK(normalize_text(t.text) == t.text);
        } catch (const ParseError& e) {
            CHECK(std::string(e.what()).find("cut.pdf") == 0);
        }
    }
    // The cross-reference table overwritten: poppler rebuilds it, and the text is the same.
    std::string broken = good;
    const std::size_t xref = broken.rfind("xref");
    REQUIRE(xref != std::string::npos);
    broken.replace(xref, 4, "XXXX");
    try {
        const ImportedText t = import_transcript_bytes(broken, "broken.pdf");
        CHECK(t.text == joined(kMultipage));
    } catch (const ParseError& e) {
        CHECK(std::string(e.what()).find("broken.pdf") == 0);
    }
}
