// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/page_table.h"

#include "core/store/sqlite_util.h"

namespace kodex {

void insert_page_starts(Db& db, DocumentId doc, const std::vector<std::int64_t>& starts) {
    if (starts.empty()) return;
    Stmt ins(db, "INSERT INTO pages(document_id, page, start) VALUES(?, ?, ?)");
    for (std::size_t i = 0; i < starts.size(); ++i) {
        ins.reset();
        ins.bind(1, doc.value).bind(2, static_cast<std::int64_t>(i + 1)).bind(3, starts[i]).run();
    }
}

std::vector<std::int64_t> load_page_starts(Db& db, DocumentId doc) {
    std::vector<std::int64_t> starts;
    Stmt s(db, "SELECT start FROM pages WHERE document_id = ? ORDER BY page");
    s.bind(1, doc.value);
    while (s.step()) starts.push_back(s.col_int(0));
    return starts;
}

void delete_page_starts(Db& db, DocumentId doc) {
    Stmt(db, "DELETE FROM pages WHERE document_id = ?").bind(1, doc.value).run();
}

}  // namespace kodex
