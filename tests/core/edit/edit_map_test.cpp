// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <random>

#include "core/edit/edit_map.h"
#include "core/errors.h"
#include "core/text/unicode.h"

using namespace kodex;

namespace {

TextRange R(std::int64_t s, std::int64_t e) { return {s, e}; }

// A reference mapping written the slow way, character by character: a start inside a span goes to the
// replacement's start, an end inside to its end; a start at a span's end (or at an insertion point) goes after it.
std::int64_t slow_start(const std::vector<Replacement>& reps, std::int64_t p) {
    std::int64_t shift = 0;
    for (const Replacement& r : reps) {
        if (p >= r.end) {
            shift += r.delta();
            continue;
        }
        if (p > r.start) return r.start + shift;
        break;
    }
    return p + shift;
}
std::int64_t slow_end(const std::vector<Replacement>& reps, std::int64_t p) {
    std::int64_t shift = 0;
    for (const Replacement& r : reps) {
        if (p <= r.start) break;
        if (p < r.end) return r.start + shift + r.length;
        shift += r.delta();
    }
    return p + shift;
}

}  // namespace

TEST_CASE("edit: positions before a replacement stay, positions after it shift") {
    const EditMap m({{10, 14, 6}});  // 4 code points become 6
    CHECK(m.map_start(0) == 0);
    CHECK(m.map_start(9) == 9);
    CHECK(m.map_start(14) == 16);
    CHECK(m.map_end(20) == 22);
    CHECK(m.new_length(30) == 32);
    CHECK(m.map_range(R(2, 8)).fate == RangeFate::Unchanged);
    const MappedRange after = m.map_range(R(15, 18));
    CHECK(after.range == R(17, 20));
    CHECK(after.fate == RangeFate::Moved);
}

TEST_CASE("edit: a coding ending exactly at the span's start stays before it, one starting at its end shifts") {
    for (std::int64_t len : {0, 2, 4, 7}) {  // shorter (incl. deletion), equal... and longer replacements
        CAPTURE(len);
        const EditMap m({{10, 14, len}});
        const MappedRange before = m.map_range(R(5, 10));
        CHECK(before.range == R(5, 10));
        CHECK(before.fate == RangeFate::Unchanged);
        const MappedRange after = m.map_range(R(14, 20));
        CHECK(after.range == R(10 + len, 16 + len));
        CHECK(after.fate == (len == 4 ? RangeFate::Unchanged : RangeFate::Moved));
    }
}

TEST_CASE("edit: a coding starting or ending inside the span grows to cover the replacement") {
    for (std::int64_t len : {0, 1, 4, 9}) {
        CAPTURE(len);
        const EditMap m({{10, 14, len}});
        // ends inside
        const MappedRange a = m.map_range(R(5, 12));
        CHECK(a.range == R(5, 10 + len));
        CHECK(a.fate == RangeFate::Grown);
        CHECK(a.range.length() > 0);
        // starts inside
        const MappedRange b = m.map_range(R(12, 20));
        CHECK(b.range == R(10, 16 + len));
        CHECK(b.fate == RangeFate::Grown);
        // around the span
        const MappedRange c = m.map_range(R(3, 17));
        CHECK(c.range == R(3, 13 + len));
        CHECK(c.fate == RangeFate::Grown);
        // starts at the span's start, ends after it
        CHECK(m.map_range(R(10, 15)).range == R(10, 11 + len));
        CHECK(m.map_range(R(10, 15)).fate == RangeFate::Grown);
    }
}

TEST_CASE("edit: a coding inside a replaced span is swallowed and maps to the replacement") {
    const EditMap m({{10, 14, 3}});
    for (TextRange r : {R(10, 14), R(11, 13), R(10, 12), R(12, 14)}) {
        CAPTURE(r.start);
        CAPTURE(r.end);
        const MappedRange x = m.map_range(r);
        CHECK(x.fate == RangeFate::Swallowed);
        CHECK(x.range == R(10, 13));
    }
    const EditMap del({{10, 14, 0}});
    const MappedRange d = del.map_range(R(11, 13));
    CHECK(d.fate == RangeFate::Swallowed);
    CHECK(d.range.empty());
    // one code point more on either side is not swallowed
    CHECK(del.map_range(R(9, 14)).fate == RangeFate::Grown);
    CHECK(del.map_range(R(10, 15)).fate == RangeFate::Grown);
}

