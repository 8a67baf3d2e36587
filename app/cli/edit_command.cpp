// SPDX-License-Identifier: GPL-3.0-or-later
// `kodex-cli edit`: replaces a range of a document's text; codings, turns and page starts follow
// (core/edit/text_edit.h).
#include <iostream>

#include "app/cli/common.h"
#include "core/errors.h"

namespace kodex::cli {

namespace {

const char* policy_name(SwallowedPolicy p) {
    switch (p) {
    case SwallowedPolicy::Drop: return "drop";
    case SwallowedPolicy::Keep: return "keep";
    case SwallowedPolicy::Refuse: break;
    }
    return "refuse";
}

json moves_json(Session& s, const std::vector<CodingMove>& moves) {
    json out = json::array();
    for (const CodingMove& m : moves)
        out.push_back({{"id", m.id.value},
                       {"code", s.code_path(m.code)},
                       {"before", {m.before.start, m.before.end}},
                       {"after", {m.after.start, m.after.end}}});
    return out;
}

void print_moves(Session& s, const char* what, const std::vector<CodingMove>& moves, std::ostream& out) {
    for (const CodingMove& m : moves)
        out << "  " << what << " coding " << m.id.value << " (" << s.code_path(m.code) << ") " << m.before.start << ":"
            << m.before.end << " -> " << m.after.start << ":" << m.after.end << "\n";
}

void print_report(Session& s, const EditReport& r, bool dry_run, bool as_json) {
    if (as_json) {
        json reps = json::array();
        for (const TextReplacement& x : r.replacements) reps.push_back({{"start", x.start}, {"end", x.end}, {"text", x.text}});
        json merged = json::array();
        for (const CodingMerge& m : r.merged) merged.push_back({{"removed", m.removed.value}, {"into", m.into.value}});
        print_json({{"document", r.document.value},
                    {"name", r.document_name},
                    {"dry_run", dry_run},
                    {"applied", r.applied},
                    {"text_changed", r.text_changed},
                    {"replacements", reps},
                    {"old_length", r.old_length},
                    {"new_length", r.new_length},
                    {"moved", moves_json(s, r.moved)},
                    {"grown", moves_json(s, r.grown)},
                    {"swallowed", moves_json(s, r.swallowed)},
                    {"swallowed_policy", policy_name(r.policy)},
                    {"swallowed_kept", r.swallowed_kept},
                    {"merged", merged},
                    {"turns_before", r.turns_before},
                    {"turns_after", r.turns_after},
                    {"pages_moved", r.pages_moved}});
        return;
    }
    if (!r.text_changed) {
        std::cout << "'" << r.document_name << "': the new text equals the old; nothing changed\n";
        return;
    }
    std::cout << (dry_run ? "would edit '" : "edited '") << r.document_name << "': " << r.old_length << " -> "
              << r.new_length << " characters; " << r.moved.size() << " codings moved, " << r.grown.size() << " grown, "
              << r.swallowed.size() << " inside the replaced text"
              << (r.swallowed.empty() ? "" : r.swallowed_kept ? " (kept)" : dry_run ? "" : " (dropped)") << "; turns "
              << r.turns_before << " -> " << r.turns_after << "\n";
    print_moves(s, "grown", r.grown, std::cout);
    print_moves(s, r.swallowed_kept ? "kept" : dry_run ? "inside" : "dropped", r.swallowed, std::cout);
    for (const CodingMerge& m : r.merged)
        std::cout << "  coding " << m.removed.value << " now equals coding " << m.into.value << " and is merged into it\n";
}

}  // namespace

void add_edit_command(CLI::App& app, Context& context) {
    struct Args {
        std::string project, doc, range, text, file;
        bool keep = false, drop = false, dry_run = false;
    };
    auto args = std::make_shared<Args>();
    auto* edit = app.add_subcommand("edit", "Replace a range of a document's text; codings, turns and pages follow");
    edit->add_option("project", args->project, "Project file (*.kodex)")->required();
    edit->add_option("doc", args->doc, "Document name or #id")->required();
    edit->add_option("--range", args->range, "START:END in characters (half-open) to replace")->required();
    auto* otext = edit->add_option("--text", args->text, "The new text (may be empty: deletes the range)");
    auto* ofile = edit->add_option("--file", args->file, "Read the new text from a UTF-8 file (taken as it is)");
    otext->excludes(ofile);
    auto* okeep = edit->add_flag("--keep-swallowed", args->keep, "Codings entirely inside the range cover the new text");
    auto* odrop = edit->add_flag("--drop-swallowed", args->drop, "Codings entirely inside the range are removed");
    okeep->excludes(odrop);
    edit->add_flag("--dry-run", args->dry_run, "Report what would happen and change nothing");
    edit->callback([args, otext, ofile, &context] {
        const Options& o = context.options;
        if (!*otext && !*ofile) throw InvalidArgument("give the new text with --text TEXT or --file FILE");
        const std::string text = *ofile ? read_text_file(args->file) : args->text;
        const TextRange range = parse_range(args->range);
        const SwallowedPolicy policy = args->keep   ? SwallowedPolicy::Keep
                                       : args->drop ? SwallowedPolicy::Drop
                                                    : SwallowedPolicy::Refuse;
        auto s = open_project(args->project, o, args->dry_run);
        const DocumentId doc = s->find_document(args->doc);
        const EditReport preview = s->preview_edit(doc, range, text, policy);
        if (args->dry_run) return print_report(*s, preview, true, o.json);
        if (!preview.swallowed.empty() && policy == SwallowedPolicy::Refuse) {
            print_moves(*s, "inside", preview.swallowed, std::cerr);
            throw InvalidArgument(std::to_string(preview.swallowed.size()) +
                                  " coding(s) lie entirely inside the replaced text; nothing was changed. Use "
                                  "--drop-swallowed to remove them or --keep-swallowed to keep them on the new text");
        }
        print_report(*s, s->edit_text(doc, range, text, policy), false, o.json);
    });
}

}  // namespace kodex::cli
