// SPDX-License-Identifier: GPL-3.0-or-later
// Excel tables of document variables (read_xlsx_table). An input that starts with "PK" is a whole workbook;
// any other input is taken as the first worksheet's XML and zipped here into a workbook with shared strings
// and date styles, so that most mutations reach the sheet reader rather than the zip reader.
#include "tests/fuzz/fuzz_table.h"

using namespace kodex;

namespace {

const char* const kRootRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>)"
    R"(</Relationships>)";
const char* const kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/>)"
    R"(<sheets><sheet name="Fragebogen" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const char* const kWorkbookRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)"
    R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(</Relationships>)";
const char* const kSharedStrings =
    R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">)"
    R"(<si><t>Dokument</t></si><si><t>Branche</t></si><si><t>C01_Automotive_Sachsen</t></si>)"
    R"(<si><r><t>Auto</t></r><r><t>mobil</t></r></si><si><t>Zeile_x000D_Umbruch</t></si><si><t xml:space="preserve"> Gr&#252;ndung </t></si>)"
    R"(</sst>)";
const char* const kStyles =
    R"(<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\ hh:mm"/><numFmt numFmtId="165" formatCode="[$-407]mmmm\ yy;@"/></numFmts>)"
    R"(<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="21"/></cellXfs>)"
    R"(</styleSheet>)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kodex::fuzz;
    const std::string input = as_string(data, size);
    const std::string bytes = is_zip(input) ? input
                                            : stored_zip({{"_rels/.rels", kRootRels},
                                                          {"xl/workbook.xml", kWorkbook},
                                                          {"xl/_rels/workbook.xml.rels", kWorkbookRels},
                                                          {"xl/sharedStrings.xml", kSharedStrings},
                                                          {"xl/styles.xml", kStyles},
                                                          {"xl/worksheets/sheet1.xml", input}});
    expect_errors([&] { check_table(read_xlsx_table(bytes, "fuzz.xlsx")); });
    return 0;
}
