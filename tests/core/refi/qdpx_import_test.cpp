// SPDX-License-Identifier: GPL-3.0-or-later
// Importing .qdpx archives written the way MAXQDA, ATLAS.ti, NVivo and QualCoder write them. The fixture
// folders under tests/fixtures/qdpx/ hold each producer's texts (BOM, CR LF, emoji) and project XML with
// positions counted the producer's way; the tests zip them with that producer's zip habits.
#include "core/refi/qdpx.h"

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "core/errors.h"
#include "core/session.h"
#include "tests/core/refi/qdpx_test_util.h"

using namespace kodex;
using namespace kodex::test;

namespace {

struct Imported {
    QdpxImportReport report;
    std::unique_ptr<Session> session;
};

Imported import_bytes(const TempDir& dir, const std::string& archive, const std::string& name = "in.qdpx") {
    write_all(dir.file(name), archive);
    Imported r;
    r.report = import_qdpx(dir.file(name), dir.file("study.kodex"));
    r.session = Session::open(dir.file("study.kodex"));
    return r;
}

// "document | code path | coder | text" for every coding.
std::multiset<std::string> codings_of(Session& s) {
    std::multiset<std::string> out;
    for (const auto& c : s.codings()) out.insert(c.document_name + " | " + c.code_path + " | " + c.coder_name + " | " + c.text);
    return out;
}

const CodingView& coding_with_text(const std::vector<CodingView>& all, const std::string& text) {
    const auto it = std::find_if(all.begin(), all.end(), [&](const CodingView& c) { return c.text == text; });
    REQUIRE_MESSAGE(it != all.end(), "no coding of \"" << text << "\"");
    return *it;
}

bool reported(const std::vector<QdpxImportReport::Item>& items, const std::string& element, const std::string& reason_part,
              const std::string& guid = {}) {
    return std::any_of(items.begin(), items.end(), [&](const QdpxImportReport::Item& i) {
        return i.element == element && i.reason.find(reason_part) != std::string::npos && (guid.empty() || i.guid == guid);
    });
}

// NVivo for Windows writes these extra fields (unknown to libzip): 0x554e, NTFS times 0x000a, Unicode path 0x7075.
const std::string kNvivoExtra = std::string("\x4e\x55\x04\x00" "abcd", 8) +
                                std::string("\x0a\x00\x08\x00" "\x00\x00\x00\x00\x01\x00\x00\x00", 12) +
                                std::string("\x75\x70\x05\x00" "\x01" "wxyz", 9);

}  // namespace

TEST_CASE("qdpx import: NVivo for Windows (BOM, CR LF, emoji, UTF-16 positions, Sources/, extra fields)") {
    const TempDir dir;
    ZipEntrySpec spec;
    spec.extra = kNvivoExtra;
    auto in = import_bytes(dir, zip_fixture("nvivo_win", spec));
    Session& s = *in.session;

    CHECK(in.report.origin == "NVivo for Windows 12.6");
    REQUIRE(s.documents().size() == 1);
    const Document d = s.document(s.documents()[0].id);
    CHECK(d.name == "Interview A");
    CHECK(d.guid == "566bf9d7-c55a-45f8-91a6-e55e9b9b1325");  // kept as written, lower case
    CHECK(d.text.rfind("I: Wie war die Zeit im Lockdown? \xF0\x9F\x98\xB7\n\nB: Schwierig.", 0) == 0);  // no BOM, LF
    CHECK(d.text.find('\r') == std::string::npos);

    CHECK(codings_of(s) == std::multiset<std::string>{
                               "Interview A | Austausch | Anna Berger | Die Mitglieder \xF0\x9F\x91\xA5 wollten Austausch",
                               "Interview A | Präsenz | Ben Krüger | Präsenz war unmöglich",
                               "Interview A | Förderung | Anna Berger | Die Soforthilfen kamen spät",
                               "Interview A | Förderung | Ben Krüger | Straße für Straße",
                               "Interview A | Austausch | Ben Krüger | Straße für Straße"});
    REQUIRE(in.report.positions.size() == 1);
    CHECK(in.report.positions[0].model == "UTF-16 code units, CRLF as two");
    CHECK(in.report.positions[0].matters);
    CHECK(in.report.skipped.empty());

    // The case node: not a code, its codings are membership, its values are the document's variables.
    CHECK(s.codes().size() == 3);
    CHECK(s.variable_values(d.id) == std::map<std::string, std::string>{{"Alter", "34"}, {"Case", "Anna"}, {"Geschlecht", "weiblich"}});
    // The annotation (a Link from a Note to a selection) is the memo of that selection's coding.
    const auto all = s.codings();
    CHECK(coding_with_text(all, "Präsenz war unmöglich").memo == "Lautes Lachen");
    const Code f = s.code(s.find_code("Förderung"));
    CHECK(f.description.definition == "Finanzielle Hilfen");
    CHECK(f.description.anchor_example == "Soforthilfen");
    CHECK(coding_with_text(all, "Die Soforthilfen kamen spät").coding.created_at == "2021-03-04T10:11:12Z");
}

