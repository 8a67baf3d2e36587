// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sample_study.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/errors.h"
#include "core/import/variable_table.h"
#include "core/session.h"
#include "core/text/unicode.h"

namespace fs = std::filesystem;

namespace kodex {

namespace {

std::vector<std::string> files_with(const fs::path& dir, const std::vector<std::string>& extensions) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string ext = e.path().extension().string();
        if (e.is_regular_file() && std::find(extensions.begin(), extensions.end(), ext) != extensions.end())
            out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

// transcripts/codings.tsv: document, code path, coder, quote (the quote occurs once in the document).
std::vector<NewCoding> read_codings(Session& s, const fs::path& tsv) {
    std::ifstream in(tsv, std::ios::binary);
    if (!in) throw IoError(tsv.string(), "cannot open for reading");
    std::vector<NewCoding> out;
    std::map<std::string, Document> docs;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        if (++number == 1 || line.empty()) continue;
        std::vector<std::string> f;
        std::stringstream ss(line);
        for (std::string part; std::getline(ss, part, '\t');) f.push_back(part);
        if (f.size() != 4) throw ParseError(tsv.string(), -1, "line " + std::to_string(number) + " needs 4 tab-separated fields");
        auto it = docs.find(f[0]);
        if (it == docs.end()) it = docs.emplace(f[0], s.document(s.find_document(f[0]))).first;
        const std::string quote = normalize_text(f[3]);
        const auto hits = find_all_cp(it->second.text, quote);
        if (hits.size() != 1)
            throw ParseError(tsv.string(), -1, "line " + std::to_string(number) + ": the quote occurs " +
                                                   std::to_string(hits.size()) + " times in " + f[0]);
        out.push_back({it->second.id, s.find_code(f[1]), {hits[0], hits[0] + count_code_points(quote)}, f[2]});
    }
    return out;
}

}  // namespace

void build_sample_study(const std::string& source_root, const std::string& target, const Progress& progress) {
    const fs::path root(source_root);
    const fs::path transcripts = root / "transcripts";
    if (!fs::is_directory(transcripts)) throw IoError(transcripts.string(), "the sample study's transcripts are missing");
    try {
        auto s = Session::create(target);
        progress.report(0, 4, "codebook");
        for (const auto& qdc : files_with(root / "codebooks", {".qdc"})) s->import_codebook(qdc);
        progress.report(1, 4, "transcripts");
        const auto files = files_with(transcripts, {".txt", ".docx", ".odt", ".vtt", ".srt"});
        const auto report = s->import_files({files, {}, false});
        if (!report.ok()) throw ParseError(report.failed[0].path, -1, report.failed[0].reason);
        progress.report(2, 4, "variables");
        if (fs::exists(transcripts / "variables.csv"))
            s->import_variables(read_variable_table((transcripts / "variables.csv").string()), "interview_id",
                                ActionLabel(labels::kImportVariables, {"variables.csv"}));
        progress.report(3, 4, "codings");
        if (fs::exists(transcripts / "codings.tsv"))
            s->apply_codes(read_codings(*s, transcripts / "codings.tsv"), labels::kCodeSampleStudy);
        progress.report(4, 4, "");
    } catch (...) {
        std::error_code ec;
        fs::remove(target, ec);
        fs::remove(target + "-wal", ec);
        fs::remove(target + "-shm", ec);
        throw;
    }
}

}  // namespace kodex
