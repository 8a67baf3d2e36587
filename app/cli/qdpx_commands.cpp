// SPDX-License-Identifier: GPL-3.0-or-later
// kodex-cli qdpx import|export: REFI-QDA project exchange with MAXQDA, ATLAS.ti, NVivo, QualCoder.
// `qdpx import` exits with 5 (partial success) when the report lists skipped elements.
#include <iostream>
#include <memory>

#include "app/cli/common.h"
#include "core/refi/qdpx.h"

namespace kodex::cli {

namespace {

json items_json(const std::vector<QdpxImportReport::Item>& items) {
    json out = json::array();
    for (const auto& i : items)
        out.push_back({{"element", i.element}, {"guid", i.guid}, {"name", i.name}, {"reason", i.reason}});
    return out;
}

void print_items(const char* title, const std::vector<QdpxImportReport::Item>& items) {
    if (items.empty()) return;
    std::cout << title << " (" << items.size() << "):\n";
    for (const auto& i : items) {
        std::cout << "  " << i.element;
        if (!i.guid.empty()) std::cout << " " << i.guid;
        if (!i.name.empty()) std::cout << " \"" << i.name << "\"";
        std::cout << ": " << i.reason << "\n";
    }
}

void print_import_report(const QdpxImportReport& r, const std::string& file, const std::string& project, bool as_json) {
    const auto& c = r.imported;
    if (as_json) {
        json positions = json::array();
        for (const auto& p : r.positions)
            positions.push_back({{"guid", p.guid}, {"document", p.document}, {"model", p.model}, {"basis", p.basis},
                                 {"matters", p.matters}});
        print_json({{"file", file},
                    {"project", project},
                    {"origin", r.origin},
                    {"qde", r.qde_entry},
                    {"imported",
                     {{"coders", c.coders}, {"codes", c.codes}, {"documents", c.documents}, {"codings", c.codings},
                      {"memos", c.memos}, {"variables", c.variables}, {"values", c.values}}},
                    {"positions", positions},
                    {"skipped", items_json(r.skipped)},
                    {"adjusted", items_json(r.adjusted)},
                    {"warnings", r.warnings}});
        return;
    }
    std::cout << "created " << project << " from " << file;
    if (!r.origin.empty()) std::cout << " (made by " << r.origin << ")";
    std::cout << "\n  " << c.documents << " documents, " << c.codes << " codes, " << c.codings << " codings, " << c.memos
              << " memos, " << c.coders << " coders, " << c.variables << " variables (" << c.values << " values)\n";
    for (const auto& w : r.warnings) std::cout << "warning: " << w << "\n";
    bool header = false;
    for (const auto& p : r.positions) {
        if (!p.matters) continue;
        if (!header) std::cout << "positions:\n";
        header = true;
        std::cout << "  " << p.document << ": " << p.model << " (" << p.basis << ")\n";
    }
    print_items("skipped", r.skipped);
    print_items("adjusted", r.adjusted);
}

}  // namespace

void add_qdpx_commands(CLI::App& app, Context& context) {
    auto* qdpx = app.add_subcommand("qdpx", "REFI-QDA project exchange (.qdpx) with MAXQDA, ATLAS.ti, NVivo, QualCoder");
    qdpx->require_subcommand(1);
    struct Args {
        std::string file, project, compat;
        bool crlf = false, utf16 = false;
    };
    auto a = std::make_shared<Args>();

    auto* imp = qdpx->add_subcommand("import", "Create a new project from a .qdpx archive (or a bare .qde file)");
    imp->add_option("file", a->file, "The .qdpx (or .qde) file")->required();
    imp->add_option("project", a->project, "The new project file (*.kodex); must not exist")->required();
    imp->callback([a, &context] {
        const QdpxImportReport r = import_qdpx(a->file, a->project);
        print_import_report(r, a->file, a->project, context.options.json);
        if (!r.skipped.empty()) context.exit_code = kPartial;
    });

    auto* exp = qdpx->add_subcommand("export", "Write the project as a .qdpx archive");
    exp->add_option("project", a->project, "Project file (*.kodex)")->required();
    exp->add_option("file", a->file, "The .qdpx file to write (replaced if it exists)")->required();
    exp->add_option("--compat", a->compat, "Write for a peer that counts differently: maxqda or nvivo")
        ->check(CLI::IsMember({"maxqda", "nvivo"}));
    exp->add_flag("--crlf", a->crlf, "Plain texts with CR LF line ends, positions unchanged (as --compat maxqda)");
    exp->add_flag("--utf16-positions", a->utf16, "Positions in UTF-16 code units (as --compat nvivo)");
    exp->callback([a, &context] {
        QdpxExportOptions options;
        options.crlf_line_ends = a->crlf || a->compat == "maxqda";
        options.utf16_positions = a->utf16 || a->compat == "nvivo";
        auto s = open_project(a->project, context.options, true);
        const QdpxExportReport r = export_qdpx(*s, a->file, options);
        if (context.options.json) {
            print_json({{"file", a->file},
                        {"coders", r.coders},
                        {"codes", r.codes},
                        {"documents", r.documents},
                        {"selections", r.selections},
                        {"codings", r.codings},
                        {"notes", r.notes},
                        {"variables", r.variables},
                        {"bytes", r.bytes},
                        {"warnings", r.warnings}});
            return;
        }
        std::cout << "wrote " << a->file << ": " << r.documents << " documents, " << r.codes << " codes, " << r.codings
                  << " codings in " << r.selections << " selections, " << r.notes << " memos, " << r.variables
                  << " variables (" << r.bytes << " bytes)\n";
        for (const auto& w : r.warnings) std::cout << "warning: " << w << "\n";
    });
}

}  // namespace kodex::cli
