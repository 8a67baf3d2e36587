// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/edit/text_edit.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include "core/errors.h"
#include "core/model/document.h"
#include "core/store/page_table.h"
#include "core/store/sqlite_util.h"
#include "core/text/transcript_parse.h"
#include "core/text/unicode.h"

namespace kodex {

namespace {

std::string span_text(std::int64_t s, std::int64_t e) { return std::to_string(s) + ":" + std::to_string(e); }

struct CodingRow {
    CodingId id;
    CodeId code;
    std::int64_t coder = 0;
    TextRange range;
};

std::string id_list(const std::vector<CodingMove>& moves) {
    std::string out;
    for (std::size_t i = 0; i < moves.size() && i < 20; ++i) out += (i ? ", " : "") + std::to_string(moves[i].id.value);
    if (moves.size() > 20) out += ", ...";
    return out;
}

// Subtitle documents get their turns (and the turns' times) from the cues of the source file, which the text
// no longer holds: their turns are moved by the map. Other formats parse the stored text, so parse again.
bool turns_from_source(const std::string& format) { return format == "vtt" || format == "srt"; }

std::vector<Turn> load_turns(Db& db, DocumentId doc, std::vector<std::int64_t>& ids) {
    std::vector<Turn> out;
    Stmt s(db, "SELECT id, speaker, start, body_start, end, timestamp_ms FROM turns WHERE document_id = ? ORDER BY seq");
    s.bind(1, doc.value);
    while (s.step()) {
        ids.push_back(s.col_int(0));
        out.push_back({s.col_text(1), s.col_int(2), s.col_int(3), s.col_int(4), s.col_opt_int(5)});
    }
    return out;
}

bool same_turn(const Turn& a, const Turn& b) {
    return a.speaker == b.speaker && a.start == b.start && a.body_start == b.body_start && a.end == b.end &&
           a.timestamp_ms == b.timestamp_ms;
}

// Writes the new turns over the old ones seq by seq, so unchanged turns keep their rows and the changeset
// (the undo entry) holds only what changed.
void write_turns(Db& db, DocumentId doc, const std::vector<std::int64_t>& old_ids, const std::vector<Turn>& old_turns,
                 const std::vector<Turn>& turns) {
    Stmt up(db, "UPDATE turns SET speaker = ?, start = ?, body_start = ?, end = ?, timestamp_ms = ? WHERE id = ?");
    Stmt ins(db, "INSERT INTO turns(document_id, seq, speaker, start, body_start, end, timestamp_ms) VALUES(?,?,?,?,?,?,?)");
    Stmt del(db, "DELETE FROM turns WHERE id = ?");
    for (std::size_t i = 0; i < turns.size(); ++i) {
        const Turn& t = turns[i];
        if (i < old_turns.size()) {
            if (same_turn(t, old_turns[i])) continue;
            up.reset();
            up.bind(1, t.speaker).bind(2, t.start).bind(3, t.body_start).bind(4, t.end).bind_opt(5, t.timestamp_ms);
            up.bind(6, old_ids[i]).run();
        } else {
            ins.reset();
            ins.bind(1, doc.value).bind(2, static_cast<std::int64_t>(i)).bind(3, t.speaker).bind(4, t.start);
            ins.bind(5, t.body_start).bind(6, t.end).bind_opt(7, t.timestamp_ms).run();
        }
    }
    for (std::size_t i = turns.size(); i < old_turns.size(); ++i) {
        del.reset();
        del.bind(1, old_ids[i]).run();
    }
}

std::vector<Turn> moved_turns(const std::vector<Turn>& old_turns, const EditMap& map) {
    std::vector<Turn> out;
    for (const Turn& t : old_turns) {
        Turn n = t;
        n.start = map.map_start(t.start);
        n.end = std::max(n.start, map.map_end(t.end));
        n.body_start = std::clamp(map.map_start(t.body_start), n.start, n.end);
        if (n.end == n.start && t.end > t.start) continue;  // its text was deleted
        out.push_back(std::move(n));
    }
    return out;
}

// The memo of a coding that is removed because another coding now has the same range: joined to that one's.
void join_memo(Db& db, CodingId removed, CodingId into) {
    Stmt from(db, "SELECT text FROM memos WHERE coding_id = ?");
    from.bind(1, removed.value);
    if (!from.step()) return;
    const std::string text = from.col_text(0);
    Stmt to(db, "SELECT id FROM memos WHERE coding_id = ?");
    to.bind(1, into.value);
    if (to.step()) {
        Stmt(db, "UPDATE memos SET text = text || char(10) || char(10) || ? WHERE id = ?").bind(1, text).bind(2, to.col_int(0)).run();
        Stmt(db, "DELETE FROM memos WHERE coding_id = ?").bind(1, removed.value).run();
    } else {
        Stmt(db, "UPDATE memos SET coding_id = ?, target_key = ? WHERE coding_id = ?")
            .bind(1, into.value)
            .bind(2, "coding:" + std::to_string(into.value))
            .bind(3, removed.value)
            .run();
    }
}

}  // namespace

EditReport edit_document_text(Db& db, DocumentId doc, TextRange range, std::string_view replacement,
                              SwallowedPolicy policy, bool write) {
    return edit_document_text(db, doc, std::vector<TextReplacement>{{range.start, range.end, std::string(replacement)}},
                              policy, write);
}

EditReport edit_document_text(Db& db, DocumentId doc, std::vector<TextReplacement> reps, SwallowedPolicy policy,
                              bool write) {
    EditReport report;
    report.document = doc;
    report.policy = policy;
    std::string format, old_text;
    {
        Stmt s(db, "SELECT name, format, text, length FROM documents WHERE id = ?");
        s.bind(1, doc.value);
        if (!s.step()) throw InvalidArgument("no document with id " + std::to_string(doc.value));
        report.document_name = s.col_text(0);
        format = s.col_text(1);
        old_text = s.col_text(2);
        report.old_length = s.col_int(3);
    }

    // Check and normalise the replacements.
    std::sort(reps.begin(), reps.end(), [](const TextReplacement& a, const TextReplacement& b) {
        return std::tie(a.start, a.end) < std::tie(b.start, b.end);
    });
    for (std::size_t i = 0; i < reps.size(); ++i) {
        TextReplacement& r = reps[i];
        if (r.start < 0 || r.end < r.start || r.end > report.old_length)
            throw InvalidArgument("range " + span_text(r.start, r.end) + " is outside the text of '" +
                                  report.document_name + "' (0:" + std::to_string(report.old_length) + ")");
        if (i > 0 && r.start < reps[i - 1].end)
            throw InvalidArgument("ranges " + span_text(reps[i - 1].start, reps[i - 1].end) + " and " +
                                  span_text(r.start, r.end) + " overlap");
        if (!is_valid_utf8(r.text)) throw InvalidArgument("the new text is not valid UTF-8");
        r.text = normalize_text(r.text);
    }
    std::string new_text = apply_replacements(old_text, reps);
    if (std::string normal = normalize_text(new_text); normal != new_text) {
        // The joins changed their normal form (a combining mark composed with the letter before it): one span
        // from the first replacement to the last, widened to every character that changed.
        const std::vector<TextReplacement> window = diff_texts(new_text, normal, 0);
        std::int64_t shift = 0;
        for (const TextReplacement& r : reps) shift += count_code_points(r.text) - (r.end - r.start);
        const std::int64_t start = std::min(reps.front().start, window.front().start);
        const std::int64_t spliced_end = std::max(reps.back().end + shift, window.back().end);
        const std::int64_t spliced_len = count_code_points(new_text);
        const std::int64_t normal_len = count_code_points(normal);
        const std::int64_t normal_end = spliced_end - (spliced_len - normal_len);
        reps = {{start, spliced_end - shift, substring_cp(normal, start, normal_end)}};
        new_text = std::move(normal);
    }
    // A replacement by the same text changes nothing and moves nothing.
    reps.erase(std::remove_if(reps.begin(), reps.end(),
                              [&](const TextReplacement& r) { return substring_cp(old_text, r.start, r.end) == r.text; }),
               reps.end());
    report.replacements = reps;
    report.text_changed = new_text != old_text;
    const EditMap map(replacement_lengths(reps));
    report.new_length = count_code_points(new_text);
    if (map.new_length(report.old_length) != report.new_length)
        throw Error("text edit of '" + report.document_name + "': lengths do not add up");

    // Codings.
    std::vector<CodingRow> rows;
    {
        Stmt s(db, "SELECT id, code_id, coder_id, start, end FROM codings WHERE document_id = ? ORDER BY id");
        s.bind(1, doc.value);
        while (s.step())
            rows.push_back({CodingId(s.col_int(0)), CodeId(s.col_int(1)), s.col_int(2), {s.col_int(3), s.col_int(4)}});
    }
    std::vector<std::optional<TextRange>> target(rows.size());  // nothing: removed
    bool deleted_swallowed = false;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const MappedRange m = map.map_range(rows[i].range);
        const CodingMove move{rows[i].id, rows[i].code, rows[i].range, m.range};
        switch (m.fate) {
        case RangeFate::Unchanged: target[i] = m.range; break;
        case RangeFate::Moved: report.moved.push_back(move), target[i] = m.range; break;
        case RangeFate::Grown: report.grown.push_back(move), target[i] = m.range; break;
        case RangeFate::Swallowed:
            report.swallowed.push_back(move);
            if (m.range.empty()) deleted_swallowed = true;
            if (policy == SwallowedPolicy::Keep && !m.range.empty()) target[i] = m.range;
            break;
        }
    }
    report.swallowed_kept = policy == SwallowedPolicy::Keep && !report.swallowed.empty() && !deleted_swallowed;
    if (write && !report.swallowed.empty()) {
        if (policy == SwallowedPolicy::Refuse)
            throw InvalidArgument(std::to_string(report.swallowed.size()) + " coding(s) of '" + report.document_name +
                                  "' lie entirely inside the replaced text (" + id_list(report.swallowed) +
                                  "): choose to drop them or to keep them on the new text");
        if (policy == SwallowedPolicy::Keep && deleted_swallowed)
            throw InvalidArgument("coding(s) of '" + report.document_name + "' lie inside deleted text (" +
                                  id_list(report.swallowed) +
                                  ") and cannot be kept, as a coding is never empty: drop them or widen the edit");
    }
    // Codings of one code and coder that now have the same range become one (the lowest id stays).
    std::map<std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t>, std::size_t> first;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!target[i]) continue;
        const auto key = std::make_tuple(rows[i].code.value, rows[i].coder, target[i]->start, target[i]->end);
        const auto [it, fresh] = first.emplace(key, i);
        if (!fresh) {
            report.merged.push_back({rows[i].id, rows[it->second].id});
            target[i].reset();
        }
    }

    // Turns and pages.
    std::vector<std::int64_t> turn_ids;
    const std::vector<Turn> old_turns = load_turns(db, doc, turn_ids);
    const std::vector<Turn> new_turns = turns_from_source(format) ? moved_turns(old_turns, map) : parse_turns(new_text);
    report.turns_before = static_cast<std::int64_t>(old_turns.size());
    report.turns_after = static_cast<std::int64_t>(new_turns.size());
    const std::vector<std::int64_t> old_pages = load_page_starts(db, doc);
    std::vector<std::int64_t> new_pages;
    for (std::int64_t p : old_pages) {
        new_pages.push_back(map.map_start(p));
        if (new_pages.back() != p) ++report.pages_moved;
    }
    if (!write || !report.text_changed) return report;

    Stmt(db, "UPDATE documents SET text = ?, length = ?, content_hash = ? WHERE id = ?")
        .bind(1, new_text)
        .bind(2, report.new_length)
        .bind(3, sha256_hex(new_text))
        .bind(4, doc.value)
        .run();
    for (const CodingMerge& m : report.merged) join_memo(db, m.removed, m.into);
    {
        Stmt del_memo(db, "DELETE FROM memos WHERE coding_id = ?");
        Stmt del(db, "DELETE FROM codings WHERE id = ?");
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (target[i]) continue;
            del_memo.reset();
            del_memo.bind(1, rows[i].id.value).run();
            del.reset();
            del.bind(1, rows[i].id.value).run();
        }
    }
    {
        // Two passes, so that no row meets another's old range on the way (UNIQUE on document, code, coder
        // and range): first far beyond any text, then to the new place. The changeset keeps only the net change.
        constexpr std::int64_t kFar = std::int64_t(1) << 40;
        Stmt up(db, "UPDATE codings SET start = ?, end = ? WHERE id = ?");
        for (int pass = 0; pass < 2; ++pass) {
            for (std::size_t i = 0; i < rows.size(); ++i) {
                if (!target[i] || *target[i] == rows[i].range) continue;
                const TextRange r = pass == 0 ? TextRange{rows[i].range.start + kFar, rows[i].range.end + kFar} : *target[i];
                up.reset();
                up.bind(1, r.start).bind(2, r.end).bind(3, rows[i].id.value).run();
            }
        }
    }
    write_turns(db, doc, turn_ids, old_turns, new_turns);
    if (new_pages != old_pages) {
        delete_page_starts(db, doc);
        insert_page_starts(db, doc, new_pages);
    }
    report.applied = true;
    return report;
}

}  // namespace kodex
