// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/refi/qdpx.h"

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "core/errors.h"
#include "core/sample_study.h"
#include "core/session.h"
#include "core/text/unicode.h"
#include "tests/core/refi/qdpx_test_util.h"

using namespace kodex;
using namespace kodex::test;

namespace {

std::map<std::string, std::string> entries_of(const std::string& qdpx) {
    std::map<std::string, std::string> out;
    for (auto& [name, data] : unzip_all(qdpx)) out[name] = data;
    return out;
}

std::vector<std::string> guid_attributes(const std::string& xml) {
    std::vector<std::string> out;
    for (std::size_t at = xml.find(" guid=\""); at != std::string::npos; at = xml.find(" guid=\"", at + 1))
        out.push_back(xml.substr(at + 7, 36));
    return out;
}

std::string without_attribute(std::string xml, const std::string& attribute) {
    const auto a = xml.find(" " + attribute + "=\"");
    REQUIRE(a != std::string::npos);
    xml.erase(a, xml.find('"', a + attribute.size() + 3) + 1 - a);
    return xml;
}

// A small project whose text has emoji before its codings, a folder code, memos and variables of every type.
std::unique_ptr<Session> emoji_project(const TempDir& dir) {
    auto s = Session::create(dir.file("emoji.kodex"));
    s->set_coder("anna");
    write_all(dir.file("Chat.txt"), "I: Wie geht's? \xF0\x9F\x98\x80\n\nB: Gut \xF0\x9F\x91\x8D danke.\nStra\xC3\x9F" "e frei.\n");
    s->import_files({{dir.file("Chat.txt")}, {}, false});
    const DocumentId doc = s->find_document("Chat");
    const CodeId folder = s->add_code(CodeId(), "Stimmung", "#336699", {"Wie es den Leuten geht", "", ""});
    const CodeId good = s->add_code(folder, "gut", "#00AA00");
    s->apply_code(doc, good, {27, 32});  // "danke", after two emoji
    s->apply_code(doc, good, {34, 40});  // "Straße"
    s->store().db().exec("UPDATE codes SET codable = 0 WHERE name = 'Stimmung'");
    s->set_memo(MemoTarget::Project, 0, "Pilotstudie");
    s->set_memo(MemoTarget::Document, doc.value, "Chat mit Emoji");
    s->set_memo(MemoTarget::Code, good.value, "Positive Antworten");
    s->set_memo(MemoTarget::Coding, s->codings()[0].coding.id.value, "klar positiv");
    s->define_variable("Alter", VariableType::Integer);
    s->define_variable("Anteil", VariableType::Decimal);
    s->define_variable("Datum", VariableType::Date);
    s->define_variable("Mitglied", VariableType::Boolean);
    s->set_variable(doc, "Alter", "42");
    s->set_variable(doc, "Anteil", "0,5");
    s->set_variable(doc, "Datum", "01.02.2021");
    s->set_variable(doc, "Mitglied", "ja");
    s->set_variable(doc, "Ort", "Köln");
    return s;
}

pugi::xml_node child(const pugi::xml_node& n, const char* name) { return n.child(name); }

}  // namespace

TEST_CASE("qdpx export: the sample study is schema-valid UTF-8 without BOM, LF only, one text file per document") {
    const TempDir dir;
    build_sample_study(KODEX_SOURCE_DIR, dir.file("sample.kodex"));
    auto s = Session::open(dir.file("sample.kodex"), true);
    const QdpxExportReport r = export_qdpx(*s, dir.file("sample.qdpx"));
    CHECK(r.documents == 9);
    CHECK(r.codings == 209);
    CHECK(r.codes == static_cast<std::int64_t>(s->codes().size()));
    CHECK(r.bytes == std::filesystem::file_size(dir.file("sample.qdpx")));

    const auto files = unzip_all(dir.file("sample.qdpx"));
    REQUIRE(files.size() == 10);
    CHECK(files[0].first == "project.qde");
    const std::string& qde = files[0].second;
    CHECK(qde.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\"", 0) == 0);
    CHECK(qde.find('\r') == std::string::npos);
    const Validation v = validate_project_xml(qde);
    if (v.ran) CHECK_MESSAGE(v.valid, v.output);

    const auto entries = entries_of(dir.file("sample.qdpx"));
    for (const auto& d : s->documents()) {
        std::string key = d.guid;
        for (char& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        const auto it = entries.find("sources/" + key + ".txt");
        REQUIRE_MESSAGE(it != entries.end(), d.name);
        CHECK(it->second == s->document(d.id).text);
        CHECK(qde.find("plainTextPath=\"internal://" + key + ".txt\"") != std::string::npos);
    }
}

