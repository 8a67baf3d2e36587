// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/common.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "core/errors.h"
#include "core/text/transcript_parse.h"

namespace kodex::cli {

void print_json(const json& j) { std::cout << j.dump(2) << "\n"; }

std::unique_ptr<Session> open_project(const std::string& path, const Options& o, bool read_only) {
    auto s = Session::open(path, read_only);
    if (!o.coder.empty()) s->set_coder(o.coder);
    return s;
}

json turn_json(const Turn& t) {
    json j{{"speaker", t.speaker}, {"start", t.start}, {"body_start", t.body_start}, {"end", t.end}};
    j["timestamp"] = t.timestamp_ms ? json(format_timestamp(*t.timestamp_ms)) : json(nullptr);
    j["timestamp_ms"] = t.timestamp_ms ? json(*t.timestamp_ms) : json(nullptr);
    return j;
}

json coding_json(const CodingView& v) {
    json j{{"id", v.coding.id.value},
           {"guid", v.coding.guid},
           {"document", v.document_name},
           {"code", v.code_path},
           {"start", v.coding.range.start},
           {"end", v.coding.range.end},
           {"text", v.text},
           {"coder", v.coder_name},
           {"created", v.coding.created_at},
           {"speaker", v.speaker},
           {"timestamp", v.timestamp_ms ? json(format_timestamp(*v.timestamp_ms)) : json(nullptr)},
           {"memo", v.memo.empty() ? json(nullptr) : json(v.memo)}};
    if (!v.page.empty()) j["page"] = v.page;  // documents with pages (PDF) only
    return j;
}

TextRange parse_range(const std::string& s) {
    const auto colon = s.find(':');
    try {
        if (colon == std::string::npos) throw std::invalid_argument(s);
        std::size_t a = 0, b = 0;
        const long long start = std::stoll(s.substr(0, colon), &a);
        const long long end = std::stoll(s.substr(colon + 1), &b);
        if (a != colon || b != s.size() - colon - 1) throw std::invalid_argument(s);
        return {start, end};
    } catch (const std::logic_error&) {
        throw InvalidArgument("'" + s + "' is not a range; write START:END in characters, e.g. 120:180");
    }
}

std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path, "cannot open for reading");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace kodex::cli
