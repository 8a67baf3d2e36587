// SPDX-License-Identifier: GPL-3.0-or-later
// Search benchmark (run by hand, never by CTest): generates N German interview transcripts of about
// KB kilobytes, imports them, codes some turns, then measures in one run
//   - building Kodex's search index, against the floor: a plain loop feeding the same turns through a
//     Xapian TermGenerator (same stemming) into a WritableDatabase; and the index size;
//   - 20 fixed queries with KWIC (top 50 by relevance, counts per document), p50/p99 over repetitions,
//     against ripgrep over the same transcripts as text files (skipped when rg is not installed) and
//     SQLite FTS5 over the same turns (snippet() for the KWIC, top 50 by rank).
// Prints a Markdown table (docs/search.md has the numbers).
//   kodex_bench_search [N=1000] [KB=50] [WORKDIR] [REPS=25] [BUILDS=3]
#include <sqlite3.h>
#include <sys/resource.h>
#include <time.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/search/search_index.h"
#include "core/search/tokenizer.h"
#include "core/session.h"
#include "core/text/unicode.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// CPU time of this process: on a shared machine it compares two pieces of work better than wall time.
double cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// ------------------------------------------------------------------ corpus

const char* const kFunctionWords[] = {
    "der", "die", "das", "und", "ist", "nicht", "wir", "haben", "es", "auch", "also", "dann", "schon", "ja", "so",
    "eben", "mit", "von", "zu", "in", "im", "für", "auf", "ein", "eine", "einen", "den", "dem", "des", "sich",
    "das", "war", "waren", "sind", "hat", "hatten", "man", "noch", "mal", "ganz", "sehr", "aber", "oder", "wenn",
    "weil", "dass", "natürlich", "eigentlich", "irgendwie", "ähm", "äh", "genau", "halt", "da", "wie", "was", "bei",
    "nach", "über", "unsere", "ich", "sie", "uns", "mehr", "viele", "gerade", "wirklich", "einfach", "würde"};

const char* const kSeeds[] = {
    "Zusammenarbeit", "Kooperation", "Hochschule", "Förderung", "Netzwerk", "Verbund", "Cluster", "Mitglied",
    "Unternehmen", "Krise", "Digitalisierung", "Veranstaltung", "Präsenz", "Format", "Austausch", "Partner",
    "Innovation", "Geschäftsführung", "Maßnahme", "Größe", "Projekt", "Plattform", "Webinar", "Strategie",
    "Finanzierung", "Soforthilfe", "Kurzarbeit", "Resilienz", "Homeoffice", "Ausstattung", "Qualifizierung",
    "Wasserstoff", "Logistik", "Medizintechnik", "Kommune", "Verwaltung", "Bürokratie", "Fachkräftemangel",
    "Ausbildung", "Forschung", "Entwicklung", "Markt", "Produktion", "Lieferkette", "Energie", "Region", "Land",
    "Ministerium", "Antrag", "Programm", "Beratung", "Kontakt", "Information", "Newsletter", "Umfrage",
    "Kommunikation", "Erfahrung", "Lösung", "Herausforderung", "Unsicherheit", "Bindung", "Beitrag", "Haushalt",
    "Team", "Stelle", "Arbeit", "Gespräch", "Treffen", "Messe", "Konferenz", "Workshop", "Schulung", "Technik",
    "Software", "Daten", "Sicherheit", "Qualität", "Kunde", "Lieferant", "Handel", "Export", "Zukunft", "Wandel",
    "Transformation", "Nachhaltigkeit", "Klima", "Mobilität", "Gesundheit", "Pflege", "Bildung", "Schule",
    "Öffentlichkeit", "Übergang", "Straße", "Gemeinschaft", "Vertrauen", "Verantwortung", "Struktur", "Prozess",
    "Angebot", "Bedarf", "Nutzen", "Wirkung", "Ergebnis", "Ziel", "Aufgabe", "Rolle", "Leistung", "Kosten",
    "Zeit", "Woche", "Monat", "Jahr", "Phase", "Situation", "Thema", "Frage", "Antwort", "Idee", "Chance"};

const char* const kPersons[] = {"Clustermanager", "Mitarbeiter", "Kolleg", "Partner", "Berater", "Unternehmer",
                                "Teilnehmer", "Referent", "Gründer", "Entwickler"};
const char* const kGenderMarks[] = {":innen", "*innen", "_innen", "Innen", "/innen"};
const char* const kEndings[] = {"", "", "", "e", "en", "n", "s", "es", "er"};
const char* const kAdjectives[] = {"gute", "guten", "hybride", "hybriden", "digitale", "digitalen", "neue", "neuen",
                                   "große", "kleine", "regionale", "schwierige", "wichtige", "enge", "starke"};

