// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The fixed words of the quote reports (HTML, Markdown, Word), in the language the report is written in.
// Plain strings in a table, so that core needs neither wx nor gettext; the editor passes its interface
// language and kodex-cli its --language option.
#include <cstddef>
#include <string>

namespace kodex {

struct ReportWords {
    std::string language = "en";        ///< <html lang="...">
    std::string locale = "en-US";       ///< Word's document language (spelling, hyphenation)
    std::string title = "Quotes";       ///< the report's title when none is given
    std::string project_title = "{1}: quotes";  ///< the title kodex-cli gives a project's report
    std::string quote = "quote", quotes = "quotes";
    std::string code = "code", codes = "codes";
    std::string line = "line";          ///< "line 42"
    std::string page = "p.", pages = "pp.";  ///< "p. 4", "pp. 4–5"
    std::string definition = "Definition:";
    std::string memo = "Memo";          ///< "Memo:", or "Memo (anna):" when several coders share a quote
    std::string coded_by = "coded by";  ///< "coded by anna, ben"
    std::string contents = "Contents";  ///< the table of contents' heading
    std::string no_quotes = "No quotes.";
};

/// The words for `language` ("en", "de"; "de_DE", "de-AT" and the like count as "de"); English for any
/// other language.
ReportWords report_words(const std::string& language);

/// "1 quote", "2 quotes": `n` with the singular or the plural.
std::string count_of(std::size_t n, const std::string& singular, const std::string& plural);

}  // namespace kodex
