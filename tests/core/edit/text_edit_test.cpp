// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/edit/text_edit.h"
#include "core/errors.h"
#include "core/search/search_index.h"
#include "core/session.h"
#include "core/store/consistency.h"
#include "core/store/page_table.h"
#include "core/store/sqlite_util.h"
#include "core/text/transcript_parse.h"
#include "core/text/unicode.h"
#include "tests/core/test_util.h"

using namespace kodex;
using kodex::test::TempDir;
using kodex::test::write_all;

namespace {

struct Project {
    TempDir dir;
    std::unique_ptr<Session> s;
    CodeId a, b;
    int files = 0;
    Project() {
        s = Session::create(dir.file("study.kodex"));
        a = s->add_code(CodeId(), "Netzwerk");
        b = s->add_code(CodeId(), "Förderung");
    }
    DocumentId import(const std::string& text, const std::string& ext = "txt") {
        const std::string path = dir.file("D" + std::to_string(++files) + "." + ext);
        write_all(path, text);
        return s->import_files({{path}, {}, false}).imported.at(0).id;
    }
    // Every row of the tables an edit touches, to compare before and after undo.
    std::string dump() {
        Db& db = s->store().db();
        std::string out;
        auto table = [&](const std::string& sql, int cols) {
            Stmt q(db, sql);
            while (q.step()) {
                for (int i = 0; i < cols; ++i) out += (q.col_null(i) ? std::string("NULL") : q.col_text(i)) + "|";
                out += "\n";
            }
        };
        table("SELECT id, name, text, length, content_hash FROM documents ORDER BY id", 5);
        table("SELECT id, guid, document_id, code_id, coder_id, start, end, created_at FROM codings ORDER BY id", 8);
        table("SELECT id, document_id, seq, speaker, start, body_start, end, timestamp_ms FROM turns ORDER BY id", 8);
        table("SELECT document_id, page, start FROM pages ORDER BY document_id, page", 3);
        table("SELECT id, coding_id, text, target_key FROM memos ORDER BY id", 4);
        return out;
    }
    std::string text_of(CodingId id) { return s->coding(id).text; }
};

std::string cp_sub(const std::string& t, std::int64_t a, std::int64_t b) { return substring_cp(t, a, b); }

}  // namespace

TEST_CASE("edit: a replacement moves the codings after it and grows the ones it cuts, as one undoable action") {
    Project p;
    //                 0         1         2         3         4
    //                 0123456789012345678901234567890123456789012345
    const auto doc = p.import("I: Wie lief die Förderung?\n\nB: Das Netzwerk hielt zusammen.\n");
    const std::string before_text = p.s->document(doc).text;
    const CodingId before = p.s->apply_code(doc, p.b, {16, 25});  // "Förderung"
    const CodingId after = p.s->apply_code(doc, p.a, {35, 43});   // "Netzwerk"
    const CodingId cut = p.s->apply_code(doc, p.a, {31, 38});     // "Das Net": ends inside "Netzwerk"
    p.s->set_memo(MemoTarget::Coding, after.value, "zentral");
    const std::string dump = p.dump();

    const EditReport r = p.s->edit_text(doc, {35, 43}, "Cluster-Netzwerk", SwallowedPolicy::Keep);
    CHECK(r.applied);
    CHECK(r.new_length == r.old_length + 8);
    CHECK(p.text_of(before) == "Förderung");
    CHECK(p.text_of(after) == "Cluster-Netzwerk");  // swallowed and kept: covers the replacement
    CHECK(p.text_of(cut) == "Das Cluster-Netzwerk");
    CHECK(p.s->coding(after).memo == "zentral");
    REQUIRE(r.grown.size() == 1);
    CHECK(r.grown[0].id == cut);
    REQUIRE(r.swallowed.size() == 1);
    CHECK(r.swallowed[0].before == TextRange{35, 43});
    CHECK(r.swallowed[0].after == TextRange{35, 51});
    CHECK(p.s->document(doc).turns.size() == parse_turns(p.s->document(doc).text).size());
    REQUIRE(p.s->undo_label());
    CHECK(p.s->undo_label()->english() == "Edit the text of 'D1'");

    p.s->undo();
    CHECK(p.dump() == dump);
    CHECK(p.s->document(doc).text == before_text);
    p.s->redo();
    CHECK(p.text_of(cut) == "Das Cluster-Netzwerk");
}

