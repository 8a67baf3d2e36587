// SPDX-License-Identifier: GPL-3.0-or-later
// Variable tables from Excel workbooks: the first worksheet, as text the way Excel shows it. Shared and inline
// strings, numbers (integers without ".0", others in their shortest form at Excel's 15 significant
// digits), booleans as true/false, dates and times stored as serial numbers with a date format as ISO 8601,
// formulas by their cached value. Elements are matched by local name, so prefixed SpreadsheetML reads too.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "core/errors.h"
#include "core/import/variable_table.h"
#include "core/import/zip_xml.h"
#include "core/text/unicode.h"

namespace kodex {
namespace {

constexpr std::size_t kMaxColumns = 16384;
constexpr std::int64_t kMaxRows = 1048576;
// Rows are held as long as their last cell, then as long as the header, so a few bytes of XML (one cell far to
// the right, or a long header and many short rows) can stand for thousands of cells. Bounding the cells bounds the
// memory (an empty cell takes 32 bytes); survey tables stay far below it.
constexpr std::size_t kMaxCells = 10'000'000;

std::string too_many_cells() {
    return "the first worksheet is too large: more than " + std::to_string(kMaxCells) + " cells (rows times columns)";
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string attribute(const pugi::xml_node& node, std::string_view local) {
    for (const pugi::xml_attribute& a : node.attributes()) {
        const std::string_view name = a.name();
        const std::size_t colon = name.find(':');
        if ((colon == std::string_view::npos ? name : name.substr(colon + 1)) == local) return a.value();
    }
    return {};
}


// The UTF-16 unit of an _xHHHH_ escape at s[i], or -1.
long escaped_unit(const std::string& s, std::size_t i) {
    unsigned value = 0;
    if (s.compare(i, 2, "_x") != 0 || i + 7 > s.size() || s[i + 6] != '_') return -1;
    const auto r = std::from_chars(s.data() + i + 2, s.data() + i + 6, value, 16);
    return r.ptr == s.data() + i + 6 ? static_cast<long>(value) : -1;
}

// Excel escapes characters XML cannot hold as _xHHHH_ (UTF-16 units; a literal "_x" as _x005F_x).
std::string unescape_ooxml(const std::string& s) {
    if (s.find("_x") == std::string::npos) return s;
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const long unit = escaped_unit(s, i);
        if (unit < 0) {
            out += s[i++];
            continue;
        }
        i += 7;
        char32_t cp = static_cast<char32_t>(unit);
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            const long low = escaped_unit(s, i);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) + (static_cast<char32_t>(low) - 0xDC00);
                i += 7;
            } else {
                cp = 0xFFFD;
            }
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            cp = 0xFFFD;
        }
        append_utf8(out, cp);
    }
    return out;
}

// The visible text of a string item (<si> or <is>): its <t> elements, rich runs included, phonetic
// guides (<rPh>) left out.
std::string string_item(const pugi::xml_node& item) {
    std::string text;
    for (const pugi::xml_node& child : item.children()) {
        const std::string_view name = local_name(child);
        if (name == "t") text += child.text().get();
        else if (name == "r") text += child_element(child, "t").text().get();
    }
    return unescape_ooxml(text);
}

