// SPDX-License-Identifier: GPL-3.0-or-later
// Round trips: Kodex -> .qdpx -> Kodex keeps documents, codes, codings (on the same characters), memos and
// variables with their GUIDs; .qdpx -> Kodex -> .qdpx keeps the GUID of every element Kodex holds.
#include "core/refi/qdpx.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/sample_study.h"
#include "core/session.h"
#include "tests/core/refi/qdpx_test_util.h"

using namespace kodex;
using namespace kodex::test;

namespace {

// Everything a round trip must keep, one line per fact, independent of database ids.
std::multiset<std::string> dump(Session& s) {
    std::multiset<std::string> out;
    for (const auto& d : s.documents()) {
        const Document doc = s.document(d.id);
        out.insert("document " + d.guid + " " + d.name + " " + doc.content_hash + " turns=" + std::to_string(d.turns));
        for (const auto& [name, value] : s.variable_values(d.id)) out.insert("value " + d.name + " " + name + "=" + value);
    }
    for (const auto& c : s.codes())
        out.insert("code " + c.code.guid + " " + c.path + " " + c.code.color + " " + (c.code.codable ? "codable" : "folder") +
                   " [" + c.code.description.definition + "|" + c.code.description.anchor_example + "|" +
                   c.code.description.coding_rule + "]");
    for (const auto& c : s.codings())
        out.insert("coding " + c.coding.guid + " " + c.document_name + " " + c.code_path + " " + c.coder_name + " " +
                   std::to_string(c.coding.range.start) + ":" + std::to_string(c.coding.range.end) + " " +
                   c.coding.created_at + " \"" + c.text + "\" memo=" + c.memo);
    for (const auto& m : s.memos()) {
        std::string target = "project";
        if (m.target == MemoTarget::Document) target = s.document(m.document).name;
        if (m.target == MemoTarget::Code) target = s.code_path(m.code);
        if (m.target == MemoTarget::Coding) target = s.coding(m.coding).coding.guid;
        out.insert("memo " + m.guid + " " + target + ": " + m.text);
    }
    for (const auto& v : s.variables()) out.insert("variable " + v.guid + " " + v.name + " " + to_string(v.type));
    for (const auto& c : s.coders()) out.insert("coder " + c.guid + " " + c.name);
    return out;
}

std::string qde_of(const std::string& qdpx) {
    for (auto& [name, data] : unzip_all(qdpx))
        if (name == "project.qde") return data;
    FAIL("no project.qde in " << qdpx);
    return {};
}

// Every guid="..." in a project XML.
std::vector<std::string> guids_in(const std::string& xml) {
    std::vector<std::string> out;
    for (std::size_t at = xml.find(" guid=\""); at != std::string::npos; at = xml.find(" guid=\"", at + 1))
        out.push_back(xml.substr(at + 7, xml.find('"', at + 7) - at - 7));
    std::sort(out.begin(), out.end());
    return out;
}

// The sample study with memos on every kind of target, a folder and a text with emoji and combining marks.
void enrich(Session& s, const TempDir& dir) {
    s.set_coder("carla");
    write_all(dir.file("Extra.txt"), "I: Noch etwas? \xF0\x9F\x98\x80\r\n\r\nB: Ja \xE2\x80\x93 Cafe\xCC\x81 und Stra\xC3\x9F" "e.\r\n");
    s.import_files({{dir.file("Extra.txt")}, {}, false});
    const DocumentId extra = s.find_document("Extra");
    const CodeId folder = s.add_code(CodeId(), "Ordner", "#123456", {"nur zum Gruppieren", "", ""});
    const CodeId inner = s.add_code(folder, "Kaffee / Tee", "#654321");
    s.store().db().exec("UPDATE codes SET codable = 0 WHERE name = 'Ordner'");
    const CodingId cafe = s.apply_code(extra, inner, {26, 30});  // "Café" after NFC
    s.set_memo(MemoTarget::Project, 0, "Projektmemo\nzwei Zeilen");
    s.set_memo(MemoTarget::Document, extra.value, "  Dokumentmemo\nmit Zeilenende\n");  // kept as typed
    s.set_variable(extra, "Ort", " K\xC3\xB6ln ");
    s.set_memo(MemoTarget::Code, inner.value, "Codememo");
    s.set_memo(MemoTarget::Coding, cafe.value, "Kodiermemo \xF0\x9F\x98\x80");
    const CodingView first = s.codings()[0];
    s.set_memo(MemoTarget::Coding, first.coding.id.value, "Memo an einer Stichprobenkodierung");
}

}  // namespace

