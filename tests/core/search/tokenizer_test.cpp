// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/search/tokenizer.h"

using namespace kodex;

namespace {

std::vector<std::string> terms(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& t : tokenize(text)) out.push_back(t.term);
    return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("tokenizer: gender markers fold to ':' and keep the byte length") {
    CHECK(fold_gender("Mitarbeiter*innen") == "Mitarbeiter:innen");
    CHECK(fold_gender("Mitarbeiter_innen") == "Mitarbeiter:innen");
    CHECK(fold_gender("Mitarbeiter/innen") == "Mitarbeiter:innen");
    CHECK(fold_gender("Mitarbeiter:innen") == "Mitarbeiter:innen");
    CHECK(fold_gender("Mitarbeiter\u00B7innen") == "Mitarbeiter::innen");
    CHECK(fold_gender("Mitarbeiter/-innen") == "Mitarbeiter::innen");
    CHECK(fold_gender("die Kolleg*in, der Kolleg*Innen.") == "die Kolleg:in, der Kolleg:Innen.");
    // Not gender forms: no letter before, or the word goes on after "innen".
    CHECK(fold_gender("2*in") == "2*in");
    CHECK(fold_gender("Mitarbeiter_innenzahl") == "Mitarbeiter_innenzahl");
    CHECK(fold_gender("a*b und/oder") == "a*b und/oder");
    CHECK(fold_gender("Termin_info") == "Termin_info");
    const std::string s = "Ärzt\u00B7innen, Bürger_innen und Lehrer/-innen";
    CHECK(fold_gender(s).size() == s.size());
}

TEST_CASE("tokenizer: gender forms split into the word and its ending once folded") {
    CHECK(terms(fold_gender("Clustermanager:innen")) == V{"clustermanager", "innen"});
    CHECK(terms(fold_gender("Mitarbeiter*innen")) == V{"mitarbeiter", "innen"});
    CHECK(terms(fold_gender("Mitarbeiter_innen")) == V{"mitarbeiter", "innen"});
    CHECK(terms("Mitarbeiter_innen") == V{"mitarbeiter_innen"});  // '_' is a word character
}

TEST_CASE("tokenizer: a Binnen-I form carries the word without its ending") {
    const auto t = tokenize("MitarbeiterInnen KollegIn Termin BERLIN Innen");
    REQUIRE(t.size() == 5);
    CHECK(t[0].term == "mitarbeiterinnen");
    CHECK(t[0].stem_part == "mitarbeiter");
    CHECK(t[1].term == "kollegin");
    CHECK(t[1].stem_part == "kolleg");
    CHECK(t[2].stem_part.empty());  // lower-case "in": an ordinary word
    CHECK(t[3].stem_part.empty());  // no lower-case letter before the I
    CHECK(t[4].stem_part.empty());
}

TEST_CASE("tokenizer: hyphenated compounds are separate words with exact byte offsets") {
    const auto t = tokenize("die Cross-Cluster-Zusammenarbeit.");
    REQUIRE(t.size() == 4);
    CHECK(t[1].term == "cross");
    CHECK(t[1].begin == 4);
    CHECK(t[1].end == 9);
    CHECK(t[3].term == "zusammenarbeit");
    CHECK(t[3].begin == 18);
    CHECK(t[3].end == 32);
}

TEST_CASE("tokenizer: acronyms, numbers, apostrophes and suffixes follow Xapian's rules") {
    CHECK(terms("U.S.A. z.B. d.h.") == V{"usa", "z", "b", "d", "h"});
    CHECK(terms("3,5 Prozent 1.000 2024-01-15") == V{"3,5", "prozent", "1.000", "2024", "01", "15"});
    CHECK(terms("AT&T don't l\u2019homme") == V{"at&t", "don't", "l'homme"});
    CHECK(terms("C++ C# fish+chips E-Mail") == V{"c++", "c#", "fish", "chips", "e", "mail"});
    CHECK(terms("Zusammen\u00ADarbeit Mitarbeiter\u200Binnen") == V{"zusammenarbeit", "mitarbeiterinnen"});
    const auto t = tokenize("U.S.A. next");
    CHECK(t[0].end == 5);
}

TEST_CASE("tokenizer: case folding keeps ß, and offsets count bytes of the input") {
    CHECK(terms("Straße STRASSE Strasse") == V{"straße", "strasse", "strasse"});
    CHECK(terms("Übergänge ÖFFENTLICH") == V{"übergänge", "öffentlich"});
    const auto t = tokenize("I: \xF0\x9F\x98\x85 Antrag");  // emoji before the word
    REQUIRE(t.size() == 2);
    CHECK(t[1].term == "antrag");
    CHECK(t[1].begin == 8);
    CHECK(fold_case("STRASSE") == fold_case("Straße"));
}

TEST_CASE("tokenizer: overlong words are skipped, other scripts are words") {
    const std::string longword(70, 'a');
    CHECK(terms("kurz " + longword + " lang") == V{"kurz", "lang"});
    CHECK(terms("Καλημέρα мир") == V{"καλημέρα", "мир"});
    CHECK(terms("--- ... (lacht) [unv.]") == V{"lacht", "unv"});
    CHECK(terms("").empty());
}