class Generator {
public:
    explicit Generator(unsigned seed) : rng_(seed) {
        // Content vocabulary: seeds, their inflections and two-part compounds, Zipf-distributed.
        for (const char* s : kSeeds)
            for (const char* e : kEndings) words_.push_back(std::string(s) + e);
        for (std::size_t i = 0; words_.size() < 32000; ++i) {
            const std::string a = kSeeds[(i * 7919) % std::size(kSeeds)];
            std::string b = kSeeds[(i * 104729 + 13) % std::size(kSeeds)];
            b[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(b[0])));
            if (static_cast<unsigned char>(b[0]) < 0x80) words_.push_back(a + b + kEndings[i % std::size(kEndings)]);
            else words_.push_back(a + "-" + kSeeds[(i * 104729 + 13) % std::size(kSeeds)]);
        }
        std::shuffle(words_.begin() + static_cast<std::ptrdiff_t>(std::size(kSeeds) * 3), words_.end(), rng_);
        std::vector<double> w;
        for (std::size_t r = 1; r <= words_.size(); ++r) w.push_back(1.0 / std::pow(static_cast<double>(r), 1.07));
        zipf_ = std::discrete_distribution<std::size_t>(w.begin(), w.end());
    }

    std::string transcript(std::size_t bytes, int number) {
        std::string out = "Interview T" + std::to_string(number) + " – generiert\n\n";
        int seconds = 30;
        bool interviewer = true;
        while (out.size() < bytes) {
            out += interviewer ? "I: " : "B: ";
            const int sentences = interviewer ? 1 + pick(2) : 3 + pick(8);
            for (int s = 0; s < sentences; ++s) out += sentence(interviewer) + " ";
            seconds += 5 + pick(60);
            char ts[32];
            std::snprintf(ts, sizeof ts, "#%02d:%02d:%02d-%d#\n\n", seconds / 3600, seconds / 60 % 60, seconds % 60, pick(10));
            out += ts;
            interviewer = !interviewer;
        }
        return out;
    }

private:
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

    std::string word() {
        const int r = pick(100);
        if (r < 45) return kFunctionWords[pick(static_cast<int>(std::size(kFunctionWords)))];
        if (r < 48) return std::string(kPersons[pick(static_cast<int>(std::size(kPersons)))]) + kGenderMarks[pick(5)];
        if (r < 55) return kAdjectives[pick(static_cast<int>(std::size(kAdjectives)))];
        if (r < 56) return pick(2) ? "(lacht)" : "[unv.]";
        if (r < 57) return std::to_string(2000 + pick(25));
        return words_[zipf_(rng_)];
    }

    std::string sentence(bool question) {
        const int n = 6 + pick(14);
        std::string s;
        for (int i = 0; i < n; ++i) {
            std::string w = word();
            if (i == 0 && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 32);
            s += (i ? (pick(12) == 0 ? ", " : " ") : "") + w;
        }
        return s + (question ? "?" : ".");
    }

    std::mt19937 rng_;
    std::vector<std::string> words_;
    std::discrete_distribution<std::size_t> zipf_;
};

// ------------------------------------------------------------------ measuring

struct Stats {
    double p50 = 0, p99 = 0;
};

Stats stats(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    if (v.empty()) return {};
    auto at = [&](double q) { return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size() - 1) + 0.5))]; };
    return {at(0.50), at(0.99)};
}

struct BenchQuery {
    const char* kodex;
    const char* rg;      // ripgrep pattern (case-insensitive), or nullptr
    const char* rg_file; // a single file instead of the whole folder
    const char* fts;     // FTS5 query, or nullptr
    const char* fts_where;  // extra SQL condition for FTS5
};

