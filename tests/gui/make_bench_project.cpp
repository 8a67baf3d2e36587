// SPDX-License-Identifier: GPL-3.0-or-later
// Makes the project for the editor benchmark (`kodex --bench PROJECT`): one interview of 300,000
// characters with speaker turns and timestamps, a codebook of 40 codes, and 5,000 codings of 20 to 200
// characters, many overlapping. Run by hand, never by CTest.
//   kodex_make_bench_project PROJECT.kodex [CHARACTERS=300000] [CODINGS=5000]
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/session.h"
#include "core/text/unicode.h"

namespace fs = std::filesystem;

namespace {

const char* const kWords[] = {"Clustermanagement", "Mitglieder", "Förderung", "Zusammenarbeit", "Webinare",
                              "Plattform", "Netzwerk", "Unternehmen", "Krise", "Digitalisierung", "Größe",
                              "Veranstaltungen", "Präsenz", "hybride", "Formate", "Austausch", "Maßnahmen",
                              "also", "ähm", "und", "die", "der", "das", "wir", "haben", "sind", "eben",
                              "natürlich", "schon", "dann", "Kurzarbeit", "Soforthilfen", "Resilienz", "—",
                              "„genau“", "Homeoffice", "Qualifizierung", "Strategie", "Straße", "übergreifend"};

std::string MakeTranscript(std::mt19937& rng, std::int64_t characters) {
    std::uniform_int_distribution<std::size_t> word(0, sizeof kWords / sizeof kWords[0] - 1);
    std::uniform_int_distribution<int> length(6, 120);
    std::string out = "Interview B01 – Benchmark\n\n";
    int seconds = 0;
    bool interviewer = true;
    while (kodex::count_code_points(out) < characters) {
        out += interviewer ? "I: " : "B: ";
        const int n = interviewer ? length(rng) / 5 + 4 : length(rng);
        for (int i = 0; i < n; ++i) out += std::string(kWords[word(rng)]) + (i % 12 == 11 ? ". " : " ");
        seconds += n / 2 + 3;
        char stamp[32];
        std::snprintf(stamp, sizeof stamp, "#%02d:%02d:%02d-%d#\n\n", seconds / 3600, seconds / 60 % 60, seconds % 60,
                      seconds % 10);
        out += stamp;
        interviewer = !interviewer;
    }
    return kodex::substring_cp(out, 0, characters);
}

std::vector<kodex::CodeId> MakeCodebook(kodex::Session& session) {
    std::vector<kodex::CodeId> codes;
    const char* const themes[] = {"Krisenmanagement", "Kommunikation", "Förderung", "Digitalisierung",
                                  "Netzwerk", "Resilienz", "New Work", "Strategie"};
    for (const char* theme : themes) {
        const kodex::CodeId parent = session.add_code(kodex::CodeId(), theme);
        codes.push_back(parent);
        for (int i = 1; i <= 4; ++i) codes.push_back(session.add_code(parent, std::string(theme) + " " + std::to_string(i)));
    }
    return codes;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: kodex_make_bench_project PROJECT.kodex [CHARACTERS=300000] [CODINGS=5000]\n");
        return 2;
    }
    const std::string project = argv[1];
    const std::int64_t characters = argc > 2 ? std::stoll(argv[2]) : 300000;
    const int codings = argc > 3 ? std::stoi(argv[3]) : 5000;
    std::mt19937 rng(20260615);
    const fs::path transcript = fs::temp_directory_path() / "Benchmark-Interview.txt";
    std::ofstream(transcript, std::ios::binary) << MakeTranscript(rng, characters);

    fs::remove(project);
    auto session = kodex::Session::create(project);
    const auto codes = MakeCodebook(*session);
    kodex::ImportRequest request;
    request.paths = {transcript.string()};
    const kodex::DocumentId document = session->import_files(request).imported.at(0).id;
    fs::remove(transcript);

    std::uniform_int_distribution<std::size_t> code(0, codes.size() - 1);
    std::uniform_int_distribution<std::int64_t> start(0, characters - 201);
    std::uniform_int_distribution<std::int64_t> length(20, 200);
    std::vector<kodex::NewCoding> list;
    for (int i = 0; i < codings; ++i) {
        const std::int64_t from = start(rng);
        list.push_back({document, codes[code(rng)], {from, from + length(rng)}, {}});
    }
    const auto report = session->apply_codes(list, "Benchmark codings");
    std::printf("%s: %lld characters, %zu codes, %zu codings\n", project.c_str(), static_cast<long long>(characters),
                codes.size(), report.added.size());
    return 0;
}