// Resolves a relationship target against the folder of the part that names it.
std::string resolve(const std::string& base_folder, const std::string& target) {
    std::vector<std::string> parts;
    const std::string path = !target.empty() && target[0] == '/' ? target.substr(1) : base_folder + target;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string part = path.substr(start, end - start);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = end + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

std::string folder_of(const std::string& part) {
    const std::size_t slash = part.rfind('/');
    return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

std::string rels_of(const std::string& part) {
    const std::size_t slash = part.rfind('/');
    return folder_of(part) + "_rels/" + (slash == std::string::npos ? part : part.substr(slash + 1)) + ".rels";
}

// Relationship id -> (type, resolved target) of one part.
std::map<std::string, std::pair<std::string, std::string>> relationships(const ZipReader& zip, const std::string& part,
                                                                         const std::string& file_name) {
    std::map<std::string, std::pair<std::string, std::string>> rels;
    const std::string entry = rels_of(part);
    if (!zip.contains(entry)) return rels;
    pugi::xml_document doc;
    parse_xml_entry(doc, zip.read(entry), file_name, entry);
    for (const pugi::xml_node& r : child_element(doc, "Relationships").children())
        if (local_name(r) == "Relationship")
            rels[attribute(r, "Id")] = {attribute(r, "Type"), resolve(folder_of(part), attribute(r, "Target"))};
    return rels;
}

std::string target_of_type(const std::map<std::string, std::pair<std::string, std::string>>& rels,
                           std::string_view type_suffix) {
    for (const auto& [id, rel] : rels) {
        const std::string& type = rel.first;
        if (type.size() >= type_suffix.size() && type.compare(type.size() - type_suffix.size(), type_suffix.size(), type_suffix) == 0)
            return rel.second;
    }
    return {};
}

// Whether a number format shows a date or time: Excel's built-in ids, or a custom code with d/m/y/h/s
// outside quoted text, escapes and [colour] or [$-locale] brackets.
enum class DateKind { None, Date, DateTime, Time };

DateKind date_kind_of_code(const std::string& code) {
    bool date = false, time = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
        if (c == '"') {
            i = code.find('"', i + 1);
            if (i == std::string::npos) break;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;
        } else if (c == '[') {
            const std::size_t close = code.find(']', i);
            if (close == std::string::npos) break;
            const std::string inside = code.substr(i + 1, close - i - 1);
            // [h], [mm], [ss]: elapsed time
            if (!inside.empty() && std::string_view("hHmMsS").find(inside[0]) != std::string_view::npos) time = true;
            i = close;
        } else if (c == 'd' || c == 'y') {
            date = true;
        } else if (c == 'h' || c == 's') {
            time = true;
        } else if (c == 'm') {
            date = true;  // m next to h or s means minutes; the date-and-time reading covers both
        } else if (c == ';') {
            break;  // the first section decides
        }
    }
    if (date && time) return DateKind::DateTime;
    if (date) return DateKind::Date;
    return time ? DateKind::Time : DateKind::None;
}

DateKind date_kind_of_id(int id) {
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) || (id >= 50 && id <= 58))
        return DateKind::Date;
    if (id == 22) return DateKind::DateTime;
    if ((id >= 18 && id <= 21) || (id >= 32 && id <= 33) || (id >= 45 && id <= 47)) return DateKind::Time;
    return DateKind::None;
}

// Per cell style index (the s attribute): whether its number format is a date or time.
std::vector<DateKind> style_date_kinds(const ZipReader& zip, const std::string& styles_part, const std::string& file_name) {
    std::vector<DateKind> kinds;
    if (styles_part.empty() || !zip.contains(styles_part)) return kinds;
    pugi::xml_document doc;
    parse_xml_entry(doc, zip.read(styles_part), file_name, styles_part);
    const pugi::xml_node sheet = child_element(doc, "styleSheet");
    std::map<int, DateKind> custom;
    for (const pugi::xml_node& f : child_element(sheet, "numFmts").children())
        if (local_name(f) == "numFmt") custom[std::atoi(attribute(f, "numFmtId").c_str())] = date_kind_of_code(attribute(f, "formatCode"));
    for (const pugi::xml_node& xf : child_element(sheet, "cellXfs").children()) {
        if (local_name(xf) != "xf") continue;
        const int id = std::atoi(attribute(xf, "numFmtId").c_str());
        const auto it = custom.find(id);
        kinds.push_back(it != custom.end() ? it->second : date_kind_of_id(id));
    }
    return kinds;
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
std::string civil_date(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t doe = days - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const std::int64_t year = yoe + era * 400 + (month <= 2);
    std::string y = std::to_string(year);
    if (y.size() < 4) y.insert(0, 4 - y.size(), '0');
    return y + "-" + two(month) + "-" + two(day);
}

std::string serial_to_text(double serial, DateKind kind, bool date1904) {
    const double whole = std::floor(serial);
    std::int64_t seconds = std::llround((serial - whole) * 86400);
    std::int64_t days = static_cast<std::int64_t>(whole);
    if (seconds == 86400) {
        seconds = 0;
        ++days;
    }
    std::string date;
    if (date1904) {
        date = civil_date(days - 24107);  // 1904-01-01 is day 0
    } else if (days == 60) {
        date = "1900-02-29";  // the day Excel believes in, for Lotus 1-2-3's sake
    } else {
        date = civil_date(days - (days < 60 ? 25568 : 25569));  // 1899-12-30 is day 0 from March 1900 on
    }
    const std::string time = two(static_cast<int>(seconds / 3600)) + ":" + two(static_cast<int>(seconds / 60 % 60)) +
                             ":" + two(static_cast<int>(seconds % 60));
    if (kind == DateKind::Time) return time;
    if (kind == DateKind::DateTime && seconds != 0) return date + " " + time;
    return date;
}

std::string number_text(double v) {
    if (std::fabs(v) < 1e15 && v == std::floor(v)) return std::to_string(static_cast<std::int64_t>(v));
    // Excel shows at most 15 significant digits; what it stores beyond that is binary noise.
    char buffer[64];
    auto r = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::scientific, 14);
    double rounded = v;
    std::from_chars(buffer, r.ptr, rounded);
    char fixed[400];
    r = std::to_chars(fixed, fixed + sizeof fixed, rounded, std::chars_format::fixed);
    return std::string(fixed, r.ptr);
}