TEST_CASE("qdpx export: positions are code points into the written text, and every reference resolves") {
    const TempDir dir;
    build_sample_study(KODEX_SOURCE_DIR, dir.file("sample.kodex"));
    auto s = Session::open(dir.file("sample.kodex"), true);
    export_qdpx(*s, dir.file("sample.qdpx"));
    const auto entries = entries_of(dir.file("sample.qdpx"));
    pugi::xml_document doc;
    REQUIRE(doc.load_string(entries.at("project.qde").c_str()));
    const pugi::xml_node project = doc.child("Project");

    std::set<std::string> codes, users;
    for (const auto& u : child(project, "Users").children("User")) users.insert(u.attribute("guid").value());
    std::vector<pugi::xml_node> todo;
    for (const auto& c : child(child(project, "CodeBook"), "Codes").children("Code")) todo.push_back(c);
    while (!todo.empty()) {
        const pugi::xml_node c = todo.back();
        todo.pop_back();
        codes.insert(c.attribute("guid").value());
        for (const auto& sub : c.children("Code")) todo.push_back(sub);
    }
    int codings = 0;
    for (const auto& src : child(project, "Sources").children("TextSource")) {
        const std::string path = src.attribute("plainTextPath").value();
        const std::string& text = entries.at("sources/" + path.substr(11));
        for (const auto& sel : src.children("PlainTextSelection")) {
            const auto start = sel.attribute("startPosition").as_llong(), end = sel.attribute("endPosition").as_llong();
            REQUIRE(end > start);
            std::string name = sel.attribute("name").value();
            if (name.size() > 3 && name.compare(name.size() - 3, 3, "\xE2\x80\xA6") == 0) name.erase(name.size() - 3);
            CHECK(substring_cp(text, start, end).rfind(name, 0) == 0);
            for (const auto& c : sel.children("Coding")) {
                ++codings;
                CHECK(codes.count(c.child("CodeRef").attribute("targetGUID").value()) == 1);
                CHECK(users.count(c.attribute("creatingUser").value()) == 1);
                CHECK(std::string(c.attribute("creationDateTime").value()).back() == 'Z');
            }
        }
    }
    CHECK(codings == 209);
}

TEST_CASE("qdpx export: an object keeps its GUID from export to export") {
    const TempDir dir;
    build_sample_study(KODEX_SOURCE_DIR, dir.file("sample.kodex"));
    auto s = Session::open(dir.file("sample.kodex"), true);
    export_qdpx(*s, dir.file("a.qdpx"));
    export_qdpx(*s, dir.file("b.qdpx"));
    const std::string a = entries_of(dir.file("a.qdpx")).at("project.qde");
    const std::string b = entries_of(dir.file("b.qdpx")).at("project.qde");
    CHECK(guid_attributes(a).size() > 400);
    CHECK(guid_attributes(a) == guid_attributes(b));
    CHECK(without_attribute(a, "modifiedDateTime") == without_attribute(b, "modifiedDateTime"));
    const auto guids = guid_attributes(a);
    CHECK(std::set<std::string>(guids.begin(), guids.end()).size() == guids.size());  // all distinct
}