TEST_CASE("qdpx import: NVivo for Mac (stored entries, sources/.root, an empty plain text beside a .docx)") {
    const TempDir dir;
    const std::string text = "Kurz \xF0\x9F\x99\x82 und gut.\n";  // 🙂: UTF-16 positions shift by one after it
    ZipBuilder docx;
    docx.add("word/document.xml",
             "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
             "<w:body><w:p><w:r><w:t>Aus dem Word-Dokument.</w:t></w:r></w:p></w:body></w:document>");
    const std::string qde =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><Project name=\"Mac\" origin=\"NVivo 15.0 for Mac\" "
        "xmlns=\"urn:QDA-XML:project:1.0\"><CodeBook><Codes><Code guid=\"aaaaaaaa-0000-4000-8000-000000000001\" "
        "name=\"gut\" isCodable=\"true\"/></Codes></CodeBook><Sources>"
        "<TextSource guid=\"bbbbbbbb-0000-4000-8000-000000000001\" name=\"Kurz\" "
        "plainTextPath=\"internal://bbbbbbbb-0000-4000-8000-000000000001.txt\">"
        "<PlainTextSelection guid=\"cccccccc-0000-4000-8000-000000000001\" name=\"\" startPosition=\"12\" endPosition=\"15\">"
        "<Coding guid=\"dddddddd-0000-4000-8000-000000000001\"><CodeRef targetGUID=\"aaaaaaaa-0000-4000-8000-000000000001\"/>"
        "</Coding></PlainTextSelection></TextSource>"
        "<TextSource guid=\"bbbbbbbb-0000-4000-8000-000000000002\" name=\"Nur Word\" "
        "plainTextPath=\"internal://bbbbbbbb-0000-4000-8000-000000000002.txt\" "
        "richTextPath=\"internal://bbbbbbbb-0000-4000-8000-000000000002.docx\"/></Sources></Project>";
    ZipBuilder zip;
    ZipEntrySpec stored;
    stored.deflate = false;
    zip.add("project.qde", qde, stored);
    zip.add("sources/.root", "", stored);
    zip.add("sources/bbbbbbbb-0000-4000-8000-000000000001.txt", text, stored);
    zip.add("sources/bbbbbbbb-0000-4000-8000-000000000002.txt", "\n", stored);
    zip.add("sources/bbbbbbbb-0000-4000-8000-000000000002.docx", docx.finish(), stored);
    auto in = import_bytes(dir, zip.finish());
    Session& s = *in.session;

    REQUIRE(s.codings().size() == 1);
    CHECK(s.codings()[0].text == "gut");
    CHECK(s.document(s.find_document("Nur Word")).text == "Aus dem Word-Dokument.");
    CHECK(reported(in.report.adjusted, "TextSource", "text taken from the rich text"));
}