// "BC12" -> column 54 (0-based); -1 when the reference has no letters.
long column_of(const std::string& ref) {
    long col = 0;
    std::size_t i = 0;
    for (; i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])); ++i) {
        col = col * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
        if (col > static_cast<long>(kMaxColumns)) return static_cast<long>(kMaxColumns);
    }
    return i == 0 ? -1 : col - 1;
}

class SheetReader {
public:
    SheetReader(std::string file, std::vector<std::string> shared, std::vector<DateKind> styles, bool date1904)
        : file_(std::move(file)), shared_(std::move(shared)), styles_(std::move(styles)), date1904_(date1904) {}

    // Non-blank rows in sheet order, each cut after its last non-empty cell.
    std::vector<std::vector<std::string>> rows(const pugi::xml_node& sheet_data) {
        std::vector<std::vector<std::string>> records;
        std::int64_t last_row = 0;
        std::size_t cells = 0;
        for (const pugi::xml_node& row : sheet_data.children()) {
            if (local_name(row) != "row") continue;
            const std::string r = attribute(row, "r");
            const std::int64_t number = r.empty() ? last_row + 1 : std::atoll(r.c_str());
            if (number < 1 || number > kMaxRows) throw ParseError(file_, -1, "row number " + r + " is out of range");
            last_row = number;
            std::vector<std::string> record;
            long next_col = 0;
            for (const pugi::xml_node& c : row.children()) {
                if (local_name(c) != "c") continue;
                const long ref = column_of(attribute(c, "r"));
                const long col = ref < 0 ? next_col : ref;
                if (col >= static_cast<long>(kMaxColumns))
                    throw ParseError(file_, -1, "cell " + attribute(c, "r") + " lies beyond Excel's last column");
                next_col = col + 1;
                std::string value = trim(cell_value(c));
                if (value.empty()) continue;
                if (record.size() <= static_cast<std::size_t>(col)) record.resize(static_cast<std::size_t>(col) + 1);
                record[static_cast<std::size_t>(col)] = std::move(value);
            }
            cells += record.size();
            if (cells > kMaxCells) throw ParseError(file_, -1, too_many_cells());
            if (!record.empty()) records.push_back(std::move(record));
        }
        return records;
    }

private:
    std::string cell_value(const pugi::xml_node& c) const {
        const std::string type = attribute(c, "t");
        if (type == "inlineStr") return string_item(child_element(c, "is"));
        const pugi::xml_node v = child_element(c, "v");
        if (!v) return {};  // empty, or a formula never calculated
        const std::string text = v.text().get();
        if (text.empty()) return {};
        if (type == "s") {
            const long index = std::atol(text.c_str());
            if (index < 0 || static_cast<std::size_t>(index) >= shared_.size() || text.find_first_not_of("0123456789") != std::string::npos)
                throw ParseError(file_, -1, "cell " + attribute(c, "r") + " refers to a missing shared string");
            return shared_[static_cast<std::size_t>(index)];
        }
        if (type == "str" || type == "e") return unescape_ooxml(text);
        if (type == "b") return text == "1" ? "true" : "false";
        if (type == "d") {  // ISO 8601; midnight is a plain date
            const std::size_t t = text.find('T');
            if (t == std::string::npos) return text;
            const std::string time = text.substr(t + 1);
            return time.find_first_not_of("0:.Z") == std::string::npos ? text.substr(0, t) : text.substr(0, t) + " " + time.substr(0, 8);
        }
        double number = 0;
        const char* end = text.data() + text.size();
        const auto parsed = std::from_chars(text.data(), end, number);
        if (parsed.ec != std::errc() || parsed.ptr != end || !std::isfinite(number))
            throw ParseError(file_, -1, "cell " + attribute(c, "r") + " holds '" + text + "', which is no number");
        const std::string s = attribute(c, "s");
        const std::size_t style = s.empty() ? 0 : static_cast<std::size_t>(std::atol(s.c_str()));
        const DateKind kind = style < styles_.size() ? styles_[style] : DateKind::None;
        // Serial numbers outside year 1900..9999 are not dates Excel would show.
        if (kind != DateKind::None && number >= 0 && number < 2958466) return serial_to_text(number, kind, date1904_);
        return number_text(number);
    }

