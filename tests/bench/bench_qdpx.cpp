// SPDX-License-Identifier: GPL-3.0-or-later
// REFI-QDA project exchange benchmark (run by hand, never by CTest): builds a project of about MB megabytes
// of transcript text (German words, a few emoji, 60 codes, 30 codings per document, memos and variables),
// then exports it to .qdpx and imports that into a new project, each in a fresh process so that the peak
// memory (max RSS) printed is that step's alone.
//   kodex_bench_qdpx [MB=50] [WORKDIR]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/refi/qdpx.h"
#include "core/session.h"
#include "core/text/unicode.h"
#include "tests/bench/bench_util.h"

namespace fs = std::filesystem;
using kodex::bench::peak_rss_kb;
using kodex::bench::seconds_since;

namespace {

const kodex::bench::TranscriptStyle kStyle{
    {"Clustermanagement", "Mitglieder", "Förderung", "Zusammenarbeit", "Webinare", "Plattform", "Netzwerk",
    "Unternehmen", "Krise", "Digitalisierung", "Veranstaltungen", "Präsenz", "hybride", "Formate", "Austausch",
    "Partner", "Innovation", "Geschäftsführung", "Maßnahmen", "Größe", "also", "ähm", "und", "die", "der", "das",
    "wir", "haben", "sind", "eben", "natürlich", "schon", "dann", "Soforthilfen", "Kurzarbeit", "Resilienz",
    "Homeoffice", "Strategie", "Wasserstoff", "Logistik", "\xF0\x9F\x98\x80", "„genau“"},
    "Interview",
    "\r\n",
    false,
};

std::string make_transcript(std::mt19937& rng, std::size_t bytes) { return kodex::bench::make_transcript(rng, bytes, kStyle); }

int build(double mb, const fs::path& dir, const std::string& project) {
    fs::remove_all(dir);
    fs::create_directories(dir / "transcripts");
    std::mt19937 rng(42);
    const auto docs = static_cast<int>(mb * 1e6 / (50 * 1024)) + 1;
    std::vector<std::string> paths;
    for (int i = 0; i < docs; ++i) {
        const fs::path p = dir / "transcripts" / ("T" + std::to_string(10000 + i) + ".txt");
        std::ofstream(p, std::ios::binary) << make_transcript(rng, 50 * 1024);
        paths.push_back(p.string());
    }
    auto s = kodex::Session::create(project);
    s->set_coder("anna");
    if (!s->import_files({paths, {}, false}).ok()) return 1;
    std::vector<kodex::CodeId> codes;
    for (int t = 0; t < 10; ++t) {
        const kodex::CodeId top = s->add_code(kodex::CodeId(), "Thema " + std::to_string(t));
        for (int c = 0; c < 5; ++c) codes.push_back(s->add_code(top, "Aspekt " + std::to_string(t) + "." + std::to_string(c)));
    }
    s->define_variable("Region", kodex::VariableType::Text);
    s->define_variable("Alter", kodex::VariableType::Integer);
    std::vector<kodex::NewCoding> codings;
    std::uniform_int_distribution<std::size_t> pick(0, codes.size() - 1);
    for (const auto& d : s->documents()) {
        std::uniform_int_distribution<std::int64_t> at(0, d.length - 500);
        std::uniform_int_distribution<std::int64_t> len(20, 400);
        for (int i = 0; i < 30; ++i) {
            const std::int64_t start = at(rng);
            codings.push_back({d.id, codes[pick(rng)], {start, start + len(rng)}, i % 3 == 0 ? "ben" : ""});
        }
    }
    s->apply_codes(codings, "Code");
    const auto all = s->codings();
    for (std::size_t i = 0; i < all.size(); i += 50) s->set_memo(kodex::MemoTarget::Coding, all[i].coding.id.value, "Memo " + std::to_string(i));
    int n = 0;
    for (const auto& d : s->documents()) {
        s->set_variable(d.id, "Region", n % 2 ? "Nord" : "Süd");
        s->set_variable(d.id, "Alter", std::to_string(30 + n++ % 40));
    }
    std::uintmax_t bytes = 0;
    for (const auto& d : s->documents()) bytes += s->document(d.id).text.size();
    std::printf("project: %zu documents, %.1f MB of text, %zu codes, %zu codings, %zu memos; file %.1f MB\n",
                s->documents().size(), static_cast<double>(bytes) / 1e6, s->codes().size(), all.size(), s->memos().size(),
                static_cast<double>(fs::file_size(project)) / 1e6);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    // Child steps: one process each, so that max RSS is the step's own.
    if (mode == "--export" && argc == 4) {
        auto s = kodex::Session::open(argv[2], true);
        const auto t0 = std::chrono::steady_clock::now();
        const auto r = kodex::export_qdpx(*s, argv[3]);
        std::printf("export: %.2f s, %.1f MB archive (%lld selections), peak memory %.1f MB\n", seconds_since(t0),
                    static_cast<double>(r.bytes) / 1e6, static_cast<long long>(r.selections), peak_rss_kb() / 1024.0);
        return 0;
    }
    if (mode == "--import" && argc == 4) {
        fs::remove(argv[3]);
        const auto t0 = std::chrono::steady_clock::now();
        const auto r = kodex::import_qdpx(argv[2], argv[3]);
        std::printf("import: %.2f s, %lld documents, %lld codings, %zu skipped, peak memory %.1f MB\n", seconds_since(t0),
                    static_cast<long long>(r.imported.documents), static_cast<long long>(r.imported.codings),
                    r.skipped.size(), peak_rss_kb() / 1024.0);
        return r.skipped.empty() ? 0 : 1;
    }

    const double mb = argc > 1 ? std::atof(argv[1]) : 50;
    const fs::path dir = argc > 2 ? fs::path(argv[2]) : fs::temp_directory_path() / "kodex-bench-qdpx";
    const std::string project = (dir / "bench.kodex").string(), archive = (dir / "bench.qdpx").string();
    if (int rc = build(mb, dir, project)) return rc;
    std::fflush(stdout);
    const std::string self = fs::canonical("/proc/self/exe").string();
    const auto run = [&](const std::string& args) { return std::system(("'" + self + "' " + args).c_str()); };
    if (run("--export '" + project + "' '" + archive + "'") != 0) return 1;
    return run("--import '" + archive + "' '" + (dir / "imported.kodex").string() + "'") != 0 ? 1 : 0;
}
