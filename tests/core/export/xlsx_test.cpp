// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#include "core/errors.h"
#include "core/export/exporters.h"
#include "core/import/variable_table.h"
#include "core/import/zip_xml.h"
#include "tests/core/test_util.h"

using namespace kodex;

namespace {

Table matrix() {
    Table t;
    t.title = "Häufigkeiten [alle]: Codes/Dokumente?";
    t.columns = {{"document", "Dokument", 2},
                 {"respondent", "Befragten-ID", 2},
                 {"share", "Anteil", 3},
                 {"c01", "Transmitterrolle/Partner verbinden", 2},
                 {"note", "Notiz", 2}};
    t.rows.push_back({Cell::of("Interview Müller"), Cell::of(1017), Cell::of(0.25), Cell::of(3), Cell::of("=SUM(A1:A9)")});
    t.rows.push_back({Cell::of("Interview Öztürk"), Cell::of(-4), Cell::of(1.0 / 3), Cell::of(0), Cell::of("+49 30 1234")});
    t.rows.push_back({Cell::of("Größe ß 😀"), Cell::empty(), Cell::of(12.5), Cell::empty(), Cell::of("zwei\nZeilen")});
    return t;
}

std::vector<Table> workbook() {
    Table second;
    second.title = "Häufigkeiten [alle]: Codes/Dokumente?";  // the same name again
    second.columns = {{"x", "x", 0}};
    second.rows = {{Cell::of(1.5)}};
    Table untitled;
    untitled.columns = {{"y", "", 2}};
    Table history;
    history.title = "history";
    history.columns = {{"z", "", 2}};
    return {matrix(), second, untitled, history};
}

std::string entry(const std::string& path, const std::string& name) {
    const std::string bytes = test::read_all(path);
    return ZipReader(bytes, path).read(name);
}

// A Python interpreter that has openpyxl (Debian's python3-openpyxl lives in the system Python), or "".
std::string python_with_openpyxl() {
    for (const char* python : {"python3", "/usr/bin/python3"})
        if (std::system((std::string(python) + " -c 'import openpyxl' >/dev/null 2>&1").c_str()) == 0) return python;
    return {};
}

}  // namespace

TEST_CASE("xlsx: a written workbook reads back with numbers, umlauts and formula-looking text intact") {
    test::TempDir dir;
    const std::string path = dir.file("tabellen.xlsx");
    write_xlsx(workbook(), path);
    const VariableTable back = read_variable_table(path);
    CHECK(back.header == std::vector<std::string>{"Dokument", "Befragten-ID", "Anteil", "Transmitterrolle/Partner verbinden", "Notiz"});
    REQUIRE(back.rows.size() == 3);
    CHECK(back.rows[0] == std::vector<std::string>{"Interview Müller", "1017", "0.25", "3", "=SUM(A1:A9)"});
    CHECK(back.rows[1] == std::vector<std::string>{"Interview Öztürk", "-4", "0.333333333333333", "0", "+49 30 1234"});
    CHECK(back.rows[2] == std::vector<std::string>{"Größe ß 😀", "", "12.5", "", "zwei\nZeilen"});
}

TEST_CASE("xlsx: text is never a formula, numbers are numbers with the column's format") {
    test::TempDir dir;
    const std::string path = dir.file("t.xlsx");
    write_xlsx({matrix()}, path);
    const std::string sheet = entry(path, "xl/worksheets/sheet1.xml");
    CHECK(sheet.find("<f>") == std::string::npos);
    CHECK(sheet.find("<f ") == std::string::npos);
    CHECK(entry(path, "xl/sharedStrings.xml").find("=SUM(A1:A9)") != std::string::npos);
    CHECK(sheet.find("<c r=\"B2\" s=\"") != std::string::npos);
    CHECK(sheet.find("<v>1017</v>") != std::string::npos);
    const std::string styles = entry(path, "xl/styles.xml");
    CHECK(styles.find("formatCode=\"0.000\"") != std::string::npos);
    CHECK(styles.find("<b/>") != std::string::npos);
    // First row frozen, filter on the header, widths fitted to the content.
    CHECK(sheet.find("state=\"frozen\"") != std::string::npos);
    CHECK(sheet.find("ySplit=\"1\"") != std::string::npos);
    CHECK(sheet.find("<autoFilter ref=\"A1:E4\"/>") != std::string::npos);
    CHECK(sheet.find("<col min=\"4\" max=\"4\" width=\"37.") != std::string::npos);  // the long label, bold
}