TEST_CASE("edit: a range outside the text, invalid UTF-8 and an unknown document are refused") {
    Project p;
    const auto doc = p.import("I: Grüß Gott.\n");  // 14 code points
    const std::string dump = p.dump();
    try {
        p.s->edit_text(doc, {10, 20}, "x");
        FAIL("no exception");
    } catch (const InvalidArgument& e) {
        const std::string what = e.what();
        CHECK(what.find("10:20") != std::string::npos);
        CHECK(what.find("0:14") != std::string::npos);
    }
    CHECK_THROWS_AS(p.s->edit_text(doc, {5, 3}, "x"), InvalidArgument);
    CHECK_THROWS_AS(p.s->edit_text(doc, {-1, 3}, "x"), InvalidArgument);
    CHECK_THROWS_AS(p.s->edit_text(doc, {1, 3}, "a\xc3"), InvalidArgument);
    CHECK_THROWS_AS(p.s->edit_text(DocumentId(99), {1, 3}, "x"), InvalidArgument);
    CHECK(p.dump() == dump);
    CHECK(p.s->undo_label()->text != labels::kEditText);
}

TEST_CASE("edit: codings inside the replaced text are refused by default, dropped or kept on request") {
    Project p;
    const auto doc = p.import("B: Das Netzwerk hielt zusammen.\n");
    const CodingId inner = p.s->apply_code(doc, p.a, {7, 15});   // "Netzwerk"
    const CodingId outer = p.s->apply_code(doc, p.b, {3, 21});   // "Das Netzwerk hielt"
    p.s->set_memo(MemoTarget::Coding, inner.value, "weg?");
    const std::string dump = p.dump();

    // refused: nothing changed, the message names the coding
    try {
        p.s->edit_text(doc, {3, 16}, "");
        FAIL("no exception");
    } catch (const InvalidArgument& e) {
        CHECK(std::string(e.what()).find(std::to_string(inner.value)) != std::string::npos);
    }
    CHECK(p.dump() == dump);

    // the preview lists it without writing
    const EditReport preview = p.s->preview_edit(doc, {3, 16}, "");
    CHECK_FALSE(preview.applied);
    REQUIRE(preview.swallowed.size() == 1);
    CHECK(preview.swallowed[0].id == inner);
    CHECK(preview.grown.size() == 1);
    CHECK(p.dump() == dump);

    // a deletion cannot keep them (a coding is never empty)
    CHECK_THROWS_AS(p.s->edit_text(doc, {3, 16}, "", SwallowedPolicy::Keep), InvalidArgument);
    CHECK(p.dump() == dump);

    const EditReport dropped = p.s->edit_text(doc, {3, 16}, "", SwallowedPolicy::Drop);
    CHECK(dropped.swallowed.size() == 1);
    CHECK_FALSE(p.s->find_coding(inner));
    CHECK_FALSE(p.s->memo(MemoTarget::Coding, inner.value));
    CHECK(p.text_of(outer) == "hielt");
    p.s->undo();
    CHECK(p.dump() == dump);

    p.s->edit_text(doc, {7, 15}, "Verbund", SwallowedPolicy::Keep);
    CHECK(p.text_of(inner) == "Verbund");
    CHECK(p.text_of(outer) == "Das Verbund hielt");
}

TEST_CASE("edit: codings of one code and coder that meet on one range become one, memos joined") {
    Project p;
    const auto doc = p.import("B: abcdefghij klm\n");
    const CodingId x = p.s->apply_code(doc, p.a, {3, 6});  // abc
    const CodingId y = p.s->apply_code(doc, p.a, {3, 7});  // abcd
    p.s->set_memo(MemoTarget::Coding, x.value, "eins");
    p.s->set_memo(MemoTarget::Coding, y.value, "zwei");
    const std::string dump = p.dump();
    const EditReport r = p.s->edit_text(doc, {5, 8}, "X");  // both end inside: both become abX
    REQUIRE(r.merged.size() == 1);
    CHECK(r.merged[0].removed == y);
    CHECK(r.merged[0].into == x);
    CHECK(p.text_of(x) == "abX");
    CHECK_FALSE(p.s->find_coding(y));
    CHECK(p.s->coding(x).memo == "eins\n\nzwei");
    p.s->undo();
    CHECK(p.dump() == dump);
}