    std::string file_;
    std::vector<std::string> shared_;
    std::vector<DateKind> styles_;
    bool date1904_;
};

}  // namespace

VariableTable read_xlsx_table(const std::string& bytes, const std::string& file_name) {
    const ZipReader zip(bytes, file_name);
    std::string workbook = target_of_type(relationships(zip, "", file_name), "/officeDocument");
    if (workbook.empty()) workbook = "xl/workbook.xml";
    if (!zip.contains(workbook)) throw ParseError(file_name, -1, "not an Excel workbook: " + workbook + " missing");
    pugi::xml_document book;
    parse_xml_entry(book, zip.read(workbook), file_name, workbook);
    const pugi::xml_node root = child_element(book, "workbook");
    const pugi::xml_node first = child_element(child_element(root, "sheets"), "sheet");
    if (!first) throw ParseError(file_name, -1, "the workbook has no worksheet");
    const std::string pr = attribute(child_element(root, "workbookPr"), "date1904");
    const bool date1904 = pr == "1" || pr == "true";

    const auto rels = relationships(zip, workbook, file_name);
    const auto sheet_rel = rels.find(attribute(first, "id"));
    if (sheet_rel == rels.end() || !zip.contains(sheet_rel->second.second))
        throw ParseError(file_name, -1, "the first worksheet is missing from the workbook");
    const std::string sheet_part = sheet_rel->second.second;

    std::vector<std::string> shared;
    const std::string strings_part = target_of_type(rels, "/sharedStrings");
    if (!strings_part.empty() && zip.contains(strings_part)) {
        pugi::xml_document doc;
        parse_xml_entry(doc, zip.read(strings_part), file_name, strings_part);
        for (const pugi::xml_node& si : child_element(doc, "sst").children())
            if (local_name(si) == "si") shared.push_back(string_item(si));
    }

    pugi::xml_document sheet;
    parse_xml_entry(sheet, zip.read(sheet_part), file_name, sheet_part);
    SheetReader reader(file_name, std::move(shared), style_date_kinds(zip, target_of_type(rels, "/styles"), file_name), date1904);
    std::vector<std::vector<std::string>> records = reader.rows(child_element(child_element(sheet, "worksheet"), "sheetData"));
    if (records.empty()) throw ParseError(file_name, -1, "the first worksheet is empty");

    VariableTable table;
    table.file = file_name;
    table.encoding = "UTF-8";
    for (auto& record : records)
        for (auto& value : record) {
            // pugixml passes bytes through without checking them.
            if (!is_valid_utf8(value)) throw ParseError(file_name, -1, sheet_part + ": text is not valid UTF-8");
            value = normalize_text(value);
        }
    std::set<std::string> seen;
    for (std::size_t c = 0; c < records[0].size(); ++c) {
        const std::string& h = records[0][c];
        if (h.empty()) throw ParseError(file_name, -1, "column " + std::to_string(c + 1) + " of the header row has no name");
        if (!seen.insert(h).second) throw ParseError(file_name, -1, "the column '" + h + "' appears twice in the header");
    }
    table.header = records[0];
    if (records.size() > kMaxCells / table.header.size()) throw ParseError(file_name, -1, too_many_cells());
    for (std::size_t r = 1; r < records.size(); ++r) {
        auto& row = records[r];
        if (row.size() > table.header.size())
            throw ParseError(file_name, -1, "data row " + std::to_string(r) + " has a value in column " +
                                                std::to_string(row.size()) + ", beyond the header's " +
                                                std::to_string(table.header.size()) + " columns");
        row.resize(table.header.size());
        table.rows.push_back(std::move(row));
    }
    return table;
}

}  // namespace kodex