TEST_CASE("qdpx round trip: Kodex -> qdpx -> Kodex keeps documents, codes, codings, memos and variables") {
    const TempDir dir;
    build_sample_study(KODEX_SOURCE_DIR, dir.file("sample.kodex"));
    auto original = Session::open(dir.file("sample.kodex"));
    enrich(*original, dir);
    CHECK(original->document(original->find_document("Extra")).text.find("Caf\xC3\xA9") != std::string::npos);

    export_qdpx(*original, dir.file("sample.qdpx"));
    const QdpxImportReport r = import_qdpx(dir.file("sample.qdpx"), dir.file("back.kodex"));
    CHECK(r.skipped.empty());
    CHECK(r.adjusted.empty());
    auto back = Session::open(dir.file("back.kodex"));
    const auto before = dump(*original), after = dump(*back);
    CHECK(before.size() > 300);
    CHECK(before == after);
    // Same characters, not only the same numbers.
    CHECK(back->coding(back->codings()[0].coding.id).text == original->codings()[0].text);
}

TEST_CASE("qdpx round trip: Kodex -> qdpx -> Kodex -> qdpx writes the same GUIDs, selections included") {
    const TempDir dir;
    build_sample_study(KODEX_SOURCE_DIR, dir.file("sample.kodex"));
    auto original = Session::open(dir.file("sample.kodex"));
    enrich(*original, dir);
    export_qdpx(*original, dir.file("first.qdpx"));
    import_qdpx(dir.file("first.qdpx"), dir.file("back.kodex"));
    auto back = Session::open(dir.file("back.kodex"), true);
    export_qdpx(*back, dir.file("second.qdpx"));
    const auto first = guids_in(qde_of(dir.file("first.qdpx"))), second = guids_in(qde_of(dir.file("second.qdpx")));
    CHECK(first.size() > 400);
    CHECK(first == second);
}

TEST_CASE("qdpx round trip: qdpx -> Kodex -> qdpx keeps every GUID of a project Kodex can hold whole") {
    const TempDir dir;
    write_all(dir.file("qualcoder.qdpx"), zip_fixture("qualcoder"));
    import_qdpx(dir.file("qualcoder.qdpx"), dir.file("qc.kodex"));
    auto s = Session::open(dir.file("qc.kodex"), true);
    export_qdpx(*s, dir.file("again.qdpx"));
    std::string original;
    for (const auto& [name, data] : fixture_files("qualcoder"))
        if (name == "project.qde") original = data;
    const auto before = guids_in(original), after = guids_in(qde_of(dir.file("again.qdpx")));
    CHECK(before.size() == 19);
    CHECK(before == after);
    const Validation v = validate_project_xml(qde_of(dir.file("again.qdpx")));
    if (v.ran) CHECK_MESSAGE(v.valid, v.output);
}

TEST_CASE("qdpx round trip: vendor projects keep the GUIDs of what Kodex holds") {
    for (const char* vendor : {"nvivo_win", "maxqda", "atlas"}) {
        CAPTURE(vendor);
        const TempDir dir;
        write_all(dir.file("in.qdpx"), zip_fixture(vendor));
        const QdpxImportReport r = import_qdpx(dir.file("in.qdpx"), dir.file("p.kodex"));
        auto s = Session::open(dir.file("p.kodex"), true);
        export_qdpx(*s, dir.file("out.qdpx"));
        const std::string xml = qde_of(dir.file("out.qdpx"));
        const Validation v = validate_project_xml(xml);
        if (v.ran) CHECK_MESSAGE(v.valid, v.output);
        const auto written = guids_in(xml);
        const std::set<std::string> out(written.begin(), written.end());
        // Every document, code, coding and coder of the new project was written under the GUID it came with.
        for (const auto& d : s->documents()) CHECK(out.count(d.guid) == 1);
        for (const auto& c : s->codes()) CHECK(out.count(c.code.guid) == 1);
        for (const auto& c : s->codings()) CHECK(out.count(c.coding.guid) == 1);
        for (const auto& c : s->coders()) CHECK(out.count(c.guid) == 1);
        for (const auto& p : r.positions) CHECK(out.count(p.guid) == 1);
    }
}

TEST_CASE("qdpx round trip: exports for MAXQDA and NVivo read back onto the same characters") {
    const TempDir dir;
    auto s = Session::create(dir.file("e.kodex"));
    write_all(dir.file("Chat.txt"), "\xF0\x9F\x98\x80 eins\n\xF0\x9F\x98\x80 zwei\nStra\xC3\x9F" "e drei\n");
    s->import_files({{dir.file("Chat.txt")}, {}, false});
    const DocumentId doc = s->find_document("Chat");
    const CodeId c = s->add_code(CodeId(), "Zahl");
    s->apply_code(doc, c, {2, 6});    // eins
    s->apply_code(doc, c, {9, 13});   // zwei
    s->apply_code(doc, c, {14, 25});  // Straße drei
    const auto expected = dump(*s);
    for (int variant = 0; variant < 3; ++variant) {
        CAPTURE(variant);
        QdpxExportOptions o;
        o.crlf_line_ends = variant == 1;
        o.utf16_positions = variant == 2;
        const std::string file = dir.file("v" + std::to_string(variant) + ".qdpx");
        export_qdpx(*s, file, o);
        const std::string project = dir.file("v" + std::to_string(variant) + ".kodex");
        const QdpxImportReport r = import_qdpx(file, project);
        CHECK(r.skipped.empty());
        CHECK(dump(*Session::open(project)) == expected);
    }
}