TEST_CASE("edit: codings shifted onto each other's old places are written without a conflict") {
    Project p;
    const auto doc = p.import("B: aa bb cc dd\n");
    // same code and coder, 3 apart: inserting 3 moves each onto the next one's old range
    std::vector<CodingId> ids;
    for (std::int64_t s : {6, 9, 12}) ids.push_back(p.s->apply_code(doc, p.a, {s, s + 2}));
    p.s->edit_text(doc, {3, 3}, "xx ");
    CHECK(p.text_of(ids[0]) == "bb");
    CHECK(p.text_of(ids[2]) == "dd");
}

TEST_CASE("edit: the replacement is stored as NFC with LF, and joins with its neighbours are normalised") {
    Project p;
    const auto doc = p.import("B: Cafe und Tee.\n");
    const CodingId word = p.s->apply_code(doc, p.a, {3, 7});  // "Cafe"
    const CodingId next = p.s->apply_code(doc, p.b, {8, 11});  // "und"
    // a combining acute after "e" composes to é: the span widens to the e, and the coding still ends after it
    const EditReport r = p.s->edit_text(doc, {7, 7}, "\u0301");
    REQUIRE(r.replacements.size() == 1);
    CHECK(r.replacements[0].start == 6);
    CHECK(r.replacements[0].end == 7);
    CHECK(r.replacements[0].text == "é");
    CHECK(p.s->document(doc).text == "B: Café und Tee.\n");
    CHECK(p.text_of(word) == "Café");
    CHECK(p.text_of(next) == "und");
    // CRLF from a Windows clipboard becomes LF; a new speaker line becomes a new turn
    const std::int64_t turns = static_cast<std::int64_t>(p.s->document(doc).turns.size());
    p.s->edit_text(doc, {16, 16}, "\r\n\r\nI: Noch Tee?");
    const Document d = p.s->document(doc);
    CHECK(d.text == "B: Café und Tee.\n\nI: Noch Tee?\n");
    CHECK(static_cast<std::int64_t>(d.turns.size()) == turns + 1);
    CHECK(d.content_hash == sha256_hex(d.text));
}

TEST_CASE("edit: a transcript imported with CRLF line ends is edited in its stored LF positions") {
    Project p;
    const auto doc = p.import("I: Frage eins?\r\n\r\nB: Antwort \u00fcber Stra\u00dfe.\r\n\r\nI: Frage zwei?\r\n");
    const std::string t = p.s->document(doc).text;
    REQUIRE(t == "I: Frage eins?\n\nB: Antwort über Straße.\n\nI: Frage zwei?\n");
    const std::int64_t a = find_all_cp(t, "Antwort über Straße").at(0), b = find_all_cp(t, "I: Frage zwei?").at(0);
    CHECK(a == 19);
    const CodingId answer = p.s->apply_code(doc, p.a, {a, a + 19});
    const CodingId last = p.s->apply_code(doc, p.b, {b, b + 14});
    REQUIRE(p.text_of(last) == "I: Frage zwei?");
    p.s->edit_text(doc, {14, 14}, " Und noch?\r\n");             // CR LF typed on Windows
    CHECK(p.s->document(doc).text == "I: Frage eins? Und noch?\n\n\nB: Antwort über Straße.\n\nI: Frage zwei?\n");
    CHECK(p.text_of(answer) == "Antwort über Straße");
    CHECK(p.text_of(last) == "I: Frage zwei?");
    CHECK(p.s->document(doc).turns.size() == 3);
}

TEST_CASE("edit: emoji, ß and combining marks count as code points") {
    Project p;
    const auto doc = p.import("B: Grüße 👩‍🔬 aus q\u0301 Köln.\n");
    const std::string t = p.s->document(doc).text;
    const std::int64_t koeln = count_code_points(t) - 6;  // "Köln.\n"
    const CodingId c = p.s->apply_code(doc, p.a, {koeln, koeln + 4});
    const CodingId g = p.s->apply_code(doc, p.b, {3, 8});  // "Grüße"
    p.s->edit_text(doc, {6, 7}, "ss");                     // ß -> ss
    CHECK(p.text_of(g) == "Grüsse");
    CHECK(p.text_of(c) == "Köln");
    p.s->edit_text(doc, {10, 13}, "🧪");  // the three code points of the ZWJ sequence
    CHECK(p.text_of(c) == "Köln");
    CHECK(p.s->document(doc).text == "B: Grüsse 🧪 aus q\u0301 Köln.\n");
}

