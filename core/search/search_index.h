// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Full-text search over a project's transcripts. The index is a cache beside the project file
// ("study.kodex" -> "study.kodex-index/", a Xapian database): built from the project, brought up to date
// before every search (only documents whose text, turns, codings or variables changed are re-indexed),
// and rebuilt when it is missing, damaged, from another Kodex version or for another language. The
// project stays the only source of truth; deleting the index loses nothing.
//
// A hit is a place in a transcript: the matched words (code point ranges into the stored text), the
// speaker turn they are in, its speaker and timestamp, and a keyword-in-context line. The query language
// is described in core/search/query.h and docs/search.md.
//
// Threading: a SearchIndex belongs to one Session and is used from one thread at a time, like the
// Session. Long work (a rebuild) reports through Progress and stops at a CancelToken; an index left
// half-built by a cancel or a crash is rebuilt next time. No Xapian exception leaves this module: the
// index's troubles become IndexError, a bad query InvalidArgument.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model/ids.h"
#include "core/model/text_range.h"
#include "core/progress.h"
#include "core/search/stopwords.h"

namespace kodex {

class Session;

enum class SearchSort { Relevance, DocumentOrder };

struct SearchQuery {
    std::string text;                          ///< the query, e.g. `"hybride Formate" speaker:B`
    SearchSort sort = SearchSort::Relevance;
    std::size_t limit = 100;                   ///< hits to return; 0 = all
    std::size_t offset = 0;                    ///< hits to skip (paging)
    int context = 40;                          ///< KWIC: code points on each side of a hit
    bool exact_forms = false;                  ///< match word forms exactly instead of by stem
    /// Count the matching turns per document. Costs a pass over all matches (milliseconds on a large
    /// project): a list that shows hits first can ask for the counts in a second call.
    bool count_documents = true;
};

struct SearchHit {
    DocumentId document;
    std::string document_name;
    int turn = 0;                              ///< index of the turn in Document::turns
    std::string speaker;                       ///< empty for paragraphs without a speaker
    std::optional<std::int64_t> timestamp_ms;  ///< the turn's timestamp
    TextRange turn_range;                      ///< the turn's text after its speaker label
    TextRange range;                           ///< the hit: first to last matched word
    std::vector<TextRange> words;              ///< every matched word of the hit
    double relevance = 0;                      ///< the turn's weight (BM25); 0 for filter-only queries
    std::string left, match, right;            ///< keyword in context; `match` is the stored text of `range`
};

struct DocumentMatches {
    DocumentId document;
    std::string name;
    std::int64_t turns = 0;                    ///< turns with at least one hit
};

struct SearchResult {
    std::vector<SearchHit> hits;               ///< after `offset`, at most `limit`
    bool more = false;                         ///< there are hits after these
    std::int64_t matching_turns = 0;           ///< turns with at least one hit, in all documents
    std::vector<DocumentMatches> documents;    ///< per document, in document order (with count_documents)
    /// False when the counts are estimates: without count_documents, or with code:/coder: filters that
    /// match more than a few hundred turns (then they count the turns overlapping such codings).
    bool counts_exact = false;
    std::string understood;                    ///< the query as Kodex read it
    std::vector<std::string> notes;            ///< e.g. a wildcard that matched too many words
};

enum class AutocodeScope { Hit, Sentence, Turn };

struct AutocodeRequest {
    std::string query;
    CodeId code;
    AutocodeScope scope = AutocodeScope::Hit;
    /// Only these hits (0-based, in the order `search` lists them with `sort`); empty = all hits.
    std::vector<std::size_t> only;
    SearchSort sort = SearchSort::Relevance;
    bool exact_forms = false;
};

struct AutocodeReport {
    std::size_t hits = 0;                      ///< hits the code was applied for
    std::vector<CodingId> added;
    int duplicates = 0;                        ///< passages that already had this coding (not added again)
    std::string label;                         ///< the undo label
};

struct IndexStatus {
    enum class Action { None, Updated, Rebuilt };
    Action action = Action::None;
    std::size_t documents_indexed = 0;         ///< documents (re)written by this call
    std::string reason;                        ///< why a rebuild happened ("missing", "damaged", ...)
};

struct IndexInfo {
    std::string path;
    std::int64_t documents = 0;
    std::int64_t turns = 0;                    ///< Xapian documents
    std::int64_t bytes = 0;                    ///< size on disk
    SearchLanguage language = SearchLanguage::German;
};

/// The search language of a project (stored in its settings; German unless set).
SearchLanguage search_language(Session& session);
/// Changes the search language; the index is rebuilt on the next search. Not undoable.
void set_search_language(Session& session, SearchLanguage language);

class SearchIndex {
public:
    explicit SearchIndex(Session& session);
    ~SearchIndex();
    SearchIndex(const SearchIndex&) = delete;
    SearchIndex& operator=(const SearchIndex&) = delete;

    /// "<project>-index": the directory beside the project file.
    static std::string index_path(const std::string& project_path);

    /// Brings the index up to date with the project; cheap when nothing changed.
    IndexStatus ensure_fresh(const Progress& progress = {}, const CancelToken* cancel = nullptr);
    /// Throws the index away and builds it again.
    IndexStatus rebuild(const Progress& progress = {}, const CancelToken* cancel = nullptr);
    /// Searches (after ensure_fresh). Throws InvalidArgument for a query it cannot read.
    SearchResult search(const SearchQuery& query, const Progress& progress = {});
    /// Applies a code to the hits of a query as one undoable action; existing identical codings are skipped.
    AutocodeReport autocode(const AutocodeRequest& request);
    IndexInfo info();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// One-off search without keeping the index open (the CLI's case).
SearchResult search(Session& session, const SearchQuery& query, const Progress& progress = {});
/// One-off auto-coding.
AutocodeReport autocode(Session& session, const AutocodeRequest& request);

}  // namespace kodex
