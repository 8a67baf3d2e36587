// SPDX-License-Identifier: GPL-3.0-or-later
// Analysis benchmark (run by hand): a generated project with 10,000 documents and 1,000,000 codings;
// times the frequency table and the code-by-document matrix export against the same numbers computed
// by one SQL query each in SQLite (the floor).
//   kodex_bench_analysis [DOCS=10000] [CODINGS=1000000] [WORKDIR]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

#include "core/analysis/analysis.h"
#include "core/export/exporters.h"
#include "core/session.h"
#include "core/store/sqlite_util.h"
#include "tests/bench/bench_util.h"

namespace fs = std::filesystem;
using namespace kodex;
using kodex::bench::seconds_since;

namespace {

template <class F>
double best_of(int n, F&& f) {
    double best = 1e9;
    for (int i = 0; i < n; ++i) {
        const auto t = std::chrono::steady_clock::now();
        f();
        best = std::min(best, seconds_since(t));
    }
    return best;
}

// Codes with their ancestors (each code is its own ancestor), for the floor queries.
const char* kAncestors =
    "WITH RECURSIVE anc(code, ancestor) AS (SELECT id, id FROM codes UNION ALL "
    "SELECT anc.code, c.parent_id FROM anc JOIN codes c ON c.id = anc.ancestor WHERE c.parent_id IS NOT NULL) ";

// Own and subtree numbers per code: codings, documents, characters covered (union via a running maximum).
const std::string kFrequencyFloor = std::string(kAncestors) +
    ", x AS (SELECT 'own' AS kind, code_id AS code, document_id AS doc, start, end FROM codings "
    "UNION ALL SELECT 'total', a.ancestor, k.document_id, k.start, k.end FROM codings k JOIN anc a ON a.code = k.code_id), "
    "o AS (SELECT kind, code, doc, start, end, MAX(end) OVER (PARTITION BY kind, code, doc ORDER BY start, end "
    "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev FROM x) "
    "SELECT kind, code, COUNT(*), COUNT(DISTINCT doc), SUM(MAX(0, end - MAX(start, COALESCE(prev, start)))) "
    "FROM o GROUP BY kind, code";

const std::string kMatrixFloor = std::string(kAncestors) +
    "SELECT k.document_id, a.ancestor, COUNT(*) FROM codings k JOIN anc a ON a.code = k.code_id "
    "GROUP BY k.document_id, a.ancestor";

}  // namespace

int main(int argc, char** argv) {
    const int n_docs = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int n_codings = argc > 2 ? std::atoi(argv[2]) : 1000000;
    const fs::path dir = argc > 3 ? fs::path(argv[3]) : fs::temp_directory_path() / "kodex-bench-analysis";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string path = (dir / "bench.kodex").string();

    auto t0 = std::chrono::steady_clock::now();
    {
        auto s = Session::create(path);
        // 6 top-level codes with 5 subcodes each, and one level more under the first subcode of each.
        for (int top = 0; top < 6; ++top) {
            const CodeId t = s->add_code(CodeId(), "Kategorie " + std::to_string(top + 1));
            for (int sub = 0; sub < 5; ++sub) {
                const CodeId c = s->add_code(t, "Unterkategorie " + std::to_string(top + 1) + "." + std::to_string(sub + 1));
                if (sub == 0) s->add_code(c, "Detail " + std::to_string(top + 1));
            }
        }
        Db& db = s->store().db();
        Transaction tx(db);
        db.exec("INSERT INTO coders(guid, name) VALUES('B0000000-0000-4000-8000-000000000001', 'anna')");
        const std::string text(2000, 'x');
        Stmt doc(db, "INSERT INTO documents(guid, name, source_file, format, encoding, content_hash, length, imported_at, position, text) "
                     "VALUES(?, ?, 'gen.txt', 'txt', 'UTF-8', ?, 2000, '2026-01-01T00:00:00Z', ?, ?)");
        for (int i = 0; i < n_docs; ++i) {
            char guid[40];
            std::snprintf(guid, sizeof guid, "D0000000-0000-4000-8000-%012d", i);
            doc.reset();
            doc.bind(1, guid).bind(2, "Interview " + std::to_string(i + 1)).bind(3, std::to_string(i)).bind(4, i).bind(5, text).run();
        }
        std::mt19937 rng(7);
        std::uniform_int_distribution<int> pick_doc(1, n_docs), pick_code(1, 42), pick_start(0, 1800), pick_len(5, 200);
        Stmt coding(db, "INSERT OR IGNORE INTO codings(guid, document_id, code_id, coder_id, start, end, created_at) "
                        "VALUES(?, ?, ?, 1, ?, ?, '2026-01-01T00:00:00Z')");
        for (int i = 0; i < n_codings; ++i) {
            char guid[40];
            std::snprintf(guid, sizeof guid, "C0000000-0000-4000-8000-%012d", i);
            const int start = pick_start(rng);
            coding.reset();
            coding.bind(1, guid).bind(2, pick_doc(rng)).bind(3, pick_code(rng)).bind(4, start).bind(5, start + pick_len(rng)).run();
        }
        tx.commit();
    }
    std::printf("generated %d documents, %d codings in %.1f s\n", n_docs, n_codings, seconds_since(t0));

    auto s = Session::open(path, true);
    Db& db = s->store().db();
    const auto floor_query = [&](const std::string& sql) {
        Stmt q(db, sql);
        std::int64_t rows = 0;
        while (q.step()) ++rows;
        return rows;
    };
    const std::string csv = (dir / "out.csv").string();
    const double freq = best_of(3, [&] { write_csv(frequency_table(*s), csv); });
    const double freq_floor = best_of(3, [&] { floor_query(kFrequencyFloor); });
    const double matrix = best_of(3, [&] { write_csv(code_document_matrix(*s, MatrixOptions{}), csv); });
    const double matrix_floor = best_of(3, [&] { floor_query(kMatrixFloor); });
    std::printf("%-34s %10s %10s %8s\n", "", "Kodex (s)", "SQL (s)", "ratio");
    std::printf("%-34s %10.3f %10.3f %8.2f\n", "frequency table (CSV)", freq, freq_floor, freq / freq_floor);
    std::printf("%-34s %10.3f %10.3f %8.2f\n", "code-by-document matrix (CSV)", matrix, matrix_floor, matrix / matrix_floor);
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    std::printf("peak memory (max RSS): %.1f MB\n", static_cast<double>(u.ru_maxrss) / 1024.0);
    return 0;
}