TEST_CASE("edit: edits at offset 0 and at the end of the text") {
    Project p;
    const auto doc = p.import("B: eins zwei");
    const CodingId first = p.s->apply_code(doc, p.a, {0, 7});
    const CodingId last = p.s->apply_code(doc, p.b, {8, 12});
    p.s->edit_text(doc, {0, 0}, "I: Frage\n\n");
    CHECK(p.text_of(first) == "B: eins");
    p.s->edit_text(doc, {count_code_points(p.s->document(doc).text), count_code_points(p.s->document(doc).text)}, "!");
    CHECK(p.text_of(last) == "zwei");
    const std::int64_t n = count_code_points(p.s->document(doc).text);
    p.s->edit_text(doc, {n - 3, n}, "");  // "ei!"
    CHECK(p.text_of(last) == "zw");
    CHECK(p.s->document(doc).turns.size() == parse_turns(p.s->document(doc).text).size());
}

TEST_CASE("edit: page starts follow the text") {
    Project p;
    const auto doc = p.import("Seite eins.\n\nSeite zwei.\n\nSeite drei.\n");
    insert_page_starts(p.s->store().db(), doc, {0, 13, 26});
    p.s->edit_text(doc, {6, 10}, "1");  // "eins" -> "1"
    CHECK(p.s->document(doc).page_starts == std::vector<std::int64_t>{0, 10, 23});
    p.s->edit_text(doc, {9, 15}, "");  // from the end of page 1 into page 2: its start moves to the cut
    CHECK(p.s->document(doc).page_starts == std::vector<std::int64_t>{0, 9, 17});
    p.s->undo();
    p.s->undo();
    CHECK(p.s->document(doc).page_starts == std::vector<std::int64_t>{0, 13, 26});
}

TEST_CASE("edit: subtitle turns keep their times and move with the text") {
    Project p;
    const auto doc = p.import("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Anna>Hallo zusammen.\n\n"
                              "00:00:05.000 --> 00:00:06.000\n<v Ben>Guten Tag.\n",
                              "vtt");
    const Document d = p.s->document(doc);
    REQUIRE(d.turns.size() == 2);
    const std::int64_t at = d.turns[0].body_start;
    p.s->edit_text(doc, {at, at + 5}, "Hallo und willkommen");
    const Document e = p.s->document(doc);
    REQUIRE(e.turns.size() == 2);
    CHECK(e.turns[1].timestamp_ms == d.turns[1].timestamp_ms);
    CHECK(e.turns[1].start == d.turns[1].start + 15);
    CHECK(cp_sub(e.text, e.turns[1].body_start, e.turns[1].end) == "Guten Tag.");
}

TEST_CASE("edit: the search index serves the new text, not the old") {
    Project p;
    const auto doc = p.import("B: Die Förderung kam spät.\n");
    SearchQuery q;
    q.text = "Förderung";
    CHECK(search(*p.s, q).hits.size() == 1);
    p.s->edit_text(doc, {7, 16}, "Unterstützung");
    CHECK(search(*p.s, q).hits.empty());
    q.text = "Unterstützung";
    CHECK(search(*p.s, q).hits.size() == 1);
}