TEST_CASE("qdpx import: MAXQDA (data descriptors, lower-case colours, comments, missing dates and users, cases, sets)") {
    const TempDir dir;
    ZipEntrySpec spec;
    spec.data_descriptor = true;
    auto in = import_bytes(dir, zip_fixture("maxqda", spec));
    Session& s = *in.session;

    CHECK(codings_of(s) == std::multiset<std::string>{
                               "Interview B | Neue Formate/Digitale Formate | unknown | Webinare angeboten",
                               "Interview B | Mitglieder | Carla | Die Mitglieder waren dankbar",
                               "Interview B | Neue Formate | Carla | Die Mitglieder waren dankbar"});
    CHECK(in.report.positions[0].model == "code points, CRLF as one");
    CHECK(in.report.positions[0].basis.find("default for \"MAXQDA 24") == 0);

    CHECK(s.code(s.find_code("Neue Formate")).color == "#EF8256");
    CHECK(s.code(s.find_code("Neue Formate/Digitale Formate")).color == "#33AA77");
    CHECK(s.code(s.find_code("Mitglieder")).color == "#0A0B0C");

    // Missing dates fall back to the selection's modification date; offsets become UTC.
    const auto all = s.codings();
    std::set<std::string> dates;
    for (const auto& c : all)
        if (c.text == "Die Mitglieder waren dankbar") dates.insert(c.coding.created_at);
    CHECK(dates == std::set<std::string>{"2024-01-16T10:00:00Z", "2024-01-16T09:05:00Z"});
    CHECK(reported(in.report.adjusted, "Coding", "without a user"));

    // Two sources with one name: both kept, the second renamed.
    const DocumentId b = s.find_document("Interview B"), b2 = s.find_document("Interview B (2)");
    CHECK(reported(in.report.adjusted, "TextSource", "renamed to \"Interview B (2)\""));
    // The comment selection (a Description and no coding) ends up in the document memo.
    const auto memo = s.memo(MemoTarget::Document, b.value);
    REQUIRE(memo);
    CHECK(memo->text == "Comment on \xE2\x80\x9C" "Das war neu für uns.\xE2\x80\x9D\nErstes Mal online");
    // Document variables from the nameless case, from the source itself, and the document set.
    CHECK(s.variable_values(b) == std::map<std::string, std::string>{
                                      {"Alter", "51"}, {"Befragt am", "2024-01-10"}, {"Gruppe Nord", "true"}, {"Region", "Nord"}});
    CHECK(s.variable_values(b2) == std::map<std::string, std::string>{{"Gruppe Nord", "true"}, {"Mitglied", "true"}});
    CHECK(in.report.skipped.empty());
}

TEST_CASE("qdpx import: ATLAS.ti (a project-named .qde, shortened names, folders, memos, PDF, media, groups)") {
    const TempDir dir;
    auto in = import_bytes(dir, zip_fixture("atlas"));
    Session& s = *in.session;

    CHECK(in.report.qde_entry == "Trial.qde");
    CHECK(in.report.warnings.size() == 1);
    CHECK(in.report.warnings[0].find("\"Trial.qde\" instead of project.qde") != std::string::npos);

    const std::string long_quote =
        "Wir hatten viel Ärger mit den Behörden, weil jede Stelle andere Formulare wollte und niemand wusste, wer "
        "eigentlich zuständig war";
    CHECK(codings_of(s) == std::multiset<std::string>{
                               "Gesprächsnotiz | Themen/Ärger über Behörden | Dora | " + long_quote,
                               "Gesprächsnotiz | Themen/Kooperation::intern | Dora | Intern lief die Kooperation dagegen gut.",
                               "Protokoll | Themen/Kooperation::intern | Dora | mehr Webinare"});
    CHECK(in.report.positions[0].model == "code points, CRLF as one");
    CHECK(in.report.positions[0].basis.find("2 of 2 names match") != std::string::npos);

    const Code folder = s.code(s.find_code("Themen"));
    CHECK_FALSE(folder.codable);
    const Code aerger = s.code(s.find_code("Themen/Ärger über Behörden"));
    CHECK(aerger.guid.front() == '{');  // braces kept as written
    CHECK(s.memo(MemoTarget::Code, aerger.id.value)->text == "Vor allem Gesundheitsamt.");
    CHECK(s.memo(MemoTarget::Project, 0)->text == "Methodisches\nErste Runde offen kodiert.\nZweite Runde mit Codebuch.");

    // The zero-length selection, the PDF area, picture, video, code group and graph are reported, not lost.
    pugi::xml_document qde;
    REQUIRE(qde.load_string(fixture_files("atlas")[0].second.c_str()));
    std::string zero;
    for (const auto& sel : qde.child("Project").child("Sources").child("TextSource").children("PlainTextSelection"))
        if (std::string(sel.attribute("startPosition").value()) == sel.attribute("endPosition").value())
            zero = sel.attribute("guid").value();
    CHECK(reported(in.report.skipped, "PlainTextSelection", "the positions select no text", zero));
    CHECK(reported(in.report.skipped, "VideoSource", "video", ""));
    CHECK(std::any_of(in.report.skipped.begin(), in.report.skipped.end(),
                      [](const QdpxImportReport::Item& i) { return i.name == "Sitzung (Transkript)"; }));
    CHECK(reported(in.report.skipped, "PDFSelection", "an area of a PDF page"));
    CHECK(reported(in.report.skipped, "PictureSource", "pictures are not held by Kodex; with it 1 Coding"));
    CHECK(reported(in.report.skipped, "VideoSource", "video is not held by Kodex; with it 1 Transcript"));
    CHECK(reported(in.report.skipped, "Set", "a set of codes or notes"));
    CHECK(reported(in.report.skipped, "Graph", "graphs"));
    CHECK(s.documents().size() == 2);
}

