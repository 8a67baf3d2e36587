// SPDX-License-Identifier: GPL-3.0-or-later
// SPSS (and PSPP): a data CSV plus a syntax file that reads it with GET DATA and adds the labels. The CSV
// is data for SPSS, not a spreadsheet: text is written as it is (no formula apostrophe, which would become
// part of the value), numbers with '.' as decimal point. SPSS reads one case per line, so line breaks
// inside text become spaces.
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <memory>
#include <set>

#include "core/errors.h"
#include "core/export/exporters.h"
#include "core/export/output_text.h"
#include "core/export/report_writers.h"

namespace kodex {
namespace {

constexpr std::size_t kMaxNameBytes = 64;
constexpr std::size_t kMaxStringWidth = 32767;
constexpr std::size_t kMaxVariableLabelBytes = 256;
constexpr std::size_t kMaxValueLabelBytes = 120;
constexpr std::size_t kLiteralPieceBytes = 120;  // string literals are split with '+' to keep lines short
constexpr int kMaxNumericWidth = 40;

const std::array<const char*, 13> kReserved = {"ALL", "AND", "BY", "EQ", "GE", "GT", "LE",
                                               "LT", "NE", "NOT", "OR", "TO", "WITH"};

bool is_ascii_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

bool is_reserved(const std::string& name) {
    const std::string u = upper(name);
    return std::find_if(kReserved.begin(), kReserved.end(), [&](const char* r) { return u == r; }) != kReserved.end();
}

// ASCII for a name: German letters as Germans spell them without umlauts, everything else Latin through
// ICU ("Région" -> "Region"); what remains outside ASCII becomes '_' later.
class Transliterator {
public:
    Transliterator() {
        UErrorCode status = U_ZERO_ERROR;
        latin_.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) latin_.reset();
    }

    std::string operator()(const std::string& utf8) const {
        static const std::array<std::pair<const char*, const char*>, 7> german = {
            {{"ä", "ae"}, {"ö", "oe"}, {"ü", "ue"}, {"Ä", "Ae"}, {"Ö", "Oe"}, {"Ü", "Ue"}, {"ß", "ss"}}};
        std::string s = repair_utf8(utf8);
        for (const auto& [from, to] : german)
            for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at))
                s.replace(at, std::char_traits<char>::length(from), to);
        if (!latin_ || std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
            return s;
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
        latin_->transliterate(u);
        std::string out;
        return u.toUTF8String(out);
    }

private:
    std::unique_ptr<icu::Transliterator> latin_;
};

// A name by SPSS's rules, not yet unique: letters, digits, '_' and '.'; a letter first; no '.' or '_' last.
std::string base_name(const std::string& wanted, std::size_t index, const Transliterator& ascii) {
    std::string name;
    for (char c : ascii(wanted)) {
        const bool ok = is_ascii_letter(c) || (c >= '0' && c <= '9') || c == '.';
        if (ok) name += c;
        else if (!name.empty() && name.back() != '_') name += '_';
    }
    const auto trim_end = [&] {
        while (!name.empty() && (name.back() == '_' || name.back() == '.')) name.pop_back();
    };
    trim_end();
    const auto first = name.find_first_not_of("0123456789._");
    if (first == std::string::npos) {
        name = "v" + (name.empty() ? std::to_string(index + 1) : name);
    } else if (!is_ascii_letter(name[0])) {
        name = "v" + name;
    }
    if (name.size() > kMaxNameBytes) name.resize(kMaxNameBytes);
    trim_end();
    if (is_reserved(name)) name = "v_" + name;
    return name;
}

enum class VarKind { Integer, Decimal, String };

struct SpssVariable {
    std::string name;
    VarKind kind = VarKind::Integer;
    int width = 8;
    int decimals = 0;
    std::vector<std::string> values;  // the data column as written to the CSV
};

std::string one_line(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
        out += (s[i] == '\r' || s[i] == '\n') ? ' ' : s[i];
    }
    return out;
}

std::vector<SpssVariable> variables(const Table& t) {
    const std::vector<std::string> names = spss_names(t);
    std::vector<SpssVariable> vars(t.columns.size());
    for (std::size_t c = 0; c < vars.size(); ++c) {
        SpssVariable& v = vars[c];
        v.name = names[c];
        bool text = false, decimal = false;
        for (const auto& row : t.rows) {
            if (c >= row.size()) continue;
            text = text || row[c].kind == Cell::Kind::Text;
            decimal = decimal || row[c].kind == Cell::Kind::Decimal;
        }
        v.kind = text ? VarKind::String : decimal ? VarKind::Decimal : VarKind::Integer;
        v.decimals = v.kind == VarKind::Decimal ? clamp_decimals(t.columns[c].decimals) : 0;
        std::size_t widest = 0;
        for (const auto& row : t.rows) {
            std::string value;
            const Cell cell = c < row.size() ? row[c] : Cell::empty();
            if (cell.kind == Cell::Kind::Text) {
                value = std::string(utf8_prefix(one_line(repair_utf8(cell.text)), kMaxStringWidth));
            } else if (cell.kind == Cell::Kind::Integer) {
                value = std::to_string(cell.integer);
            } else if (cell.kind == Cell::Kind::Decimal) {
                value = format_decimal(cell.decimal, v.kind == VarKind::Decimal ? v.decimals : clamp_decimals(t.columns[c].decimals));
            }
            widest = std::max(widest, value.size());
            v.values.push_back(std::move(value));
        }
        if (v.kind == VarKind::String) {
            v.width = static_cast<int>(std::clamp<std::size_t>(widest, 1, kMaxStringWidth));
        } else {
            const int needed = std::max(static_cast<int>(widest), v.decimals + 2);
            v.width = std::min(std::max(8, needed), kMaxNumericWidth);
        }
    }
    return vars;
}