TEST_CASE("edit: random edits through the session keep codings on their characters, turns parsed, undo exact") {
    const std::vector<std::string> pieces = {"a", "e", "n", " ", " ", "ä", "ß", "Ü", "😀", "q\u0301", "e\u0301",
                                             "\n", "\n\n", "\nI: ", "\nB: ", "Straße", "Köln", "x"};
    std::mt19937 rng(7001);
    auto pick = [&](std::size_t n) { return static_cast<std::int64_t>(rng() % n); };
    auto random_text = [&](int n) {
        std::string s;
        for (int i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
        return s;
    };
    Project p;
    int edits = 0;
    for (int round = 0; round < 25; ++round) {
        const auto doc = p.import("I: " + random_text(40 + round) + " #" + std::to_string(round) + "\n");
        for (int k = 0; k < 12; ++k) {
            const std::int64_t n = count_code_points(p.s->document(doc).text);
            if (n < 2) break;
            const std::int64_t s = pick(static_cast<std::size_t>(n - 1));
            try {
                p.s->apply_code(doc, k % 2 ? p.a : p.b, {s, s + 1 + pick(static_cast<std::size_t>(std::min<std::int64_t>(12, n - s)))});
            } catch (const InvalidArgument&) {  // already coded so
            }
        }
        for (int e = 0; e < 6; ++e) {
            const Document old = p.s->document(doc);
            const std::int64_t n = old.length;
            const std::int64_t s = pick(static_cast<std::size_t>(n + 1));
            const std::int64_t end = std::min(n, s + pick(8));
            std::string repl = random_text(static_cast<int>(pick(3)));
            if (pick(6) == 0) repl = "\u0301" + repl;  // a combining mark that joins the character before
            if (pick(8) == 0) repl += "\r\n";
            const auto policy = pick(2) ? SwallowedPolicy::Keep : SwallowedPolicy::Drop;
            const std::vector<Coding> codings = p.s->document_codings(doc);
            const std::string before = p.dump();
            EditReport r;
            try {
                r = p.s->edit_text(doc, {s, end}, repl, policy);
            } catch (const InvalidArgument&) {
                // only when Keep meets codings inside deleted text
                CHECK(policy == SwallowedPolicy::Keep);
                CHECK(p.dump() == before);
                continue;
            }
            ++edits;
            const Document now = p.s->document(doc);
            CHECK(now.text == normalize_text(now.text));
            if (!r.text_changed) continue;
            REQUIRE(r.replacements.size() == 1);
            const TextReplacement& x = r.replacements[0];
            CHECK(x.start <= s);  // the span asked for, widened only for normal forms
            CHECK(x.end >= end);
            CHECK(apply_replacements(old.text, r.replacements) == now.text);
            const std::int64_t L = count_code_points(x.text);
            const std::int64_t delta = L - (x.end - x.start);
            // every coding covers the same characters outside the replaced span, and the replacement if it
            // overlapped it
            for (const Coding& c : codings) {
                CAPTURE(c.range.start);
                CAPTURE(c.range.end);
                CAPTURE(x.start);
                CAPTURE(x.end);
                const bool inside = x.start < x.end && x.start <= c.range.start && c.range.end <= x.end;
                const auto moved = p.s->find_coding(c.id);
                if (inside) {
                    if (policy == SwallowedPolicy::Drop) CHECK_FALSE(moved);
                    if (policy == SwallowedPolicy::Keep && moved)
                        CHECK(moved->range == TextRange{x.start, x.start + L});
                    continue;
                }
                if (!moved) {  // merged into an identical coding
                    bool merged = false;
                    for (const CodingMerge& m : r.merged) merged = merged || m.removed == c.id;
                    CHECK(merged);
                    continue;
                }
                std::int64_t kept = 0;
                for (std::int64_t i = c.range.start; i < c.range.end; ++i) {
                    if (i >= x.start && i < x.end) continue;
                    const std::int64_t j = i < x.start ? i : i + delta;
                    CHECK(j >= moved->range.start);
                    CHECK(j < moved->range.end);
                    CHECK(cp_sub(now.text, j, j + 1) == cp_sub(old.text, i, i + 1));
                    ++kept;
                }
                const bool overlaps = x.start < x.end ? (c.range.start < x.end && x.start < c.range.end)
                                                      : (c.range.start < x.start && x.start < c.range.end);
                CHECK(moved->range.length() == kept + (overlaps ? L : 0));
                CHECK(moved->range.length() > 0);
            }
            // turns equal a fresh parse of the new text
            const std::vector<Turn> fresh = parse_turns(now.text);
            REQUIRE(now.turns.size() == fresh.size());
            for (std::size_t t = 0; t < fresh.size(); ++t) {
                CHECK(now.turns[t].speaker == fresh[t].speaker);
                CHECK(now.turns[t].start == fresh[t].start);
                CHECK(now.turns[t].body_start == fresh[t].body_start);
                CHECK(now.turns[t].end == fresh[t].end);
            }
            // undo restores the exact rows, redo the edit
            const std::string after = p.dump();
            p.s->undo();
            CHECK(p.dump() == before);
            p.s->redo();
            CHECK(p.dump() == after);
        }
        CHECK(check_project(p.s->store()).ok());
    }
    CHECK(edits > 100);
}
