// SPDX-License-Identifier: GPL-3.0-or-later
// Text edits in a large transcript: a 300,000 character interview with 5,000 codings, one replacement in its
// middle, timed in-process (Session::edit_text, preview, undo) and as the user runs it (a whole `kodex-cli edit`
// process), plus diff_texts on the same text with a few local fixes.
// Usage: kodex_bench_edit KODEX-CLI [CHARS=300000] [CODINGS=5000] [DIR]
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "core/edit/edit_map.h"
#include "core/session.h"
#include "core/text/unicode.h"
#include "tests/bench/bench_util.h"

using namespace kodex;
using namespace kodex::bench;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: kodex_bench_edit KODEX-CLI [CHARS] [CODINGS] [DIR]\n";
        return 2;
    }
    const std::string cli = argv[1];
    const std::size_t chars = argc > 2 ? std::stoul(argv[2]) : 300000;
    const int codings = argc > 3 ? std::stoi(argv[3]) : 5000;
    const std::filesystem::path dir = argc > 4 ? argv[4] : std::filesystem::temp_directory_path() / "kodex-bench-edit";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);

    std::mt19937 rng(42);
    TranscriptStyle style{{"Förderung", "Netzwerk", "Cluster", "Krise", "Mitglieder", "hybride", "Formate", "über",
                           "Straße", "und", "die", "wir", "haben", "das", "mit", "Kolleg*innen", "Hochschule"},
                          "Interview C01",
                          "\n",
                          true};
    std::string text = make_transcript(rng, chars * 11 / 10, style);
    text = substring_cp(text, 0, static_cast<std::int64_t>(chars));
    const std::string file = (dir / "C01.txt").string();
    std::ofstream(file, std::ios::binary) << text;
    const std::string project = (dir / "bench.kodex").string();
    {
        auto s = Session::create(project);
        const DocumentId doc = s->import_files({{file}, {}, false}).imported.at(0).id;
        const std::int64_t n = s->document(doc).length;
        std::vector<CodeId> codes;
        for (int i = 0; i < 20; ++i) codes.push_back(s->add_code(CodeId(), "Code " + std::to_string(i)));
        std::vector<NewCoding> list;
        std::uniform_int_distribution<std::int64_t> start(0, n - 400);
        std::uniform_int_distribution<std::int64_t> len(5, 300);
        for (int i = 0; i < codings; ++i) {
            const std::int64_t a = start(rng);
            list.push_back({doc, codes[static_cast<std::size_t>(i) % codes.size()], {a, a + len(rng)}, {}});
        }
        s->apply_codes(list, "bench codings");
        const std::int64_t mid = n / 2;

        auto t = Clock::now();
        s->preview_edit(doc, {mid, mid + 10}, "ersetzt", SwallowedPolicy::Drop);
        const double t_preview = seconds_since(t);
        t = Clock::now();
        const EditReport r = s->edit_text(doc, {mid, mid + 10}, "ersetzt", SwallowedPolicy::Drop);
        const double t_edit = seconds_since(t);
        t = Clock::now();
        s->undo();
        const double t_undo = seconds_since(t);
        std::printf("text %lld characters, %d codings: preview %.1f ms, edit %.1f ms (%zu moved, %zu grown, %zu swallowed), "
                    "undo %.1f ms\n",
                    static_cast<long long>(n), codings, t_preview * 1e3, t_edit * 1e3, r.moved.size(), r.grown.size(),
                    r.swallowed.size(), t_undo * 1e3);

        const std::string stored = s->document(doc).text;
        const std::string fixed = apply_replacements(stored, {{1000, 1004, "über"}, {mid, mid, "ß"}, {n - 60, n - 50, ""}});
        t = Clock::now();
        const auto d = diff_texts(stored, fixed);
        std::printf("diff_texts, 3 local fixes: %.1f ms, %zu replacements\n", seconds_since(t) * 1e3, d.size());
    }
    double best = 1e9;
    for (int run = 0; run < 5; ++run) {
        const std::string edit_only = "'" + cli + "' edit '" + project + "' C01 --range 150000:150010 --text ersetzt" +
                                      " --drop-swallowed >/dev/null";
        const auto t = Clock::now();
        if (std::system(edit_only.c_str()) != 0) return 1;
        best = std::min(best, seconds_since(t));
        if (std::system(("'" + cli + "' undo '" + project + "' >/dev/null").c_str()) != 0) return 1;
    }
    std::printf("kodex-cli edit (whole process, best of 5): %.0f ms; peak memory of this process %ld KB\n", best * 1e3,
                peak_rss_kb());
    return 0;
}
