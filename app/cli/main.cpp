// SPDX-License-Identifier: GPL-3.0-or-later
// kodex-cli: the command line face of Kodex. Every subcommand is a thin layer over kodex::Session, the
// same calls the editor makes. `--json` prints machine-readable output on stdout.
//
// Exit codes:
//   0  success
//   1  user error: bad arguments, unknown document or code, range outside the text, nothing to undo
//   2  data error: a file is broken or not what it claims (bad encoding, malformed XML, not a Kodex project,
//      damaged project, project from a newer Kodex); with several files, nothing was imported
//   3  input/output error: a file cannot be read or written
//   4  the project is locked by another program
//   5  partial success: --keep-going imported the good files and reports the bad ones
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

#include "core/errors.h"
#include "core/import/variable_table.h"
#include "core/sample_study.h"
#include "core/store/consistency.h"
#include "core/store/restore.h"
#include "core/session.h"
#include "core/text/transcript_parse.h"
#include "core/text/unicode.h"

#include "app/cli/common.h"

using namespace kodex;
using namespace kodex::cli;

namespace {


// Memo targets come from one of four options.
struct MemoTargetArgs {
    bool project = false;
    std::string doc, code;
    std::int64_t coding = 0;
};

std::pair<MemoTarget, std::int64_t> resolve_memo_target(Session& s, const MemoTargetArgs& a) {
    const int n = (a.project ? 1 : 0) + (!a.doc.empty() ? 1 : 0) + (!a.code.empty() ? 1 : 0) + (a.coding ? 1 : 0);
    if (n != 1) throw InvalidArgument("name exactly one memo target: --project, --doc DOC, --code PATH or --coding ID");
    if (a.project) return {MemoTarget::Project, 0};
    if (!a.doc.empty()) return {MemoTarget::Document, s.find_document(a.doc).value};
    if (!a.code.empty()) return {MemoTarget::Code, s.find_code(a.code).value};
    s.coding(CodingId(a.coding));
    return {MemoTarget::Coding, a.coding};
}

void print_import_report(const ImportReport& r, bool as_json) {
    if (as_json) {
        json j{{"imported", json::array()}, {"duplicates", json::array()}, {"failed", json::array()}};
        for (const auto& i : r.imported)
            j["imported"].push_back({{"file", i.path}, {"document", i.name}, {"id", i.id.value}, {"format", i.format},
                                     {"encoding", i.encoding}, {"turns", i.turns}, {"length", i.length}, {"notes", i.notes}});
        for (const auto& d : r.duplicates) j["duplicates"].push_back({{"file", d.path}, {"reason", d.reason}});
        for (const auto& f : r.failed) j["failed"].push_back({{"file", f.path}, {"reason", f.reason}});
        j["backup"] = r.backup.empty() ? json(nullptr) : json(r.backup);
        print_json(j);
        return;
    }
    for (const auto& i : r.imported) {
        std::cout << "imported  " << i.name << "  (" << i.format << ", " << i.encoding << ", " << i.turns << " turns, "
                  << i.length << " characters)\n";
        for (const auto& n : i.notes) std::cout << "          note: " << n << "\n";
    }
    for (const auto& d : r.duplicates) std::cout << "skipped   " << d.path << ": " << d.reason << "\n";
    for (const auto& f : r.failed) std::cerr << "failed    " << f.reason << "\n";
    if (!r.failed.empty() && r.imported.empty() && r.duplicates.empty())
        std::cerr << "nothing was imported; fix the file, leave it out, or use --keep-going\n";
}

int run(int argc, char** argv) {
    CLI::App app{"kodex-cli: qualitative interview coding from the command line"};
    app.require_subcommand(1);
    // Global options are taken after the subcommand too (`kodex-cli docs STUDY.kodex --json`): subcommands
    // made from here on pass the options they do not know up to the app.
    app.fallthrough();
    Context context;
    Options& o = context.options;
    int& exit_code = context.exit_code;
    app.add_flag("--json", o.json, "Print machine-readable JSON");
    app.add_option("--coder", o.coder, "Coder name for new codings (default: $KODEX_CODER or the user name)");

    // init
    std::string project;
    auto* init = app.add_subcommand("init", "Create a new, empty project file");
    init->add_option("project", project, "Project file (*.kodex)")->required();
    init->callback([&] {
        auto s = Session::create(project);
        if (o.json) print_json({{"project", s->path()}});
        else std::cout << "created " << s->path() << "\n";
    });

    // import
    std::vector<std::string> files;
    ImportRequest req;
    auto* imp = app.add_subcommand("import", "Import transcripts (txt, docx, odt, vtt, srt)");
    imp->add_option("project", project)->required();
    imp->add_option("files", files, "Transcript files")->required();
    imp->add_option("--encoding", req.options.forced_encoding, "Decode plain text files with this encoding");
    imp->add_flag("--keep-going", req.keep_going, "Import the good files even when some fail");
    imp->callback([&] {
        auto s = open_project(project, o);
        req.paths = files;
        const ImportReport r = s->import_files(req);
        print_import_report(r, o.json);
        if (!r.failed.empty()) exit_code = req.keep_going ? kPartial : kData;
    });

    // docs
    auto* docs = app.add_subcommand("docs", "List the documents");
    docs->add_option("project", project)->required();
    docs->callback([&] {
        auto s = open_project(project, o, true);
        const auto list = s->documents();
        if (o.json) {
            json j = json::array();
            for (const auto& d : list) {
                json vars = json::object();
                for (const auto& [k, v] : s->variable_values(d.id)) vars[k] = v;
                j.push_back({{"id", d.id.value}, {"guid", d.guid}, {"name", d.name}, {"file", d.source_file},
                             {"format", d.format}, {"encoding", d.encoding}, {"length", d.length}, {"turns", d.turns},
                             {"codings", d.codings}, {"imported", d.imported_at}, {"variables", vars}});
            }
            print_json(j);
            return;
        }
        for (const auto& d : list)
            std::cout << "#" << d.id.value << "  " << d.name << "  (" << d.format << ", " << d.length << " characters, "
                      << d.turns << " turns, " << d.codings << " codings)\n";
        if (list.empty()) std::cout << "no documents\n";
    });

    // show
    std::string doc_name;
    auto* show = app.add_subcommand("show", "Print a document with its turns and positions");
    show->add_option("project", project)->required();
    show->add_option("document", doc_name, "Document name or #id")->required();
    show->callback([&] {
        auto s = open_project(project, o, true);
        const Document d = s->document(s->find_document(doc_name));
        if (o.json) {
            json turns = json::array();
            for (const auto& t : d.turns) turns.push_back(turn_json(t));
            print_json({{"id", d.id.value}, {"guid", d.guid}, {"name", d.name}, {"file", d.source_file},
                        {"format", d.format}, {"encoding", d.encoding}, {"hash", d.content_hash}, {"length", d.length},
                        {"text", d.text}, {"turns", turns}});
            return;
        }
        std::cout << d.name << "  (" << d.source_file << ", " << d.format << ", " << d.encoding << ", " << d.length
                  << " characters)\n\n";
        const PositionIndex idx(d.text);
        for (const auto& t : d.turns) {
            std::cout << "[" << t.start << ":" << t.end << "]";
            if (!t.speaker.empty()) std::cout << " " << t.speaker;
            if (t.timestamp_ms) std::cout << " @" << format_timestamp(*t.timestamp_ms);
            std::cout << "\n  " << d.text.substr(idx.to_byte(t.body_start), idx.to_byte(t.end) - idx.to_byte(t.body_start))
                      << "\n\n";
        }
    });

    // codes (list, and subcommands that edit the codebook)
    auto* codes = app.add_subcommand("codes", "List the codebook with counts, or edit it");
    codes->require_subcommand(0, 1);
    std::string codes_project;
    codes->add_option("project", codes_project, "Project file (to list the codebook)");
    std::string path, path2, color, definition, anchor, rule, to_parent, codings_mode;
    int position = -1;
    bool to_top = false;
    auto want_project = [](CLI::App* c, std::string& p) { c->add_option("project", p)->required(); };

    auto* cadd = codes->add_subcommand("add", "Add a code (parents must exist)");
    want_project(cadd, project);
    cadd->add_option("path", path, "Code path, e.g. 'Resilienz/Krisenmanagement'")->required();
    cadd->add_option("--color", color, "#RRGGBB");
    cadd->add_option("--definition", definition);
    cadd->add_option("--anchor", anchor, "Anchor example");
    cadd->add_option("--rule", rule, "Coding rule");
    cadd->callback([&] {
        auto s = open_project(project, o);
        auto parts = split_code_path(path);
        const std::string name = parts.back();
        parts.pop_back();
        std::string parent_path;
        for (const auto& p : parts) parent_path += (parent_path.empty() ? "" : "/") + escape_code_name(p);
        const CodeId parent = parent_path.empty() ? CodeId() : s->find_code(parent_path);
        const CodeId id = s->add_code(parent, name, color, {definition, anchor, rule});
        if (o.json) print_json({{"id", id.value}, {"code", s->code_path(id)}});
        else std::cout << "added " << s->code_path(id) << "\n";
    });
    auto* cren = codes->add_subcommand("rename", "Rename a code");
    want_project(cren, project);
    cren->add_option("path", path)->required();
    cren->add_option("name", path2, "New name")->required();
    cren->callback([&] {
        auto s = open_project(project, o);
        const CodeId id = s->find_code(path);
        s->rename_code(id, path2);
        std::cout << (o.json ? json{{"code", s->code_path(id)}}.dump(2) : "renamed to " + s->code_path(id)) << "\n";
    });
    auto* ccol = codes->add_subcommand("color", "Change a code's colour");
    want_project(ccol, project);
    ccol->add_option("path", path)->required();
    ccol->add_option("color", color, "#RRGGBB")->required();
    ccol->callback([&] {
        auto s = open_project(project, o);
        s->set_code_color(s->find_code(path), color);
    });
    auto* cdesc = codes->add_subcommand("describe", "Set a code's definition, anchor example and coding rule");
    want_project(cdesc, project);
    cdesc->add_option("path", path)->required();
    auto* odef = cdesc->add_option("--definition", definition);
    auto* oanc = cdesc->add_option("--anchor", anchor);
    auto* orul = cdesc->add_option("--rule", rule);
    cdesc->callback([&] {
        auto s = open_project(project, o);
        const CodeId id = s->find_code(path);
        CodeDescription d = s->code(id).description;
        if (*odef) d.definition = definition;
        if (*oanc) d.anchor_example = anchor;
        if (*orul) d.coding_rule = rule;
        s->set_code_description(id, d);
    });
    auto* cmove = codes->add_subcommand("move", "Move a code under another parent or to another place");
    want_project(cmove, project);
    cmove->add_option("path", path)->required();
    cmove->add_option("--to", to_parent, "New parent code path");
    cmove->add_flag("--top", to_top, "Move to the top level");
    cmove->add_option("--position", position, "Place among the new siblings (0 = first; default last)");
    cmove->callback([&] {
        auto s = open_project(project, o);
        const CodeId id = s->find_code(path);
        if (to_top == !to_parent.empty() && !(position >= 0 && !to_top && to_parent.empty()))
            throw InvalidArgument("say where to: --to PARENT, --top, or only --position N to reorder");
        CodeId parent = s->code(id).parent;
        if (to_top) parent = CodeId();
        else if (!to_parent.empty()) parent = s->find_code(to_parent);
        s->move_code(id, parent, position);
        std::cout << (o.json ? json{{"code", s->code_path(id)}}.dump(2) : "moved to " + s->code_path(id)) << "\n";
    });
    auto* cmerge = codes->add_subcommand("merge", "Merge a code into another: its codings move to the target");
    want_project(cmerge, project);
    cmerge->add_option("source", path)->required();
    cmerge->add_option("target", path2)->required();
    cmerge->callback([&] {
        auto s = open_project(project, o);
        s->merge_codes(s->find_code(path), s->find_code(path2));
    });
    auto* cdel = codes->add_subcommand("delete", "Delete a code and its subcodes");
    want_project(cdel, project);
    cdel->add_option("path", path)->required();
    cdel->add_option("--codings", codings_mode, "What happens to its codings: delete | move-to-parent")
        ->check(CLI::IsMember({"delete", "move-to-parent"}));
    cdel->callback([&] {
        auto s = open_project(project, o);
        const DeleteCodings mode = codings_mode == "delete"           ? DeleteCodings::Delete
                                   : codings_mode == "move-to-parent" ? DeleteCodings::MoveToParent
                                                                      : DeleteCodings::Refuse;
        s->delete_code(s->find_code(path), mode);
    });
    codes->callback([&] {
        if (!codes->get_subcommands().empty()) return;
        if (codes_project.empty()) throw CLI::RequiredError("project");
        auto s = open_project(codes_project, o, true);
        const auto list = s->codes();
        if (o.json) {
            json j = json::array();
            for (const auto& c : list)
                j.push_back({{"id", c.code.id.value}, {"guid", c.code.guid}, {"name", c.code.name}, {"path", c.path},
                             {"parent", c.code.parent.valid() ? json(c.code.parent.value) : json(nullptr)},
                             {"depth", c.depth}, {"color", c.code.color}, {"codable", c.code.codable},
                             {"definition", c.code.description.definition},
                             {"anchor_example", c.code.description.anchor_example},
                             {"coding_rule", c.code.description.coding_rule}, {"codings", c.codings},
                             {"documents", c.documents}});
            print_json(j);
            return;
        }
        for (const auto& c : list)
            std::cout << std::string(static_cast<std::size_t>(c.depth) * 2, ' ') << c.code.name << "  [" << c.code.color
                      << "]  " << c.codings << " codings in " << c.documents << " documents\n";
        if (list.empty()) std::cout << "the codebook is empty\n";
    });

    // codebook import/export
    auto* cb = app.add_subcommand("codebook", "Import or export the codebook as REFI-QDA .qdc");
    cb->require_subcommand(1);
    std::string file;
    auto* cbi = cb->add_subcommand("import", "Add the codes of a .qdc file (codes already there are updated)");
    want_project(cbi, project);
    cbi->add_option("file", file)->required();
    cbi->callback([&] {
        auto s = open_project(project, o);
        const auto r = s->import_codebook(file);
        if (o.json) print_json({{"added", r.added}, {"updated", r.updated}, {"unchanged", r.unchanged}, {"warnings", r.warnings}});
        else {
            std::cout << r.added << " codes added, " << r.updated << " updated, " << r.unchanged << " unchanged\n";
            for (const auto& w : r.warnings) std::cout << "warning: " << w << "\n";
        }
    });
    auto* cbe = cb->add_subcommand("export", "Write the codebook as a .qdc file");
    want_project(cbe, project);
    cbe->add_option("file", file)->required();
    cbe->callback([&] {
        auto s = open_project(project, o, true);
        s->export_codebook(file);
        if (!o.json) std::cout << "wrote " << file << "\n";
        else print_json({{"file", file}});
    });

    // code / uncode / recode
    std::string range_text, quote;
    int occurrence = 0;
    auto* code = app.add_subcommand("code", "Apply a code to a range or to an exact quote of a document");
    want_project(code, project);
    code->add_option("--doc", doc_name, "Document name or #id")->required();
    code->add_option("--code", path, "Code path")->required();
    auto* orange = code->add_option("--range", range_text, "START:END in characters (half-open)");
    auto* oquote = code->add_option("--quote", quote, "Exact text to code (must occur once, or give --occurrence)");
    orange->excludes(oquote);
    code->add_option("--occurrence", occurrence, "Which occurrence of --quote (1 = first)");
    code->callback([&] {
        auto s = open_project(project, o);
        const DocumentId doc = s->find_document(doc_name);
        const CodeId cid = s->find_code(path);
        TextRange r;
        if (*orange) {
            r = parse_range(range_text);
        } else if (*oquote) {
            const Document d = s->document(doc);
            const std::string q = normalize_text(quote);
            if (q.empty()) throw InvalidArgument("--quote is empty");
            const auto hits = find_all_cp(d.text, q);
            const auto len = count_code_points(q);
            if (hits.empty()) throw InvalidArgument("the quote does not occur in '" + d.name + "'");
            if (occurrence > 0) {
                if (static_cast<std::size_t>(occurrence) > hits.size())
                    throw InvalidArgument("the quote occurs only " + std::to_string(hits.size()) + " times in '" + d.name + "'");
                r = {hits[static_cast<std::size_t>(occurrence - 1)], hits[static_cast<std::size_t>(occurrence - 1)] + len};
            } else if (hits.size() > 1) {
                std::string where;
                for (std::size_t i = 0; i < hits.size() && i < 5; ++i)
                    where += (i ? ", " : "") + std::to_string(hits[i]) + ":" + std::to_string(hits[i] + len);
                throw InvalidArgument("the quote occurs " + std::to_string(hits.size()) + " times in '" + d.name + "' (" + where +
                                      (hits.size() > 5 ? ", ..." : "") + "); use --range or --occurrence N");
            } else {
                r = {hits[0], hits[0] + len};
            }
        } else {
            throw InvalidArgument("give --range START:END or --quote TEXT");
        }
        const CodingId id = s->apply_code(doc, cid, r);
        const CodingView v = s->coding(id);
        if (o.json) print_json(coding_json(v));
        else std::cout << "coded " << v.document_name << " " << r.start << ":" << r.end << " with " << v.code_path << ": \""
                       << v.text << "\"\n";
    });
    std::int64_t coding_id = 0;
    auto* uncode = app.add_subcommand("uncode", "Remove a coding");
    want_project(uncode, project);
    uncode->add_option("id", coding_id, "Coding id (see `codings`)")->required();
    uncode->callback([&] {
        auto s = open_project(project, o);
        s->remove_coding(CodingId(coding_id));
        if (!o.json) std::cout << "removed coding " << coding_id << "\n";
    });
    auto* recode = app.add_subcommand("recode", "Change the range of a coding");
    want_project(recode, project);
    recode->add_option("id", coding_id)->required();
    recode->add_option("--range", range_text, "START:END")->required();
    recode->callback([&] {
        auto s = open_project(project, o);
        s->set_coding_range(CodingId(coding_id), parse_range(range_text));
        const CodingView v = s->coding(CodingId(coding_id));
        if (o.json) print_json(coding_json(v));
        else std::cout << "coding " << coding_id << " now " << v.coding.range.start << ":" << v.coding.range.end << "\n";
    });

    // codings
    bool subcodes = false;
    std::string coder_filter;
    auto* cods = app.add_subcommand("codings", "List coded segments");
    want_project(cods, project);
    cods->add_option("--code", path, "Only this code");
    cods->add_flag("--subcodes", subcodes, "With --code: include its subcodes");
    cods->add_option("--doc", doc_name, "Only this document");
    cods->add_option("--by", coder_filter, "Only this coder");
    cods->callback([&] {
        auto s = open_project(project, o, true);
        CodingFilter f;
        if (!path.empty()) f.codes.push_back(s->find_code(path));
        f.include_subcodes = subcodes;
        if (!doc_name.empty()) f.documents.push_back(s->find_document(doc_name));
        if (!coder_filter.empty()) f.coder = coder_filter;
        const auto list = s->codings(f);
        if (o.json) {
            json j = json::array();
            for (const auto& v : list) j.push_back(coding_json(v));
            print_json(j);
            return;
        }
        for (const auto& v : list)
            std::cout << "#" << v.coding.id.value << "  " << v.document_name << " " << v.coding.range.start << ":"
                      << v.coding.range.end << (v.page.empty() ? "" : " " + v.page) << "  " << v.code_path << "  ("
                      << v.coder_name << ")\n    \"" << v.text << "\"\n";
        if (list.empty()) std::cout << "no codings\n";
    });

    // variables
    auto* var = app.add_subcommand("var", "Document variables");
    var->alias("variables");
    var->require_subcommand(1);
    std::string var_name, var_value, var_type;
    auto* vdef = var->add_subcommand("define", "Define a typed variable");
    want_project(vdef, project);
    vdef->add_option("name", var_name)->required();
    vdef->add_option("--type", var_type, "text | integer | decimal | date | boolean")->required();
    vdef->callback([&] {
        auto s = open_project(project, o);
        s->define_variable(var_name, variable_type_from_string(var_type));
    });
    auto* vset = var->add_subcommand("set", "Set a document's variable (an empty value clears it)");
    want_project(vset, project);
    vset->add_option("document", doc_name)->required();
    vset->add_option("name", var_name)->required();
    vset->add_option("value", var_value)->required();
    vset->add_option("--type", var_type, "Define the variable with this type when it is new");
    vset->callback([&] {
        auto s = open_project(project, o);
        const DocumentId d = s->find_document(doc_name);
        // One action: a new variable is defined with its type and its first value together.
        std::optional<VariableType> type;
        if (!var_type.empty()) type = variable_type_from_string(var_type);
        s->set_variable(d, var_name, var_value, type);
    });
    std::string key_column;
    auto* vimp = var->add_subcommand("import", "Set document variables from a CSV table (survey export)");
    want_project(vimp, project);
    vimp->add_option("file", file, "CSV file: comma, semicolon or tab; UTF-8 or Windows-1252")->required();
    vimp->add_option("--key", key_column, "Column whose values are document names (or a variable's values)")->required();
    vimp->callback([&] {
        auto s = open_project(project, o);
        const VariableTable table = read_variable_table(file);
        const auto r = s->import_variables(table, key_column,
                                           ActionLabel(labels::kImportVariables, {std::filesystem::path(file).filename().string()}));
        if (o.json) {
            json cols = json::array();
            for (const auto& c : r.columns) cols.push_back({{"name", c.name}, {"type", c.type}, {"new", c.is_new}});
            print_json({{"columns", cols}, {"matched_rows", r.matched_rows}, {"values_set", r.values_set},
                        {"unmatched_rows", r.unmatched_rows}, {"documents_without_row", r.documents_without_row},
                        {"problems", r.problems}, {"encoding", table.encoding}});
        } else {
            std::cout << r.matched_rows << " rows matched, " << r.values_set << " values set (" << table.encoding << ")\n";
            for (const auto& c : r.columns) std::cout << "  " << c.name << ": " << c.type << (c.is_new ? " (new)" : "") << "\n";
            for (const auto& u : r.unmatched_rows) std::cout << "no document for row '" << u << "'\n";
            for (const auto& d : r.documents_without_row) std::cout << "no row for document '" << d << "'\n";
            for (const auto& p : r.problems) std::cout << "not set: " << p << "\n";
        }
        if (!r.problems.empty() || !r.unmatched_rows.empty()) exit_code = kPartial;
    });
    auto* vlist = var->add_subcommand("list", "List variables and values");
    want_project(vlist, project);
    vlist->add_option("document", doc_name, "Only this document");
    vlist->callback([&] {
        auto s = open_project(project, o, true);
        json j{{"variables", json::array()}, {"values", json::object()}};
        for (const auto& v : s->variables()) j["variables"].push_back({{"name", v.name}, {"type", to_string(v.type)}});
        for (const auto& d : s->documents()) {
            if (!doc_name.empty() && d.id != s->find_document(doc_name)) continue;
            json vals = json::object();
            for (const auto& [k, v] : s->variable_values(d.id)) vals[k] = v;
            j["values"][d.name] = vals;
        }
        if (o.json) return print_json(j);
        for (const auto& v : j["variables"]) std::cout << v["name"].get<std::string>() << " (" << v["type"].get<std::string>() << ")\n";
        for (const auto& [docname, vals] : j["values"].items()) {
            std::cout << docname << ":";
            for (const auto& [k, v] : vals.items()) std::cout << "  " << k << "=" << v.get<std::string>();
            std::cout << "\n";
        }
    });

    // memos
    auto* memo = app.add_subcommand("memo", "Memos on the project, a document, a code or a coding");
    memo->require_subcommand(1);
    MemoTargetArgs mt;
    std::string memo_text, memo_file;
    auto add_target = [&](CLI::App* c) {
        c->add_flag("--project", mt.project, "The project memo");
        c->add_option("--doc", mt.doc, "A document's memo");
        c->add_option("--code", mt.code, "A code's memo");
        c->add_option("--coding", mt.coding, "A coding's memo (coding id)");
    };
    auto* mset = memo->add_subcommand("set", "Write a memo (empty text removes it)");
    want_project(mset, project);
    add_target(mset);
    auto* otext = mset->add_option("text", memo_text);
    auto* ofile = mset->add_option("--file", memo_file, "Read the memo text from a UTF-8 file");
    otext->excludes(ofile);
    mset->callback([&] {
        auto s = open_project(project, o);
        const auto [t, id] = resolve_memo_target(*s, mt);
        if (!*otext && !*ofile) throw InvalidArgument("give the memo text or --file FILE");
        s->set_memo(t, id, *ofile ? read_text_file(memo_file) : memo_text);
    });
    auto* mshow = memo->add_subcommand("show", "Print a memo");
    want_project(mshow, project);
    add_target(mshow);
    mshow->callback([&] {
        auto s = open_project(project, o, true);
        const auto [t, id] = resolve_memo_target(*s, mt);
        const auto m = s->memo(t, id);
        if (o.json) print_json(m ? json{{"text", m->text}, {"modified", m->modified_at}, {"guid", m->guid}} : json(nullptr));
        else std::cout << (m ? m->text : "(no memo)") << "\n";
    });

    // undo / redo / backups
    auto* undo = app.add_subcommand("undo", "Undo the last action");
    want_project(undo, project);
    undo->callback([&] {
        auto s = open_project(project, o);
        const std::string l = s->undo().english();
        if (o.json) print_json({{"undone", l}});
        else std::cout << "undone: " << l << "\n";
    });
    auto* redo = app.add_subcommand("redo", "Redo the last undone action");
    want_project(redo, project);
    redo->callback([&] {
        auto s = open_project(project, o);
        const std::string l = s->redo().english();
        if (o.json) print_json({{"redone", l}});
        else std::cout << "redone: " << l << "\n";
    });
    auto* backups = app.add_subcommand("backups", "List the automatic backups of a project");
    want_project(backups, project);
    backups->callback([&] {
        auto s = open_project(project, o, true);
        const auto list = s->store().backups();
        if (o.json) print_json(list);
        else for (const auto& b : list) std::cout << b << "\n";
    });

    std::string backup_file;
    auto* restore = app.add_subcommand("restore", "Put a backup back in place of the project (the current state is backed up first)");
    want_project(restore, project);
    restore->add_option("backup", backup_file, "Backup file, or its name in STUDY.backups/ (see `backups`)")->required();
    restore->callback([&] {
        std::string b = backup_file;
        const std::filesystem::path p(project);
        const auto in_folder = p.parent_path() / (p.stem().string() + ".backups") / b;
        if (!std::filesystem::exists(b) && b.find('/') == std::string::npos && std::filesystem::exists(in_folder))
            b = in_folder.string();
        const RestoreReport r = restore_backup(project, b);
        if (o.json) {
            print_json({{"project", project}, {"restored_from", r.restored_from},
                        {"saved_current", r.saved_current.empty() ? json(nullptr) : json(r.saved_current)},
                        {"current_was_damaged", r.current_was_damaged}});
            return;
        }
        std::cout << "restored " << project << " from " << r.restored_from << "\n";
        if (!r.saved_current.empty())
            std::cout << (r.current_was_damaged ? "the damaged project was saved as " : "the state before was saved as ")
                      << r.saved_current << " (restore it to undo this)\n";
    });

    add_analysis_commands(app, context);

    // check
    bool repair = false;
    auto* check = app.add_subcommand("check", "Check the project's consistency (and repair what is safe)");
    check->add_option("project", project)->required();
    check->add_flag("--repair", repair, "Fix what is safe to fix, after a backup");
    check->callback([&] {
        auto s = open_project(project, o, !repair);
        const auto r = check_project(s->store(), repair);
        if (o.json) {
            json issues = json::array();
            for (const auto& i : r.issues) issues.push_back({{"issue", i.what}, {"repairable", i.repairable}, {"repaired", i.repaired}});
            print_json({{"integrity", r.integrity}, {"ok", r.ok()}, {"issues", issues}});
        } else {
            std::cout << "SQLite integrity: " << r.integrity << "\n";
            for (const auto& i : r.issues)
                std::cout << (i.repaired ? "repaired: " : i.repairable ? "repairable: " : "problem: ") << i.what << "\n";
            if (r.ok()) std::cout << "the project is consistent\n";
        }
        bool left = r.integrity != "ok";
        for (const auto& i : r.issues) left = left || !i.repaired;
        if (left) exit_code = kData;
    });

    add_qdpx_commands(app, context);
    add_search_commands(app, context);
    add_edit_command(app, context);

    // sample
    std::string source_root;
    auto* sample = app.add_subcommand("sample", "Create the sample study project from codebooks/ and transcripts/");
    sample->add_option("project", project)->required();
    sample->add_option("--from", source_root, "Folder holding codebooks/ and transcripts/")->required();
    sample->callback([&] {
        build_sample_study(source_root, project);
        auto s = open_project(project, o, true);
        const auto docs = s->documents();
        std::int64_t codings = 0;
        for (const auto& d : docs) codings += d.codings;
        if (o.json) print_json({{"project", project}, {"documents", docs.size()}, {"codes", s->codes().size()}, {"codings", codings}});
        else std::cout << "created " << project << ": " << docs.size() << " documents, " << s->codes().size() << " codes, "
                       << codings << " codings\n";
    });

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? kOk : kUser;
    }
    return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const InvalidArgument& e) {
        std::cerr << "kodex-cli: " << e.what() << "\n";
        return kUser;
    } catch (const StoreError& e) {
        std::cerr << "kodex-cli: " << e.what() << "\n";
        return e.kind() == StoreError::Kind::Locked ? kLocked : kData;
    } catch (const IoError& e) {
        std::cerr << "kodex-cli: " << e.what() << "\n";
        return kIo;
    } catch (const Error& e) {  // ParseError, UnsupportedFormat
        std::cerr << "kodex-cli: " << e.what() << "\n";
        return kData;
    } catch (const std::exception& e) {
        std::cerr << "kodex-cli: internal error: " << e.what() << "\n";
        return 70;
    }
}