TEST_CASE("qdpx import: QualCoder (BOM before the XML, bare and internal:/ paths, BOM texts, empty Sets, NFC)") {
    const TempDir dir;
    auto in = import_bytes(dir, zip_fixture("qualcoder"));
    Session& s = *in.session;

    CHECK(codings_of(s) == std::multiset<std::string>{
                               "board_2017 | Future | default | The board discussed the café’s future.",
                               "board_2017 | Future | Ed | The board discussed the café’s future.",
                               "board_2017 | Future/Events | Ed | more ëvents",
                               "second | Style | Ed | combining \xC3\xA9 accent"});  // stored in NFC
    CHECK(s.document(s.find_document("board_2017")).text.rfind("Board meeting 2017\n", 0) == 0);
    CHECK(s.memo(MemoTarget::Project, 0)->text == "Overall: positive tone.");
    CHECK(s.memo(MemoTarget::Document, s.find_document("board_2017").value)->text == "Minutes, not a transcript.");
    CHECK(s.memo(MemoTarget::Code, s.find_code("Future").value)->text == "Anything about plans.");
    const auto all = s.codings();
    const auto own = std::find_if(all.begin(), all.end(), [](const CodingView& c) { return c.coder_name == "default"; });
    CHECK(own->memo == "Key sentence.");
    CHECK(own->coding.created_at == "2023-06-01T10:00:00Z");
    CHECK(s.variable_values(s.find_document("second")) == std::map<std::string, std::string>{{"Year", "2018"}});
    CHECK(in.report.skipped.empty());
    CHECK(in.report.adjusted.empty());
    CHECK(in.report.imported.documents == 2);
    CHECK(in.report.imported.codings == 4);
    CHECK(in.report.imported.memos == 4);
    CHECK(in.report.imported.coders == 2);
}

TEST_CASE("qdpx import: Zip64 records and a bare .qde with its sources folder read like the archive") {
    const TempDir dir;
    ZipEntrySpec spec;
    spec.zip64 = true;
    ZipBuilder zip;
    for (const auto& [name, data] : fixture_files("qualcoder")) zip.add(name, data, spec);
    auto zip64 = import_bytes(dir, zip.finish(true));
    const auto expected = codings_of(*zip64.session);
    CHECK(expected.size() == 4);

    const TempDir bare;
    for (const auto& [name, data] : fixture_files("qualcoder")) {
        std::filesystem::create_directories(std::filesystem::path(bare.file(name)).parent_path());
        write_all(bare.file(name), data);
    }
    const auto r = import_qdpx(bare.file("project.qde"), bare.file("bare.kodex"));
    CHECK(r.qde_entry == "project.qde");
    CHECK(codings_of(*Session::open(bare.file("bare.kodex"))) == expected);
}

