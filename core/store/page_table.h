// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The `pages` table (schema 3): where each page of a document from a paged source (PDF) starts in its stored
// text. All SQL on that table is here; Session and the consistency check call these.
#include <cstdint>
#include <vector>

#include "core/model/ids.h"

namespace kodex {

class Db;

/// Stores the page starts of a new document (page 1 first). Nothing is written for an empty list.
void insert_page_starts(Db& db, DocumentId doc, const std::vector<std::int64_t>& starts);
/// The page starts of a document, page 1 first; empty for a document without pages.
std::vector<std::int64_t> load_page_starts(Db& db, DocumentId doc);
/// Deletes a document's pages (explicitly, so an undo changeset holds them).
void delete_page_starts(Db& db, DocumentId doc);

}  // namespace kodex
