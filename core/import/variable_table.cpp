// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/variable_table.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "core/errors.h"
#include "core/file_io.h"
#include "core/text/unicode.h"

namespace kodex {

namespace {

char detect_delimiter(const std::string& text) {
    int counts[3] = {0, 0, 0};
    const char cands[3] = {',', ';', '\t'};
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (!quoted && c == '\n') break;
        if (quoted) continue;
        for (int i = 0; i < 3; ++i)
            if (c == cands[i]) ++counts[i];
    }
    const int best = static_cast<int>(std::max_element(counts, counts + 3) - counts);
    return counts[best] > 0 ? cands[best] : ',';
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

VariableTable read_csv_table(const std::string& bytes, const std::string& file_name) {
    const DecodedText decoded = decode_bytes(bytes, file_name);
    const std::string text = normalize_text(decoded.utf8);
    VariableTable table;
    table.file = file_name;
    table.encoding = decoded.encoding;
    table.delimiter = detect_delimiter(text);

    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false, field_started = false;
    std::size_t quote_start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == '"' && !field_started) {
            quoted = true;
            field_started = true;
            quote_start = i;
        } else if (c == table.delimiter) {
            record.push_back(std::move(field));
            field.clear();
            field_started = false;
        } else if (c == '\n') {
            record.push_back(std::move(field));
            field.clear();
            field_started = false;
            records.push_back(std::move(record));
            record.clear();
        } else {
            field += c;
            field_started = true;
        }
    }
    if (quoted) throw ParseError(file_name, static_cast<std::int64_t>(quote_start), "a quoted field is never closed");
    if (field_started || !record.empty()) {
        record.push_back(std::move(field));
        records.push_back(std::move(record));
    }
    // Blank lines carry no row.
    records.erase(std::remove_if(records.begin(), records.end(),
                                 [](const auto& r) { return r.size() == 1 && trim(r[0]).empty(); }),
                  records.end());
    if (records.empty()) throw ParseError(file_name, -1, "the table is empty");
    // Fields are normalised once more: taking out a quote can put a letter next to a combining mark that NFC
    // composes with it ("e"<U+0301> is e followed by U+0301).
    std::set<std::string> seen;
    for (auto& h : records[0]) {
        h = normalize_text(trim(h));
        if (h.empty()) throw ParseError(file_name, -1, "a column in the header line has no name");
        if (!seen.insert(h).second) throw ParseError(file_name, -1, "the column '" + h + "' appears twice in the header");
    }
    table.header = records[0];
    for (std::size_t r = 1; r < records.size(); ++r) {
        auto& row = records[r];
        if (row.size() > table.header.size())
            throw ParseError(file_name, -1, "row " + std::to_string(r + 1) + " has " + std::to_string(row.size()) +
                                                " fields, the header " + std::to_string(table.header.size()));
        row.resize(table.header.size());
        for (auto& v : row) v = normalize_text(trim(v));
        table.rows.push_back(std::move(row));
    }
    return table;
}

VariableTable read_variable_table(const std::string& path) {
    // Bounded while reading: a link to /dev/zero or a growing file must not eat the memory.
    std::string bytes = read_regular_file(path, 64u << 20, "a table");
    std::string lower = path;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto ends_with = [&](const char* ext) {
        const std::size_t n = std::char_traits<char>::length(ext);
        return lower.size() >= n && lower.compare(lower.size() - n, n, ext) == 0;
    };
    if (ends_with(".xlsx")) return read_xlsx_table(bytes, path);
    if (!ends_with(".csv") && !ends_with(".txt") && !ends_with(".tsv"))
        throw UnsupportedFormat(path + ": variables are read from .csv, .tsv, .txt or .xlsx tables");
    return read_csv_table(bytes, path);
}

VariableType infer_type(const std::vector<std::string>& values) {
    bool any = false;
    for (VariableType t : {VariableType::Integer, VariableType::Decimal, VariableType::Date, VariableType::Boolean}) {
        bool fits = true;
        for (const auto& v : values) {
            if (trim(v).empty()) continue;
            any = true;
            try {
                canonical_value(t, v);
            } catch (const InvalidArgument&) {
                fits = false;
                break;
            }
        }
        if (fits && any) return t;
    }
    return VariableType::Text;
}

}  // namespace kodex