// Filters in FTS5 need SQL beside MATCH; rg can only approximate stems, NEAR and filters with regexes.
const BenchQuery kQueries[] = {
    {"Zusammenarbeit", "zusammenarbeit", nullptr, "zusammenarbeit", nullptr},
    {"Wasserstoff", "wasserstoff", nullptr, "wasserstoff", nullptr},
    {"\"gute Zusammenarbeit\"", "gute[ ]+zusammenarbeit", nullptr, "\"gute zusammenarbeit\"", nullptr},
    {"Kooperation NEAR/5 Hochschule", "kooperation\\w*\\W+(\\w+\\W+){0,5}hochschul", nullptr, "NEAR(kooperation* hochschul*, 5)", nullptr},
    {"Förder*", "\\bförder\\w*", nullptr, "förder*", nullptr},
    {"Digital*", "\\bdigital\\w*", nullptr, "digital*", nullptr},
    {"Zusammenarbeit doc:T10017", "zusammenarbeit", "T10017.txt", "zusammenarbeit", "t.doc = 18"},
    {"Förderung code:Kooperation", "förderung", nullptr, "förderung", "t.coded = 1"},
    {"Clustermanager:innen", "clustermanager[:*_/]?innen", nullptr, "\"clustermanager innen\"", nullptr},
    {"Zusammenarbeit -Bürokratie", "zusammenarbeit", nullptr, "zusammenarbeit NOT bürokratie", nullptr},
    {"Fachkräftemangel OR Ausbildung", "fachkräftemangel|ausbildung", nullptr, "fachkräftemangel OR ausbildung", nullptr},
    {"Förderung speaker:I", "^I: .*förderung", nullptr, "förderung", "t.speaker = 'I'"},
    {"Mitarbeiter", "mitarbeiter", nullptr, "mitarbeiter*", nullptr},
    {"\"die Mitglieder\"", "die[ ]+mitglieder", nullptr, "\"die mitglieder\"", nullptr},
    {"Projekte UND Partner", "projekt.*partner|partner.*projekt", nullptr, "projekt* AND partner*", nullptr},
    {"Netzwerk ODER Verbund", "netzwerk|verbund", nullptr, "netzwerk* OR verbund*", nullptr},
    {"Homeoffice NICHT Präsenz", "homeoffice", nullptr, "homeoffice NOT präsenz", nullptr},
    {"Webinar* speaker:B", "^B: .*webinar", nullptr, "webinar*", "t.speaker = 'B'"},
    {"Krise NEAR/3 Unternehmen", "kris\\w*\\W+(\\w+\\W+){0,3}unternehm", nullptr, "NEAR(kris* unternehm*, 3)", nullptr},
    {"hybride Formate", "hybrid.*format", nullptr, "hybrid* format*", nullptr},
};

bool have_rg() { return std::system("rg --version >/dev/null 2>&1") == 0; }

double run_rg(const std::string& pattern, const std::string& where) {
    const std::string cmd = "rg -i -n --no-heading -e '" + pattern + "' '" + where + "' >/dev/null 2>&1";
    const auto t = Clock::now();
    (void)std::system(cmd.c_str());
    return ms_since(t);
}