TEST_CASE("edit: an insertion is taken in only by codings around the point") {
    const EditMap m({{10, 10, 3}});
    CHECK(m.map_range(R(5, 10)).range == R(5, 10));   // ends at the point: stays before
    CHECK(m.map_range(R(10, 15)).range == R(13, 18)); // starts at the point: shifts
    CHECK(m.map_range(R(10, 15)).fate == RangeFate::Moved);
    const MappedRange around = m.map_range(R(8, 12));
    CHECK(around.range == R(8, 15));
    CHECK(around.fate == RangeFate::Grown);
}

TEST_CASE("edit: edits at offset 0 and at the end of the text") {
    const EditMap front({{0, 3, 1}});
    CHECK(front.map_range(R(0, 2)).fate == RangeFate::Swallowed);
    CHECK(front.map_range(R(0, 5)).range == R(0, 3));
    CHECK(front.map_range(R(3, 5)).range == R(1, 3));
    const EditMap insert_front({{0, 0, 2}});
    CHECK(insert_front.map_range(R(0, 4)).range == R(2, 6));
    const EditMap back({{20, 25, 0}});  // a text of 25 loses its last 5
    CHECK(back.map_range(R(18, 25)).range == R(18, 20));
    CHECK(back.map_range(R(22, 25)).fate == RangeFate::Swallowed);
    CHECK(back.new_length(25) == 20);
    const EditMap append({{25, 25, 4}});
    CHECK(append.map_range(R(18, 25)).range == R(18, 25));
    CHECK(append.new_length(25) == 29);
}

TEST_CASE("edit: several replacements add their shifts") {
    const EditMap m({{30, 30, 5}, {2, 4, 0}, {10, 12, 4}});  // given out of order
    REQUIRE(m.replacements().front().start == 2);
    CHECK(m.map_start(1) == 1);
    CHECK(m.map_start(5) == 3);
    CHECK(m.map_start(20) == 20);   // -2 + 2
    CHECK(m.map_start(30) == 35);   // +5 at the insertion
    CHECK(m.map_end(30) == 30);
    const MappedRange r = m.map_range(R(3, 11));  // starts in the first span, ends in the second
    CHECK(r.range == R(2, 12));
    CHECK(r.fate == RangeFate::Grown);
    CHECK_THROWS_AS(EditMap({{2, 6, 1}, {5, 8, 1}}), InvalidArgument);
    // touching deletions act as one, so a coding across both is swallowed, not made empty
    const EditMap touching({{2, 4, 0}, {4, 6, 0}});
    CHECK(touching.replacements().size() == 1);
    CHECK(touching.map_range(R(3, 5)).fate == RangeFate::Swallowed);
    CHECK_THROWS_AS(EditMap({{6, 2, 1}}), InvalidArgument);
}

TEST_CASE("edit: the map agrees with a character-by-character reference on random replacements") {
    std::mt19937 rng(4711);
    for (int round = 0; round < 300; ++round) {
        std::vector<Replacement> reps;
        std::int64_t at = 0;
        while (true) {
            at += static_cast<std::int64_t>(rng() % 8);
            if (at > 60) break;
            const std::int64_t len = static_cast<std::int64_t>(rng() % 4);
            reps.push_back({at, at + len, static_cast<std::int64_t>(rng() % 5)});
            at += len;
        }
        const EditMap m(reps);
        reps = m.replacements();  // touching ones joined
        for (std::int64_t p = 0; p <= 70; ++p) {
            CHECK(m.map_start(p) == slow_start(reps, p));
            CHECK(m.map_end(p) == slow_end(reps, p));
        }
        for (int k = 0; k < 50; ++k) {
            const std::int64_t s = static_cast<std::int64_t>(rng() % 65);
            const std::int64_t e = s + 1 + static_cast<std::int64_t>(rng() % 10);
            const MappedRange x = m.map_range(R(s, e));
            if (x.fate != RangeFate::Swallowed) CHECK(x.range.length() > 0);  // never empty
            bool inside = false;
            for (const Replacement& r : reps) inside = inside || (r.start < r.end && r.start <= s && e <= r.end);
            CHECK((x.fate == RangeFate::Swallowed) == inside);
        }
    }
}