TEST_CASE("qdpx import: positions are detected when the origin misleads, and misfits are skipped with their GUID") {
    // Says MAXQDA (code points, CRLF as one), but counts like NVivo; the names give it away.
    const std::string text = "\xF0\x9F\x98\xB7 Anfang\r\nMitte \xF0\x9F\x98\xB7 Ende\r\n";
    const std::string qde =
        "<?xml version=\"1.0\"?><Project name=\"p\" origin=\"MAXQDA 2020\" xmlns=\"urn:QDA-XML:project:1.0\">"
        "<CodeBook><Codes><Code guid=\"aaaaaaaa-0000-4000-8000-000000000001\" name=\"c\" isCodable=\"true\"/></Codes></CodeBook>"
        "<Sources><TextSource guid=\"bbbbbbbb-0000-4000-8000-000000000001\" name=\"t\" plainTextPath=\"internal://t.txt\">"
        "<PlainTextSelection guid=\"cccccccc-0000-4000-8000-000000000001\" name=\"Anfang\" startPosition=\"3\" endPosition=\"9\">"
        "<Coding guid=\"dddddddd-0000-4000-8000-000000000001\"><CodeRef targetGUID=\"aaaaaaaa-0000-4000-8000-000000000001\"/></Coding>"
        "</PlainTextSelection>"
        "<PlainTextSelection guid=\"cccccccc-0000-4000-8000-000000000002\" name=\"Ende\" startPosition=\"20\" endPosition=\"24\">"
        "<Coding guid=\"dddddddd-0000-4000-8000-000000000002\"><CodeRef targetGUID=\"aaaaaaaa-0000-4000-8000-000000000001\"/></Coding>"
        "</PlainTextSelection>"
        "<PlainTextSelection guid=\"cccccccc-0000-4000-8000-000000000003\" name=\"weit weg\" startPosition=\"30\" endPosition=\"90\">"
        "<Coding guid=\"dddddddd-0000-4000-8000-000000000003\"><CodeRef targetGUID=\"aaaaaaaa-0000-4000-8000-000000000001\"/></Coding>"
        "</PlainTextSelection></TextSource></Sources></Project>";
    ZipBuilder zip;
    zip.add("project.qde", qde);
    zip.add("sources/T.TXT", text);  // found case-insensitively
    const TempDir dir;
    auto in = import_bytes(dir, zip.finish());

    std::multiset<std::string> texts;
    for (const auto& c : in.session->codings()) texts.insert(c.text);
    CHECK(texts == std::multiset<std::string>{"Anfang", "Ende"});
    REQUIRE(in.report.positions.size() == 1);
    CHECK(in.report.positions[0].model == "UTF-16 code units, CRLF as two");
    CHECK(in.report.positions[0].basis.rfind("detected: 2 of 3 selections fit, 2 of 3 names match", 0) == 0);
    CHECK(reported(in.report.adjusted, "TextSource", "positions counted as UTF-16 code units"));
    CHECK(reported(in.report.skipped, "PlainTextSelection", "positions do not fit the text",
                   "cccccccc-0000-4000-8000-000000000003"));
    CHECK(in.report.skipped.at(0).name == "t 30-90");
}

