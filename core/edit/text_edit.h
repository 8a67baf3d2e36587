// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Editing a document's stored text: spans of the text are replaced, and everything that points into the text
// follows the EditMap (core/edit/edit_map.h): codings, the turns (parsed again from the new text, as the import
// did, or moved by the map for subtitles, whose turns and times come from the cues), and the page starts of
// paged sources. Memos hang on ids, not positions, and stay. The search index notices the new content hash.
//
// All SQL of an edit is here; Session::edit_text runs it as one undoable action, Session::preview_edit without
// writing. The caller owns the transaction.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/edit/edit_map.h"
#include "core/model/ids.h"
#include "core/model/text_range.h"

namespace kodex {

class Db;

/// What happens to codings that lie entirely inside a replaced span (none of their characters survive).
enum class SwallowedPolicy {
    Refuse,  ///< nothing is changed and InvalidArgument lists them, so the user can choose (the default)
    Drop,    ///< they are removed with their memos
    Keep,    ///< they cover the replacement; refused (InvalidArgument) when the replacement is empty
};

struct CodingMove {
    CodingId id;
    CodeId code;
    TextRange before;
    TextRange after;  ///< for a dropped swallowed coding: where the replacement is
};

struct CodingMerge {
    CodingId removed;  ///< mapped onto the same range as `into` (same code and coder): removed, its memo joined
    CodingId into;
};

struct EditReport {
    DocumentId document;
    std::string document_name;
    std::vector<TextReplacement> replacements;  ///< as applied: normalised, in old positions
    std::int64_t old_length = 0;
    std::int64_t new_length = 0;
    std::vector<CodingMove> moved;      ///< shifted, same characters
    std::vector<CodingMove> grown;      ///< overlapped a replaced span: now cover the replacement
    std::vector<CodingMove> swallowed;  ///< entirely inside a replaced span
    std::vector<CodingMerge> merged;
    SwallowedPolicy policy = SwallowedPolicy::Refuse;
    bool swallowed_kept = false;        ///< the swallowed codings were kept (cover the replacement)
    std::int64_t turns_before = 0;
    std::int64_t turns_after = 0;
    std::int64_t pages_moved = 0;
    bool text_changed = false;
    bool applied = false;               ///< false for a preview (or an edit that changed nothing)
};

/// Replaces `range` of a document's text with `replacement` (UTF-8; normalised to NFC and LF). When joining
/// the replacement to its neighbours changes their normal form (a combining mark after a base letter), the
/// replaced span widens to the characters that change. Throws InvalidArgument for invalid UTF-8, a range
/// outside the text (naming the range and the length), an unknown document, and swallowed codings under
/// Refuse (or under Keep with an empty replacement), except when only previewing (`write` false).
EditReport edit_document_text(Db& db, DocumentId doc, TextRange range, std::string_view replacement,
                              SwallowedPolicy policy, bool write);

/// The same for several non-overlapping replacements in old positions (the teamwork merge's case).
EditReport edit_document_text(Db& db, DocumentId doc, std::vector<TextReplacement> replacements,
                              SwallowedPolicy policy, bool write);

}  // namespace kodex