// A quoted SPSS string literal, cut to `max_bytes` on a character boundary, split into '+'-joined pieces.
std::string literal(const std::string& text, std::size_t max_bytes, const std::string& continuation) {
    const std::string line = one_line(repair_utf8(text));
    std::string_view rest = utf8_prefix(line, max_bytes);
    std::string out;
    do {
        const std::string_view piece = utf8_prefix(rest, kLiteralPieceBytes);
        if (!out.empty()) out += " +\n" + continuation;
        out += '\'';
        for (char c : piece) {
            if (c == '\'') out += '\'';
            out += c;
        }
        out += '\'';
        rest.remove_prefix(piece.size());
    } while (!rest.empty());
    return out;
}

std::string format_spec(const SpssVariable& v) {
    if (v.kind == VarKind::String) return "A" + std::to_string(v.width);
    return "F" + std::to_string(v.width) + "." + std::to_string(v.decimals);
}

}  // namespace

std::vector<std::string> spss_names(const Table& t) {
    const Transliterator ascii;
    std::vector<std::string> names;
    std::set<std::string> taken;  // upper case: SPSS names are case-insensitive
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const Column& col = t.columns[c];
        const std::string base = base_name(col.name.empty() ? col.label : col.name, c, ascii);
        std::string name = base;
        for (int k = 2; !taken.insert(upper(name)).second; ++k) {
            const std::string suffix = "_" + std::to_string(k);
            name = base.substr(0, kMaxNameBytes - suffix.size()) + suffix;
        }
        names.push_back(std::move(name));
    }
    return names;
}

void write_spss(const Table& t, const std::string& path, const std::vector<SpssValueLabels>& value_labels) {
    namespace fs = std::filesystem;
    fs::path data_path = fs::path(path).replace_extension(".csv");
    if (data_path == fs::path(path)) throw InvalidArgument("the SPSS syntax file needs a name not ending in .csv: " + path);
    const std::vector<SpssVariable> vars = variables(t);

    std::vector<std::string> lines;
    std::string data;
    for (std::size_t c = 0; c < vars.size(); ++c) {
        if (c > 0) data += ',';
        data += vars[c].name;
    }
    data += "\r\n";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        for (std::size_t c = 0; c < vars.size(); ++c) {
            if (c > 0) data += ',';
            append_csv_field(data, vars[c].values[r], ',');
        }
        data += "\r\n";
    }

    // SPSS resolves a relative FILE against its working directory, not the syntax file's folder: the full
    // path lets the syntax run wherever SPSS was started.
    std::error_code ec;
    const fs::path absolute = fs::absolute(data_path, ec);
    std::string sps = "\xEF\xBB\xBF* Encoding: UTF-8.\n";
    sps += "* " + one_line(std::string(utf8_prefix(t.title.empty() ? std::string("Table") : t.title, 200))) +
           ": written by Kodex. The data are in " + data_path.filename().string() + " beside this file.\n";
    sps += "GET DATA\n  /TYPE=TXT\n  /FILE=" + literal((ec ? data_path : absolute).string(), 4096, "    ") + "\n";
    sps += "  /ENCODING='UTF8'\n  /DELCASE=LINE\n  /DELIMITERS=','\n  /QUALIFIER='\"'\n  /ARRANGEMENT=DELIMITED\n";
    sps += "  /FIRSTCASE=2\n  /VARIABLES=";
    for (const SpssVariable& v : vars) sps += "\n    " + v.name + " " + format_spec(v);
    sps += ".\n";

    std::string labels;
    for (std::size_t c = 0; c < vars.size(); ++c) {
        const Column& col = t.columns[c];
        // The label keeps what the SPSS name had to lose: the full label, else the original name.
        const std::string& label = !col.label.empty() ? col.label : col.name;
        if (label.empty() || label == vars[c].name) continue;
        labels += labels.empty() ? "VARIABLE LABELS\n  " : "\n  /";
        labels += vars[c].name + " " + literal(label, kMaxVariableLabelBytes, "    ");
    }
    if (!labels.empty()) sps += labels + ".\n";

    std::string values;
    for (const SpssValueLabels& vl : value_labels) {
        const auto it = std::find_if(t.columns.begin(), t.columns.end(), [&](const Column& c) { return c.name == vl.column; });
        if (it == t.columns.end()) throw InvalidArgument("value labels for '" + vl.column + "', which is no column of the table");
        if (vl.labels.empty()) continue;
        const SpssVariable& v = vars[static_cast<std::size_t>(it - t.columns.begin())];
        values += values.empty() ? "VALUE LABELS\n  " : "\n  /";
        values += v.name;
        for (const auto& [value, text] : vl.labels) {
            const std::string shown = std::to_string(value);
            values += "\n    " + (v.kind == VarKind::String ? "'" + shown + "'" : shown) + " " +
                      literal(text, kMaxValueLabelBytes, "      ");
        }
    }
    if (!values.empty()) sps += values + ".\n";
    sps += "EXECUTE.\n";

    write_text_file(data_path.string(), data);
    write_text_file(path, sps);
}

}  // namespace kodex