void sql(sqlite3* db, const std::string& s) {
    char* err = nullptr;
    if (sqlite3_exec(db, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::fprintf(stderr, "sqlite: %s\n", err ? err : "?");
        std::exit(1);
    }
}

std::int64_t dir_bytes(const fs::path& p) {
    std::int64_t total = 0;
    for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file()) total += static_cast<std::int64_t>(e.file_size());
    return total;
}

}  // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress lines show up when piped to a file
    const int n = argc > 1 ? std::atoi(argv[1]) : 1000;
    const std::size_t kb = argc > 2 ? static_cast<std::size_t>(std::atoi(argv[2])) : 50;
    const fs::path dir = argc > 3 ? fs::path(argv[3]) : fs::temp_directory_path() / "kodex-bench-search";
    const int reps = argc > 4 ? std::atoi(argv[4]) : 25;
    const int builds = argc > 5 ? std::atoi(argv[5]) : 3;
    fs::remove_all(dir);
    fs::create_directories(dir / "transcripts");

    // Corpus on disk (rg reads these files) and in a project.
    Generator gen(42);
    std::vector<std::string> paths;
    std::uintmax_t bytes = 0;
    for (int i = 0; i < n; ++i) {
        const std::string text = gen.transcript(kb * 1024, 10000 + i);
        const fs::path p = dir / "transcripts" / ("T" + std::to_string(10000 + i) + ".txt");
        std::ofstream(p, std::ios::binary) << text;
        paths.push_back(p.string());
        bytes += text.size();
    }
    const double mb = static_cast<double>(bytes) / 1e6;
    const std::string project = (dir / "bench.kodex").string();
    auto session = kodex::Session::create(project);
    auto t0 = Clock::now();
    if (!session->import_files({paths, {}, false}).ok()) return 1;
    std::printf("corpus: %d transcripts, %.1f MB; import %.1f s\n", n, mb, ms_since(t0) / 1000);

    // Every turn that mentions cooperation gets the code "Kooperation" (for the code filter query).
    const kodex::CodeId code = session->add_code(kodex::CodeId(), "Kooperation");
    std::vector<kodex::NewCoding> codings;
    std::vector<std::string> turn_text;   // for the floor and FTS5
    struct TurnRow { std::int64_t doc; std::string speaker; bool coded; };
    std::vector<TurnRow> turn_rows;
    for (const auto& d : session->documents()) {
        const kodex::Document doc = session->document(d.id);
        const kodex::PositionIndex pos(doc.text);
        for (const auto& t : doc.turns) {
            if (t.end <= t.body_start) continue;
            const std::size_t b = pos.to_byte(t.body_start);
            std::string body = doc.text.substr(b, pos.to_byte(t.end) - b);
            const bool coded = body.find("Kooperation") != std::string::npos;
            if (coded) codings.push_back({d.id, code, {t.body_start, t.end}, {}});
            turn_rows.push_back({d.id.value, t.speaker, coded});
            turn_text.push_back(std::move(body));
        }
    }
    session->apply_codes(codings, "Code cooperation");
    std::printf("turns: %zu, coded with 'Kooperation': %zu\n", turn_text.size(), codings.size());

    // Kodex's index build (from the project: reading documents, turns, codings included) against the floor:
    // the same turn texts (already in memory) through a TermGenerator with the same stemming. The machine
    // may be shared: the two alternate and each keeps its median.
    kodex::SearchIndex index(*session);
    const fs::path floor_dir = dir / "floor-index";
    std::vector<double> build_runs, floor_runs, build_cpu, floor_cpu;
    for (int run = 0; run < builds; ++run) {
        double c0 = cpu_ms();
        t0 = Clock::now();
        index.rebuild();
        build_runs.push_back(ms_since(t0));
        build_cpu.push_back(cpu_ms() - c0);
        c0 = cpu_ms();
        t0 = Clock::now();
        {
            Xapian::WritableDatabase db(floor_dir.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
            Xapian::TermGenerator tg;
            tg.set_stemmer(Xapian::Stem("german"));
            tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME_FULL_POS);
            for (const auto& body : turn_text) {
                Xapian::Document doc;
                tg.set_document(doc);
                tg.index_text(kodex::fold_gender(body));
                db.add_document(doc);
            }
            db.commit();
        }
        floor_runs.push_back(ms_since(t0));
        floor_cpu.push_back(cpu_ms() - c0);
        std::printf("build run %d: Kodex %.1f s (CPU %.1f s), floor %.1f s (CPU %.1f s)\n", run + 1, build_runs.back() / 1000,
                    build_cpu.back() / 1000, floor_runs.back() / 1000, floor_cpu.back() / 1000);
    }
    const double build_ms = stats(build_runs).p50, floor_ms = stats(floor_runs).p50;
    const auto info = index.info();

    // FTS5 over the same turns.
    const std::string fts_path = (dir / "fts.sqlite").string();
    sqlite3* fts = nullptr;
    sqlite3_open(fts_path.c_str(), &fts);
    sql(fts, "PRAGMA journal_mode=WAL; CREATE TABLE turns(id INTEGER PRIMARY KEY, doc INTEGER, speaker TEXT, coded INTEGER, body TEXT);"
             "CREATE VIRTUAL TABLE turns_fts USING fts5(body, content='turns', content_rowid='id');");
    t0 = Clock::now();
    sql(fts, "BEGIN");
    {
        sqlite3_stmt* ins = nullptr;
        sqlite3_prepare_v2(fts, "INSERT INTO turns(id, doc, speaker, coded, body) VALUES(?,?,?,?,?)", -1, &ins, nullptr);
        for (std::size_t i = 0; i < turn_text.size(); ++i) {
            sqlite3_bind_int64(ins, 1, static_cast<sqlite3_int64>(i + 1));
            sqlite3_bind_int64(ins, 2, turn_rows[i].doc);
            sqlite3_bind_text(ins, 3, turn_rows[i].speaker.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(ins, 4, turn_rows[i].coded ? 1 : 0);
            sqlite3_bind_text(ins, 5, turn_text[i].c_str(), static_cast<int>(turn_text[i].size()), SQLITE_STATIC);
            sqlite3_step(ins);
            sqlite3_reset(ins);
        }
        sqlite3_finalize(ins);
    }
    sql(fts, "INSERT INTO turns_fts(turns_fts) VALUES('rebuild'); COMMIT");
    const double fts_build_ms = ms_since(t0);

    std::printf("\n| index | build (s, median of %d) | MB/s | size (MB) |\n|---|---|---|---|\n", builds);
    std::printf("| Kodex (project -> index) | %.1f | %.2f | %.0f |\n", build_ms / 1000, mb / (build_ms / 1000), static_cast<double>(info.bytes) / 1e6);
    std::printf("| floor: TermGenerator loop | %.1f | %.2f | %.0f |\n", floor_ms / 1000, mb / (floor_ms / 1000), static_cast<double>(dir_bytes(floor_dir)) / 1e6);
    std::printf("| FTS5 (unicode61, no stemming) | %.1f | %.2f | %.0f (with text) |\n", fts_build_ms / 1000, mb / (fts_build_ms / 1000),
                static_cast<double>(fs::file_size(fts_path)) / 1e6);
    std::printf("\nspeed against the floor: %.2f by wall time, %.2f by CPU time\n", floor_ms / build_ms,
                stats(floor_cpu).p50 / stats(build_cpu).p50);

    // Queries.
    const bool rg = have_rg();
    if (!rg) std::printf("ripgrep (rg) is not installed: its column is skipped\n");
    sqlite3_stmt* fq = nullptr;
    std::printf("\n| query | turns | Kodex p50 | Kodex p99 | + counts p50 | + counts p99 | rg p50 | FTS5 rows | FTS5 p50 | FTS5 p99 |\n"
                "|---|---|---|---|---|---|---|---|---|---|\n");
    std::vector<double> all_kodex, all_counted, all_rg, all_fts;
    for (const auto& bq : kQueries) {
        kodex::SearchQuery q;
        q.text = bq.kodex;
        q.limit = 50;
        std::vector<double> times, counted;
        std::int64_t turns = 0;
        for (int r = 0; r < reps; ++r) {
            q.count_documents = false;
            t0 = Clock::now();
            index.search(q);
            times.push_back(ms_since(t0));
            q.count_documents = true;
            t0 = Clock::now();
            turns = index.search(q).matching_turns;
            counted.push_back(ms_since(t0));
        }
        const Stats k = stats(times), kc = stats(counted);
        all_kodex.insert(all_kodex.end(), times.begin(), times.end());
        all_counted.insert(all_counted.end(), counted.begin(), counted.end());

        Stats g;
        if (rg && bq.rg) {
            std::vector<double> rt;
            const std::string where = bq.rg_file ? (dir / "transcripts" / bq.rg_file).string() : (dir / "transcripts").string();
            for (int r = 0; r < std::max(3, reps / 5); ++r) rt.push_back(run_rg(bq.rg, where));
            g = stats(rt);
            all_rg.insert(all_rg.end(), rt.begin(), rt.end());
        }

        const std::string where = bq.fts_where ? std::string(" AND ") + bq.fts_where : std::string();
        const std::string sql_text = "SELECT t.doc, snippet(turns_fts, 0, '[', ']', '…', 12) FROM turns_fts JOIN turns t ON t.id = turns_fts.rowid "
                                     "WHERE turns_fts MATCH ?" + where + " ORDER BY rank LIMIT 50";
        sqlite3_prepare_v2(fts, sql_text.c_str(), -1, &fq, nullptr);
        std::vector<double> ft;
        int rows = 0;
        for (int r = 0; r < reps; ++r) {
            t0 = Clock::now();
            sqlite3_reset(fq);
            sqlite3_bind_text(fq, 1, bq.fts, -1, SQLITE_STATIC);
            rows = 0;
            while (sqlite3_step(fq) == SQLITE_ROW) ++rows;
            ft.push_back(ms_since(t0));
        }
        sqlite3_finalize(fq);
        const Stats f = stats(ft);
        all_fts.insert(all_fts.end(), ft.begin(), ft.end());
        std::printf("| `%s` | %lld | %.2f | %.2f | %.2f | %.2f | %s | %d | %.2f | %.2f |\n", bq.kodex, static_cast<long long>(turns), k.p50,
                    k.p99, kc.p50, kc.p99, rg && bq.rg ? std::to_string(static_cast<int>(g.p50)).c_str() : "–", rows, f.p50, f.p99);
    }
    const Stats k = stats(all_kodex), kc = stats(all_counted), f = stats(all_fts), g = stats(all_rg);
    std::printf("| **all 20 queries** | | **%.2f** | **%.2f** | **%.2f** | **%.2f** | **%s** | | **%.2f** | **%.2f** |\n", k.p50, k.p99,
                kc.p50, kc.p99, rg ? std::to_string(static_cast<int>(g.p50)).c_str() : "–", f.p50, f.p99);
    if (rg) std::printf("\nKodex is %.0fx faster than rg at the median\n", g.p50 / k.p50);
    sqlite3_close(fts);
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    std::printf("peak memory (max RSS): %.0f MB\n", static_cast<double>(u.ru_maxrss) / 1024.0);
    return 0;
}