TEST_CASE("edit: diff_texts finds small replacements in code points") {
    const auto d = diff_texts("Die Straße in Köln 👋 war gut", "Die Strasse in Köln 👋🏽 war sehr gut");
    REQUIRE(d.size() == 3);
    CHECK(d[0].start == 8);  // ß -> ss
    CHECK(d[0].end == 9);
    CHECK(d[0].text == "ss");
    CHECK(d[1].start == 20);  // the skin tone after the emoji, code point 20
    CHECK(d[1].end == 20);
    CHECK(d[1].text == "🏽");
    CHECK(apply_replacements("Die Straße in Köln 👋 war gut", d) == "Die Strasse in Köln 👋🏽 war sehr gut");
    CHECK(diff_texts("gleich", "gleich").empty());
    CHECK(diff_texts("", "neu").size() == 1);
    CHECK(diff_texts("alt", "").at(0).end == 3);
    CHECK_THROWS_AS(diff_texts("a\xff", "b"), InvalidArgument);
}

TEST_CASE("edit: applying diff_texts' replacements to the old text gives the new one (random, seeded)") {
    const std::vector<std::string> alphabet = {"a", "b", "e", " ", "\n", "ä", "ß", "ö", "😀", "e\u0301", "Ü", "x"};
    std::mt19937 rng(20261204);
    auto random_text = [&](int n) {
        std::string s;
        for (int i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
        return s;
    };
    for (int round = 0; round < 400; ++round) {
        const std::string a = random_text(static_cast<int>(rng() % 60));
        std::string b;
        if (round % 2 == 0) {
            b = random_text(static_cast<int>(rng() % 60));
        } else {  // local changes of a
            std::vector<TextReplacement> edits;
            const std::int64_t n = count_code_points(a);
            std::int64_t at = 0;
            while (at < n) {
                at += static_cast<std::int64_t>(rng() % 12);
                if (at > n) break;
                const std::int64_t end = std::min(n, at + static_cast<std::int64_t>(rng() % 3));
                edits.push_back({at, end, random_text(static_cast<int>(rng() % 3))});
                at = end + 1;
            }
            b = apply_replacements(a, edits);
        }
        const auto d = diff_texts(a, b, round % 5 == 0 ? 3 : 4000);  // small limits take the fallback
        CHECK(apply_replacements(a, d) == b);
        const EditMap m(replacement_lengths(d));
        CHECK(m.new_length(count_code_points(a)) == count_code_points(b));
        for (std::size_t i = 1; i < d.size(); ++i) CHECK(d[i].start > d[i - 1].end);  // separated by kept text
    }
}

TEST_CASE("edit: diff_texts handles a 300,000 character transcript with a few local fixes") {
    std::string a;
    for (int i = 0; a.size() < 330000; ++i) a += "B: Die Förderung über das Netzwerk " + std::to_string(i) + " läuft weiter.\n";
    const std::int64_t n = count_code_points(a);
    std::vector<TextReplacement> fixes = {{1000, 1003, "über"}, {n / 2, n / 2, "ß"}, {n - 50, n - 40, ""}};
    const std::string b = apply_replacements(a, fixes);
    const auto d = diff_texts(a, b);
    CHECK(apply_replacements(a, d) == b);
    CHECK(d.size() <= 6);
}
