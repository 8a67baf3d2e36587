// SPDX-License-Identifier: GPL-3.0-or-later
// Import benchmark (run by hand, never by CTest): generates N German interview transcripts of about
// 50 KB each, then imports them into a new project in one action and prints throughput and peak memory.
//   kodex_bench_import [N=1000] [KB=50] [WORKDIR]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/import/importer.h"
#include "core/session.h"
#include "tests/bench/bench_util.h"

namespace fs = std::filesystem;
using kodex::bench::peak_rss_kb;
using kodex::bench::seconds_since;

namespace {

const kodex::bench::TranscriptStyle kStyle{
    {"Clustermanagement", "Mitglieder", "Förderung", "Zusammenarbeit", "Webinare", "Plattform", "Netzwerk",
    "Unternehmen", "Krise", "Digitalisierung", "Veranstaltungen", "Präsenz", "hybride", "Formate", "Austausch",
    "Partner", "Innovation", "Geschäftsführung", "Maßnahmen", "Größe", "Clustermanager:innen", "Mitarbeiter*innen",
    "also", "ähm", "und", "die", "der", "das", "wir", "haben", "sind", "eben", "natürlich", "schon", "dann",
    "Cross-Cluster-Zusammenarbeit", "Soforthilfen", "Kurzarbeit", "Resilienz", "Finanzierung", "Projektförderung",
    "institutionell", "Mitgliedsbeiträge", "Homeoffice", "Ausstattung", "Qualifizierung", "agil", "Strategie",
    "Wasserstoff", "Logistik", "Automobilzulieferer", "Medizintechnik", "Hochschulen", "Kommunen", "—", "„genau“"},
    "Interview – generiert",
    "\n",
    true,
};

std::string make_transcript(std::mt19937& rng, std::size_t bytes) { return kodex::bench::make_transcript(rng, bytes, kStyle); }

}  // namespace

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 1000;
    const std::size_t kb = argc > 2 ? static_cast<std::size_t>(std::atoi(argv[2])) : 50;
    const fs::path dir = argc > 3 ? fs::path(argv[3]) : fs::temp_directory_path() / "kodex-bench-import";
    fs::remove_all(dir);
    fs::create_directories(dir / "transcripts");

    std::mt19937 rng(42);
    std::vector<std::string> paths;
    std::uintmax_t total = 0;
    for (int i = 0; i < n; ++i) {
        const std::string text = make_transcript(rng, kb * 1024);
        const fs::path p = dir / "transcripts" / ("T" + std::to_string(10000 + i) + ".txt");
        std::ofstream(p, std::ios::binary) << text;
        paths.push_back(p.string());
        total += text.size();
    }
    const double mb = static_cast<double>(total) / 1e6;
    std::printf("corpus: %d transcripts, %.1f MB\n", n, mb);

    // Conversion alone: read, decode, NFC, turn parsing (skip with KODEX_BENCH_SKIP_CONVERT=1 to profile the rest).
    auto t0 = std::chrono::steady_clock::now();
    if (!std::getenv("KODEX_BENCH_SKIP_CONVERT")) {
        std::size_t turns = 0;
        for (const auto& p : paths) turns += kodex::import_transcript(p).turns.size();
        const double convert = seconds_since(t0);
        std::printf("convert only: %.2f s, %.1f MB/s, %zu turns\n", convert, mb / convert, turns);
    }

    // The whole import into a project: one transaction, hashes, duplicate checks, undo record, fsync.
    const std::string project = (dir / "bench.kodex").string();
    auto session = kodex::Session::create(project);
    t0 = std::chrono::steady_clock::now();
    const auto report = session->import_files({paths, {}, false});
    const double full = seconds_since(t0);
    std::printf("import into project: %.2f s, %.1f MB/s (%zu documents, %zu failed)\n", full, mb / full,
                report.imported.size(), report.failed.size());
    std::printf("project file: %.1f MB\n", static_cast<double>(fs::file_size(project)) / 1e6);
    std::printf("peak memory (max RSS): %.1f MB\n", static_cast<double>(peak_rss_kb()) / 1024.0);
    return report.ok() ? 0 : 1;
}