TEST_CASE("xlsx: sheet names follow Excel's rules and stay unique") {
    test::TempDir dir;
    const std::string path = dir.file("t.xlsx");
    write_xlsx(workbook(), path);
    const std::string book = entry(path, "xl/workbook.xml");
    CHECK(book.find("name=\"Häufigkeiten alle CodesDokument\"") != std::string::npos);  // 31 characters
    CHECK(book.find("name=\"Häufigkeiten alle CodesDoku (2)\"") != std::string::npos);
    CHECK(book.find("name=\"Table 3\"") != std::string::npos);
    CHECK(book.find("name=\"history (2)\"") != std::string::npos);
}

TEST_CASE("xlsx: the same tables give byte-identical files") {
    test::TempDir dir;
    write_xlsx(workbook(), dir.file("a.xlsx"));
    write_xlsx(workbook(), dir.file("b.xlsx"));
    CHECK(test::read_all(dir.file("a.xlsx")) == test::read_all(dir.file("b.xlsx")));
    // libxlsxwriter would write the current time here; the fixed one keeps the bytes equal across seconds.
    CHECK(entry(dir.file("a.xlsx"), "docProps/core.xml").find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z") !=
          std::string::npos);
}

TEST_CASE("xlsx: over-long text is cut at Excel's cell limit, control characters survive") {
    test::TempDir dir;
    const std::string path = dir.file("lang.xlsx");
    Table t;
    t.columns = {{"text", "", 2}, {"ctl", "", 2}};
    t.rows = {{Cell::of(std::string(40000, 'a')), Cell::of(std::string("a\x01" "b"))}};
    write_xlsx({t}, path);
    const VariableTable back = read_variable_table(path);
    REQUIRE(back.rows.size() == 1);
    CHECK(back.rows[0][0] == std::string(32766, 'a') + "…");
    CHECK(back.rows[0][1] == std::string("a\x01" "b"));
}

TEST_CASE("xlsx: impossible requests and unwritable paths fail clearly") {
    test::TempDir dir;
    CHECK_THROWS_AS(write_xlsx({}, dir.file("leer.xlsx")), InvalidArgument);
    CHECK_THROWS_AS(write_xlsx({matrix()}, dir.file("fehlt/t.xlsx")), IoError);
    CHECK_FALSE(std::filesystem::exists(dir.file("fehlt")));
}

TEST_CASE("xlsx: Python's zipfile and openpyxl open the workbook") {
    test::TempDir dir;
    const std::string path = dir.file("t.xlsx");
    write_xlsx(workbook(), path);
    const std::string zip_check = "python3 -c \"import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
                                  "sys.exit(z.testzip() is not None or 'xl/workbook.xml' not in z.namelist())\" '" +
                                  path + "'";
    CHECK(std::system(zip_check.c_str()) == 0);

    const std::string python = python_with_openpyxl();
    if (python.empty()) {
        if (std::getenv("CI") != nullptr) FAIL("openpyxl is missing; install python3-openpyxl");
        WARN_MESSAGE(false, "openpyxl is missing: the openpyxl check is skipped (install python3-openpyxl)");
        return;
    }
    const std::string script = dir.file("check.py");
    std::ofstream(script) << R"py(import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
assert wb.sheetnames == ["Häufigkeiten alle CodesDokument", "Häufigkeiten alle CodesDoku (2)", "Table 3", "history (2)"], wb.sheetnames
assert ws["A1"].value == "Dokument" and ws["A1"].font.b
assert ws["B2"].value == 1017 and ws["B2"].data_type == "n"
assert abs(ws["C3"].value - 1 / 3) < 1e-15 and ws["C3"].number_format == "0.000"
assert ws["E2"].value == "=SUM(A1:A9)" and ws["E2"].data_type == "s", (ws["E2"].value, ws["E2"].data_type)
assert ws["A4"].value == "Größe ß 😀"
assert ws.freeze_panes == "A2"
assert wb.worksheets[1]["A2"].value == 1.5
)py";
    const std::string log = dir.file("log.txt");
    const int rc = std::system((python + " '" + script + "' '" + path + "' >'" + log + "' 2>&1").c_str());
    CHECK_MESSAGE(rc == 0, test::read_all(log));
}
