// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <string>

#include "core/errors.h"
#include "core/search/query.h"
#include "core/search/stopwords.h"
#include "tests/support/query_filters.h"

using namespace kodex;

namespace {

using Filters = kodex::test::SmallProjectFilters;

std::string parsed(const std::string& q) {
    return parse_query(q, Filters(), stopwords(SearchLanguage::German)).description;
}

std::string error_of(const std::string& q) {
    try {
        parse_query(q, Filters(), stopwords(SearchLanguage::German));
    } catch (const InvalidArgument& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("query: words are case-folded and all required; stop words drop out of word lists only") {
    CHECK(parsed("Zusammenarbeit") == "zusammenarbeit");
    CHECK(parsed("hybride Formate") == "(hybride AND formate)");
    CHECK(parsed("die Zusammenarbeit") == "zusammenarbeit");
    CHECK(parsed("die") == "die");  // nothing else to search for
    CHECK(parsed("\"die Zusammenarbeit\"") == "\"die zusammenarbeit\"");
    CHECK(parsed("+die Zusammenarbeit") == "(die AND zusammenarbeit)");
}

TEST_CASE("query: AND, OR, NOT, XOR and their German forms, with Xapian's precedence") {
    CHECK(parsed("a OR b AND c") == "(a OR (b AND c))");
    CHECK(parsed("(a OR b) AND c") == "((a OR b) AND c)");
    CHECK(parsed("Förderung UND Antrag") == parsed("Förderung AND Antrag"));
    CHECK(parsed("Förderung ODER Antrag") == "(förderung OR antrag)");
    CHECK(parsed("Förderung NICHT Antrag") == "(förderung NOT antrag)");
    CHECK(parsed("Förderung AND NOT Antrag") == "(förderung NOT antrag)");
    CHECK(parsed("Zusammenarbeit -Bürokratie") == "(zusammenarbeit NOT bürokratie)");
    CHECK(parsed("NOT Bürokratie") == "(NOT bürokratie)");
    CHECK(parsed("a XOR b") == "(a XOR b)");
    // Lower-case operator words are ordinary (stop) words.
    CHECK(parsed("Förderung und Antrag") == "(förderung AND antrag)");
    CHECK(parsed("Förderung oder") == "förderung");
}

TEST_CASE("query: NEAR and ADJ with a distance, phrases, wildcards") {
    const auto q = parse_query("Kooperation NEAR/4 Hochschule", Filters(), {});
    CHECK(q.root.kind == QueryNode::Kind::Near);
    CHECK(q.root.window == 5);
    CHECK(q.description == "(kooperation NEAR/4 hochschule)");
    CHECK(parse_query("a NEAR b", Filters(), {}).root.window == 11);
    CHECK(parsed("a ADJ/2 b") == "(a ADJ/2 b)");
    CHECK(parsed("\"gute Zusammenarbeit\"") == "\"gute zusammenarbeit\"");
    CHECK(parsed("„gute Zusammenarbeit“") == "\"gute zusammenarbeit\"");
    CHECK(parsed("Digital*") == "digital*");
    CHECK(parsed("Cross-Cluster-Zusammenarbeit") == "\"cross cluster zusammenarbeit\"");
}

TEST_CASE("query: every gender form also finds the others") {
    CHECK(parsed("Mitarbeiter*innen") == "(\"mitarbeiter innen\" OR mitarbeiterinnen)");
    CHECK(parsed("Mitarbeiter_innen") == parsed("Mitarbeiter*innen"));
    CHECK(parsed("Mitarbeiter:innen") == parsed("Mitarbeiter*innen"));
    CHECK(parsed("Mitarbeiter/innen") == parsed("Mitarbeiter*innen"));
    CHECK(parsed("MitarbeiterInnen") == "(mitarbeiterinnen OR \"mitarbeiter innen\")");
    CHECK(parsed("kolleg:innen") == "(\"kolleg innen\" OR kolleginnen)");  // not a filter
}

TEST_CASE("query: filters, quoted values, and several values of one filter") {
    CHECK(parsed("Webinare code:Formate") == "(webinare AND code:Formate)");
    CHECK(parsed("Webinare speaker:B speaker:I") == "(webinare AND (speaker:B OR speaker:I))");
    CHECK(parsed("sector:\"Energie, Wasserstoff\" Netz") == "(netz AND sector:Energie, Wasserstoff)");
    CHECK(parsed("-speaker:I Netz") == "(netz NOT speaker:I)");
    CHECK(parsed("Datum:heute") == "\"datum heute\"");  // capitalised: text, not a filter
    const auto q = parse_query("Netz code:Formate coder:anna", Filters(), {});
    CHECK(q.has_span_filters);
    // code: and coder: in one group mean that coder's codings of the code.
    const auto& code = q.root.children[1];
    REQUIRE(code.kind == QueryNode::Kind::Filter);
    CHECK(code.filter.coders == std::vector<std::int64_t>{7});
    CHECK_FALSE(parse_query("code:Formate", Filters(), {}).has_text);
}

TEST_CASE("query: syntax errors name the problem and where it is") {
    CHECK(error_of("Förderung AND") == "syntax error at character 11 of the query: 'AND' needs a search term after it");
    CHECK(error_of("AND Förderung") == "syntax error at character 1 of the query: 'AND' needs a search term before it");
    CHECK(error_of("(Förderung") == "syntax error at character 1 of the query: the bracket is not closed");
    CHECK(error_of("Förderung)") == "syntax error at character 10 of the query: ')' has no matching '('");
    CHECK(error_of("\"gute Zusammenarbeit") == "syntax error at character 1 of the query: the quotation mark is not closed");
    CHECK(error_of("a NEAR (b OR c)") == "syntax error at character 8 of the query: NEAR and ADJ work between single words, not brackets");
    CHECK(error_of("x NEAR/y z").find("NEAR/ needs a number") != std::string::npos);
    CHECK(error_of("Förderung NEAR") == "syntax error at character 11 of the query: 'NEAR' needs a search term after it");
    CHECK(error_of("*tal").find("goes at the end of a word") != std::string::npos);
    CHECK(error_of("Di*tal").find("character 3") != std::string::npos);
    CHECK(error_of("D*").find("at least two letters") != std::string::npos);
    CHECK(error_of("\"Format*\"").find("inside a phrase") != std::string::npos);
    CHECK(error_of("a NEAR Digital*").find("not wildcards") != std::string::npos);
    CHECK(error_of("Netz ()") == "syntax error at character 6 of the query: the brackets are empty");
    CHECK(error_of("") == "the query is empty");
    CHECK(error_of("  ... ") == "the query has no words to search for");
    CHECK(error_of("finanzierung:institutionell") ==
          "syntax error at character 1 of the query: there is no filter 'finanzierung:'; filters are doc:, code:, speaker:, coder:, sector:");
    CHECK(error_of("Netz code:") == "syntax error at character 6 of the query: 'code:' needs a value, as in code:\"...\"");
    CHECK(error_of("Netz code:Unbekannt") == "syntax error at character 6 of the query: no code 'Unbekannt'");
    CHECK(error_of("Netz -AND Antrag").find("'-' goes right before") != std::string::npos);
    CHECK(parsed("Netz + Antrag - Förderung") == "(netz AND antrag AND förderung)");  // lone signs are punctuation
    CHECK(error_of("Förderung OR OR Antrag").find("character 11") != std::string::npos);
}

// Bug (seen while writing fuzz_query, confirmed with it under ASan): deeply nested brackets, or thousands of chained
// operators, overflowed the stack of the recursive parser and of describe(); a query is now limited to 1000 tokens.
TEST_CASE("query: more than 1000 tokens or 100 nested brackets are a syntax error, not a stack overflow") {
    std::string chain = "a";
    for (int i = 0; i < 499; ++i) chain += " NOT b";
    CHECK(parsed(chain).substr(0, 9) == "((((((((("); // 999 tokens: still a query
    CHECK(error_of(chain + " NOT b") ==
          "syntax error at character 3001 of the query: the query is too long: at most 1000 words, phrases, filters, "
          "brackets and operators");
    CHECK(error_of(std::string(100000, '(') + "a" + std::string(100000, ')')).find("the query is too long") !=
          std::string::npos);
    // Within the token limit, brackets still cost the parser much stack each (fuzz_query under ASan: 496 levels).
    CHECK(parsed(std::string(100, '(') + "a" + std::string(100, ')')) == "a");
    CHECK(error_of("x " + std::string(101, '(') + "a" + std::string(101, ')')) ==
          "syntax error at character 103 of the query: brackets are nested deeper than 100 levels");
    std::string words;
    for (int i = 0; i < 50000; ++i) words += "a NOT ";
    CHECK(error_of(words + "b").find("the query is too long") != std::string::npos);
}
