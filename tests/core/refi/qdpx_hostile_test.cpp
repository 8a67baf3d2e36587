// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile and broken .qdpx files: each is refused with a message that says why, and no project is left behind.
#include "core/refi/qdpx.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <random>
#include <string>

#include "core/errors.h"
#include "core/refi/qdpx_archive.h"
#include "core/session.h"
#include "tests/core/refi/qdpx_test_util.h"

using namespace kodex;
using namespace kodex::test;

namespace {

const std::string kMinimalQde =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?><Project name=\"p\" xmlns=\"urn:QDA-XML:project:1.0\"/>";

// Imports `bytes` and returns the error message; checks that the import threw and left no project file.
template <class E = ParseError>
std::string refusal(const std::string& bytes, const std::string& file_name = "hostile.qdpx") {
    const TempDir dir;
    write_all(dir.file(file_name), bytes);
    std::string message;
    try {
        import_qdpx(dir.file(file_name), dir.file("out.kodex"));
        FAIL("the import was not refused");
    } catch (const E& e) {
        message = e.what();
    }
    CHECK_FALSE(std::filesystem::exists(dir.file("out.kodex")));
    CHECK_FALSE(std::filesystem::exists(dir.file("out.kodex-wal")));
    return message;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string with_entry(const std::string& name, const std::string& data = "x", const ZipEntrySpec& spec = {}) {
    ZipBuilder zip;
    zip.add("project.qde", kMinimalQde);
    zip.add(name, data, spec);
    return zip.finish();
}

std::string qde_only(const std::string& xml, const ZipEntrySpec& spec = {}) {
    ZipBuilder zip;
    zip.add("project.qde", xml, spec);
    return zip.finish();
}

// Text that does not compress well.
std::string noise(std::size_t bytes) {
    std::mt19937 rng(7);
    std::string s;
    s.reserve(bytes);
    static const char hex[] = "0123456789abcdef";
    while (s.size() < bytes) s += hex[rng() & 15];
    return s;
}

}  // namespace

TEST_CASE("qdpx hostile: entry names that escape the archive are refused") {
    for (const char* name : {"../evil.txt", "sources/../../evil.txt", "/etc/passwd", "\\\\server\\share\\x.txt",
                             "C:\\Windows\\evil.txt", "sources\\..\\..\\evil.txt"}) {
        CAPTURE(name);
        const std::string m = refusal(with_entry(name));
        CHECK(contains(m, "would escape the archive"));
        CHECK(contains(m, "hostile.qdpx"));
    }
}

TEST_CASE("qdpx hostile: an archive with too many entries is refused before anything is read") {
    ZipBuilder zip;
    ZipEntrySpec stored;
    stored.deflate = false;
    zip.add("project.qde", kMinimalQde, stored);
    for (int i = 0; i < 50000; ++i) zip.add("sources/" + std::to_string(i) + ".txt", "", stored);
    CHECK(contains(refusal(zip.finish()), "has 50001 entries, more than the limit of 50000"));
}

TEST_CASE("qdpx hostile: an archive that would expand beyond the size limit is refused") {
    ZipEntrySpec huge;
    huge.zip64 = true;
    huge.declared_size = 5ull << 30;  // 5 GiB declared for a few bytes of data
    CHECK(contains(refusal(with_entry("sources/big.txt", "x", huge)), "expands to more than 4096 MiB"));
}

TEST_CASE("qdpx hostile: a zip bomb is refused by its compression ratio") {
    SUBCASE("an unreferenced entry inflating the whole archive") {
        CHECK(contains(refusal(with_entry("sources/zeros.txt", std::string(80u << 20, '\0'))),
                       "the archive is compressed more than 200:1"));
    }
    SUBCASE("the project XML itself") {
        const std::string xml = "<?xml version=\"1.0\"?><Project name=\"p\" xmlns=\"urn:QDA-XML:project:1.0\">" +
                                std::string(4u << 20, ' ') + "</Project>";
        CHECK(contains(refusal(qde_only(xml)), "project.qde is compressed more than 200:1"));
    }
}

TEST_CASE("qdpx hostile: an entry longer than it declares is refused") {
    ZipEntrySpec lying;
    lying.declared_size = 10;
    const std::string m = refusal(qde_only(kMinimalQde + std::string(500, ' '), lying));
    CHECK(contains(m, "refusing: project.qde is longer than its declared size"));
}

TEST_CASE("qdpx hostile: a project XML over the size limit is refused") {
    const TempDir dir;
    write_all(dir.file("big.qdpx"), qde_only("<?xml version=\"1.0\"?><Project name=\"p\"><!--" + noise(3u << 20) + "--></Project>"));
    QdpxLimits limits;
    limits.max_qde_size = 2u << 20;
    const QdpxArchive archive(dir.file("big.qdpx"), limits);
    CHECK_THROWS_WITH_AS(archive.read_qde(), doctest::Contains("project.qde is larger than 2 MiB"), ParseError);
}

TEST_CASE("qdpx hostile: XML with a DOCTYPE is refused, so no entity is ever expanded") {
    const std::string laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
        "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
        "<Project name=\"&d;\" xmlns=\"urn:QDA-XML:project:1.0\"/>";
    CHECK(contains(refusal(qde_only(laughs)), "project.qde has a DOCTYPE declaration"));
    const std::string external =
        "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        "<Project name=\"&x;\" xmlns=\"urn:QDA-XML:project:1.0\"/>";
    CHECK(contains(refusal(qde_only(external)), "DOCTYPE"));
    CHECK(contains(refusal(external, "bare.qde"), "DOCTYPE"));
}

TEST_CASE("qdpx hostile: deeply nested XML fails cleanly") {
    std::string xml = "<?xml version=\"1.0\"?><Project name=\"p\" xmlns=\"urn:QDA-XML:project:1.0\">";
    for (int i = 0; i < 100000; ++i) xml += "<x>";
    for (int i = 0; i < 100000; ++i) xml += "</x>";
    xml += "</Project>";
    ZipEntrySpec stored;  // deflated, it would be refused as a zip bomb first
    stored.deflate = false;
    CHECK(contains(refusal(qde_only(xml, stored)), "project.qde: elements are nested deeper than 200 levels"));
    // Codes nested 150 deep are fine (and within the limit).
    std::string codes;
    for (int i = 0; i < 150; ++i)
        codes += "<Code guid=\"" + new_guid() + "\" name=\"l" + std::to_string(i) + "\" isCodable=\"true\">";
    for (int i = 0; i < 150; ++i) codes += "</Code>";
    const TempDir dir;
    write_all(dir.file("deep.qdpx"), qde_only("<?xml version=\"1.0\"?><Project name=\"p\" xmlns=\"urn:QDA-XML:project:1.0\">"
                                             "<CodeBook><Codes>" + codes + "</Codes></CodeBook></Project>"));
    CHECK(import_qdpx(dir.file("deep.qdpx"), dir.file("deep.kodex")).imported.codes == 150);
}

TEST_CASE("qdpx hostile: broken files are refused with what is wrong") {
    CHECK(contains(refusal(qde_only("<?xml version=\"1.0\"?><Project name=\"p\"><CodeBook></Project>")), "malformed XML"));
    CHECK(contains(refusal(qde_only("<?xml version=\"1.0\"?><CodeBook/>")), "not a REFI-QDA project: the root element is <CodeBook>"));
    CHECK(contains(refusal("just some text"), "neither a .qdpx (zip) archive nor a REFI-QDA project"));
    CHECK(contains(refusal(std::string("PK\x03\x04", 4) + "truncated"), "cannot open as a zip archive"));
    const std::string good = qde_only(kMinimalQde);
    CHECK(contains(refusal(good.substr(0, good.size() - 10)), "cannot open as a zip archive"));

    ZipBuilder none;
    none.add("sources/a.txt", "a");
    CHECK(contains(refusal(none.finish()), "no project.qde at the root"));
    ZipBuilder two;
    two.add("a.qde", kMinimalQde);
    two.add("b.qde", kMinimalQde);
    CHECK(contains(refusal(two.finish()), "several project XML files and none named project.qde: a.qde, b.qde"));
    ZipBuilder nested;
    nested.add("folder/project.qde", kMinimalQde);
    CHECK(contains(refusal(nested.finish()), "no project.qde at the root"));
}

TEST_CASE("qdpx hostile: an existing project file is never overwritten") {
    const TempDir dir;
    write_all(dir.file("in.qdpx"), qde_only(kMinimalQde));
    write_all(dir.file("taken.kodex"), "precious");
    CHECK_THROWS_AS(import_qdpx(dir.file("in.qdpx"), dir.file("taken.kodex")), IoError);
    CHECK(read_all(dir.file("taken.kodex")) == "precious");
    CHECK_THROWS_AS(import_qdpx(dir.file("missing.qdpx"), dir.file("new.kodex")), IoError);
    CHECK_FALSE(std::filesystem::exists(dir.file("new.kodex")));
}

TEST_CASE("qdpx hostile: a refused source file costs that source only") {
    const std::string qde =
        "<?xml version=\"1.0\"?><Project name=\"p\" xmlns=\"urn:QDA-XML:project:1.0\"><Sources>"
        "<TextSource guid=\"bbbbbbbb-0000-4000-8000-000000000001\" name=\"bomb\" plainTextPath=\"internal://bomb.txt\"/>"
        "<TextSource guid=\"bbbbbbbb-0000-4000-8000-000000000002\" name=\"fine\" plainTextPath=\"internal://fine.txt\"/>"
        "</Sources></Project>";
    ZipBuilder zip;
    zip.add("project.qde", qde);
    zip.add("sources/bomb.txt", std::string(1u << 20, 'a'));
    zip.add("sources/fine.txt", "Alles gut.\n");
    const TempDir dir;
    write_all(dir.file("in.qdpx"), zip.finish());
    const QdpxImportReport r = import_qdpx(dir.file("in.qdpx"), dir.file("p.kodex"));
    CHECK(r.imported.documents == 1);
    REQUIRE(r.skipped.size() == 1);
    CHECK(r.skipped[0].guid == "bbbbbbbb-0000-4000-8000-000000000001");
    CHECK(contains(r.skipped[0].reason, "compressed more than 200:1"));
}

TEST_CASE("qdpx hostile: source paths never reach outside the archive or the bare .qde's folder") {
    const TempDir dir;
    std::filesystem::create_directories(dir.path() / "project" / "sources");
    write_all(dir.file("secret.txt"), "geheim");
    write_all(dir.file("project/sources/ok.txt"), "in Ordnung");
    const std::string qde =
        "<?xml version=\"1.0\"?><Project name=\"p\" xmlns=\"urn:QDA-XML:project:1.0\"><Sources>"
        "<TextSource guid=\"bbbbbbbb-0000-4000-8000-000000000001\" name=\"up\" plainTextPath=\"internal://../secret.txt\"/>"
        "<TextSource guid=\"bbbbbbbb-0000-4000-8000-000000000002\" name=\"abs\" plainTextPath=\"internal://" +
        dir.file("secret.txt") + "\"/>"
        "<TextSource guid=\"bbbbbbbb-0000-4000-8000-000000000003\" name=\"ok\" plainTextPath=\"internal://ok.txt\"/>"
        "</Sources></Project>";
    write_all(dir.file("project/project.qde"), qde);
    const QdpxImportReport r = import_qdpx(dir.file("project/project.qde"), dir.file("p.kodex"));
    CHECK(r.imported.documents == 1);
    CHECK(r.skipped.size() == 2);
    for (const auto& item : r.skipped) CHECK(contains(item.reason, "is not in the archive"));
    auto s = Session::open(dir.file("p.kodex"));
    CHECK(s->document(s->find_document("ok")).text == "in Ordnung");
}