TEST_CASE("qdpx import: one bad element never stops the rest") {
    const std::string qde =
        "<?xml version=\"1.0\"?><Project name=\"p\" xmlns=\"urn:QDA-XML:project:1.0\">"
        "<Users><User guid=\"eeeeeeee-0000-4000-8000-000000000001\" name=\"Ida\"/><User guid=\"eeeeeeee-0000-4000-8000-000000000002\" name=\"Ida\"/></Users>"
        "<CodeBook><Codes><Code guid=\"aaaaaaaa-0000-4000-8000-000000000001\" name=\"c\" isCodable=\"false\" color=\"red\"/>"
        "<Code guid=\"aaaaaaaa-0000-4000-8000-000000000001\" name=\"c\" isCodable=\"true\"/><Code guid=\"nope\" name=\"\" isCodable=\"true\"/></Codes></CodeBook>"
        "<Sources><TextSource guid=\"bbbbbbbb-0000-4000-8000-000000000001\" name=\"a\"><PlainTextContent>Hallo Welt</PlainTextContent>"
        "<PlainTextSelection guid=\"cccccccc-0000-4000-8000-000000000001\" startPosition=\"0\" endPosition=\"5\">"
        "<Coding guid=\"dddddddd-0000-4000-8000-000000000001\" creatingUser=\"eeeeeeee-0000-4000-8000-000000000001\"><CodeRef targetGUID=\"aaaaaaaa-0000-4000-8000-000000000001\"/></Coding>"
        "<Coding guid=\"dddddddd-0000-4000-8000-000000000002\" creatingUser=\"eeeeeeee-0000-4000-8000-000000000001\"><CodeRef targetGUID=\"aaaaaaaa-0000-4000-8000-000000000001\"/></Coding>"
        "<Coding guid=\"dddddddd-0000-4000-8000-000000000003\"><CodeRef targetGUID=\"99999999-0000-4000-8000-000000000009\"/></Coding>"
        "</PlainTextSelection>"
        "<PlainTextSelection guid=\"cccccccc-0000-4000-8000-000000000002\" startPosition=\"x\" endPosition=\"5\"/>"
        "<NoteRef targetGUID=\"12345678-0000-4000-8000-000000000000\"/></TextSource>"
        "<TextSource guid=\"bbbbbbbb-0000-4000-8000-000000000002\" name=\"a\" plainTextPath=\"internal://missing.txt\"/>"
        "<TextSource guid=\"bbbbbbbb-0000-4000-8000-000000000003\" name=\"ext\" plainTextPath=\"absolute:///C:/x.txt\"/>"
        "</Sources></Project>";
    ZipBuilder zip;
    zip.add("project.qde", qde);
    const TempDir dir;
    auto in = import_bytes(dir, zip.finish());
    Session& s = *in.session;
    const QdpxImportReport& r = in.report;

    REQUIRE(s.codings().size() == 1);
    CHECK(s.codings()[0].text == "Hallo");
    CHECK(s.codings()[0].code_path == "c");
    CHECK(s.code(s.find_code("c")).codable);  // a folder with codings is made codable
    CHECK(reported(r.adjusted, "Code", "not codable but has codings; made codable"));
    CHECK(reported(r.adjusted, "User", "renamed to \"Ida (2)\""));
    CHECK(reported(r.adjusted, "Code", "colour \"red\""));
    CHECK(reported(r.adjusted, "Code", "renamed to \"c (2)\""));
    CHECK(reported(r.adjusted, "Code", "GUID used by another object before"));
    CHECK(reported(r.adjusted, "Code", "\"nope\" is not a GUID"));
    CHECK(reported(r.skipped, "Coding", "same code by the same coder", "dddddddd-0000-4000-8000-000000000002"));
    CHECK(reported(r.skipped, "Coding", "not in the codebook", "dddddddd-0000-4000-8000-000000000003"));
    CHECK(reported(r.skipped, "PlainTextSelection", "not integers", "cccccccc-0000-4000-8000-000000000002"));
    CHECK(reported(r.skipped, "NoteRef", "not in the project"));
    CHECK(reported(r.skipped, "TextSource", "missing.txt is not in the archive", "bbbbbbbb-0000-4000-8000-000000000002"));
    CHECK(reported(r.skipped, "TextSource", "external file", "bbbbbbbb-0000-4000-8000-000000000003"));
    CHECK(s.documents().size() == 1);
}

TEST_CASE("qdpx import: progress is reported per source, and a cancelled import leaves no project behind") {
    const TempDir dir;
    write_all(dir.file("qc.qdpx"), zip_fixture("qualcoder"));
    std::vector<std::pair<std::int64_t, std::int64_t>> calls;
    import_qdpx(dir.file("qc.qdpx"), dir.file("a.kodex"), Progress([&](std::int64_t done, std::int64_t total, const std::string&) {
                    calls.emplace_back(done, total);
                }));
    CHECK(calls == std::vector<std::pair<std::int64_t, std::int64_t>>{{0, 2}, {1, 2}, {2, 2}});

    CancelToken cancel;
    cancel.cancel();
    CHECK_THROWS_AS(import_qdpx(dir.file("qc.qdpx"), dir.file("b.kodex"), {}, &cancel), Cancelled);
    CHECK_FALSE(std::filesystem::exists(dir.file("b.kodex")));
    CHECK_FALSE(std::filesystem::exists(dir.file("b.kodex-wal")));
}