TEST_CASE("qdpx export: memos are notes, variables sit on their sources, folders are not codable") {
    const TempDir dir;
    auto s = emoji_project(dir);
    const QdpxExportReport r = export_qdpx(*s, dir.file("e.qdpx"));
    CHECK(r.notes == 4);
    const std::string qde = entries_of(dir.file("e.qdpx")).at("project.qde");
    const Validation v = validate_project_xml(qde);
    if (v.ran) CHECK_MESSAGE(v.valid, v.output);

    pugi::xml_document doc;
    REQUIRE(doc.load_string(qde.c_str()));
    const pugi::xml_node project = doc.child("Project");
    std::map<std::string, std::string> notes;  // guid -> text
    for (const auto& n : project.child("Notes").children("Note"))
        notes[n.attribute("guid").value()] = n.child("PlainTextContent").text().get();
    const auto note_of = [&](const pugi::xml_node& owner) { return notes[owner.child("NoteRef").attribute("targetGUID").value()]; };

    CHECK(note_of(project) == "Pilotstudie");
    const pugi::xml_node folder = project.child("CodeBook").child("Codes").child("Code");
    CHECK(std::string(folder.attribute("isCodable").value()) == "false");
    CHECK(std::string(folder.child("Description").text().get()) == "Wie es den Leuten geht");
    const pugi::xml_node good = folder.child("Code");
    CHECK(std::string(good.attribute("color").value()) == "#00AA00");
    CHECK(note_of(good) == "Positive Antworten");
    const pugi::xml_node src = project.child("Sources").child("TextSource");
    CHECK(note_of(src) == "Chat mit Emoji");
    CHECK(note_of(src.child("PlainTextSelection").child("Coding")) == "klar positiv");

    std::map<std::string, std::string> variable_names;  // guid -> name
    for (const auto& var : project.child("Variables").children("Variable"))
        variable_names[var.attribute("guid").value()] = std::string(var.attribute("name").value()) + ":" +
                                                         var.attribute("typeOfVariable").value();
    std::map<std::string, std::string> values;
    for (const auto& vv : src.children("VariableValue")) {
        const pugi::xml_node value = vv.child("VariableRef").next_sibling();
        values[variable_names[vv.child("VariableRef").attribute("targetGUID").value()]] =
            std::string(value.name()) + "=" + value.text().get();
    }
    CHECK(values == std::map<std::string, std::string>{{"Alter:Integer", "IntegerValue=42"},
                                                        {"Anteil:Float", "FloatValue=0.5"},
                                                        {"Datum:Date", "DateValue=2021-02-01"},
                                                        {"Mitglied:Boolean", "BooleanValue=true"},
                                                        {"Ort:Text", "TextValue=Köln"}});
}

TEST_CASE("qdpx export: the MAXQDA switch writes CR LF texts, the NVivo switch counts UTF-16 units") {
    const TempDir dir;
    auto s = emoji_project(dir);
    const auto positions = [&](const std::string& file) {
        pugi::xml_document doc;
        const std::string qde = entries_of(file).at("project.qde");
        REQUIRE(doc.load_string(qde.c_str()));
        const Validation v = validate_project_xml(qde);
        if (v.ran) CHECK_MESSAGE(v.valid, v.output);
        std::vector<std::pair<long long, long long>> out;
        for (const auto& sel : doc.child("Project").child("Sources").child("TextSource").children("PlainTextSelection"))
            out.emplace_back(sel.attribute("startPosition").as_llong(), sel.attribute("endPosition").as_llong());
        return out;
    };
    const QdpxExportReport plain = export_qdpx(*s, dir.file("plain.qdpx"));
    CHECK(positions(dir.file("plain.qdpx")) == std::vector<std::pair<long long, long long>>{{27, 32}, {34, 40}});
    REQUIRE(plain.warnings.size() == 1);
    CHECK(plain.warnings[0].find("outside the BMP") != std::string::npos);

    QdpxExportOptions maxqda;
    maxqda.crlf_line_ends = true;
    export_qdpx(*s, dir.file("maxqda.qdpx"), maxqda);
    CHECK(positions(dir.file("maxqda.qdpx")) == positions(dir.file("plain.qdpx")));
    for (const auto& [name, data] : entries_of(dir.file("maxqda.qdpx")))
        if (name != "project.qde")
            CHECK(data == "I: Wie geht's? \xF0\x9F\x98\x80\r\n\r\nB: Gut \xF0\x9F\x91\x8D danke.\r\nStra\xC3\x9F" "e frei.\r\n");

    QdpxExportOptions nvivo;
    nvivo.utf16_positions = true;
    const QdpxExportReport n = export_qdpx(*s, dir.file("nvivo.qdpx"), nvivo);
    CHECK(positions(dir.file("nvivo.qdpx")) == std::vector<std::pair<long long, long long>>{{29, 34}, {36, 42}});
    CHECK(n.warnings.size() == 1);  // only the note that positions are UTF-16
}

TEST_CASE("qdpx export: a target that cannot be written is an IoError, and an existing file survives a failure") {
    const TempDir dir;
    auto s = emoji_project(dir);
    CHECK_THROWS_AS(export_qdpx(*s, dir.file("no/such/folder/x.qdpx")), IoError);
    write_all(dir.file("old.qdpx"), "old");
    s->store().db().exec("UPDATE codes SET guid = 'not a guid' WHERE name = 'gut'");
    const QdpxExportReport r = export_qdpx(*s, dir.file("old.qdpx"));  // a broken GUID is replaced and reported
    CHECK(std::any_of(r.warnings.begin(), r.warnings.end(),
                      [](const std::string& w) { return w.find("\"not a guid\" is not a GUID") != std::string::npos; }));
    CHECK(entries_of(dir.file("old.qdpx")).count("project.qde") == 1);
}
