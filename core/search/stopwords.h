// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Stop words per search language (the Snowball lists). They are left out of ranked word lists in
// queries only; the index keeps every word, so phrases with stop words stay exact.
#include <string>
#include <unordered_set>

namespace kodex {

enum class SearchLanguage { German, English };

/// "german" or "english".
const char* to_string(SearchLanguage language);
/// Parses "german"/"deutsch"/"de" and "english"/"englisch"/"en"; throws InvalidArgument otherwise.
SearchLanguage search_language_from_string(const std::string& name);
/// The stop words of a language, case-folded.
const std::unordered_set<std::string>& stopwords(SearchLanguage language);

}  // namespace kodex
