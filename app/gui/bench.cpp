// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/bench.h"

#include <wx/app.h>
#include <wx/treectrl.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <functional>
#include <vector>

#include "app/gui/main_frame.h"
#include "app/gui/panels/codebook_panel.h"
#include "app/gui/panels/transcript_view.h"
#include "app/gui/ui/commands.h"
#include "app/gui/ui/convert.h"

namespace kodex::gui {

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point from, Clock::time_point to) { return std::chrono::duration<double, std::milli>(to - from).count(); }

// The main thread's processor time: on a shared, busy machine it says what the work costs when wall time
// also counts the waits for other processes.
double CpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

struct Timing {
    double wall = 0;
    double cpu = 0;
    double action_cpu = 0;  ///< of cpu: the action before painting (for coding: store and views)
};

double Median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

void Print(const char* what, const std::vector<Timing>& runs, const char* target) {
    std::vector<double> wall, cpu;
    double total = 0;
    for (const Timing& t : runs) {
        wall.push_back(t.wall);
        cpu.push_back(t.cpu);
        total += t.wall;
    }
    std::vector<double> action;
    for (const Timing& t : runs) action.push_back(t.action_cpu);
    std::printf("%-22s median %7.1f ms (cpu %6.1f ms: %.1f before painting), max %7.1f ms, %zu runs, total %.0f ms%s\n",
                what, Median(wall), Median(cpu), Median(action), *std::max_element(wall.begin(), wall.end()), runs.size(),
                total, target);
}

// Runs `action` and paints what it invalidated right away (Update() paints synchronously), so the time is
// the work and not the wait for the display's next frame; returns the milliseconds.
Timing TimeToPaint(wxWindow* window, wxStyledTextCtrl* text, const std::function<void()>& action) {
    bool painted = false;
    auto on_paint = [&](wxStyledTextEvent& e) {
        painted = true;
        e.Skip();
    };
    text->Bind(wxEVT_STC_PAINTED, on_paint);
    const Clock::time_point start = Clock::now();
    const double cpu_start = CpuMs();
    action();
    const double action_cpu = CpuMs() - cpu_start;
    window->Update();
    window->Update();  // the coding stripe asks for its repaint while the text paints
    if (!painted) {
        text->Refresh();
        text->Update();
    }
    const Timing timing{Ms(start, Clock::now()), CpuMs() - cpu_start, action_cpu};
    text->Unbind(wxEVT_STC_PAINTED, on_paint);
    return timing;
}

void Settle(int ms) {
    const Clock::time_point start = Clock::now();
    while (Ms(start, Clock::now()) < ms) wxTheApp->Yield(true);
}

DocumentId PickDocument(Session& session, const wxString& name) {
    if (!name.empty()) return session.find_document(ToUtf8(name));
    const auto docs = session.documents();
    if (docs.empty()) return DocumentId();
    return std::max_element(docs.begin(), docs.end(), [](const auto& a, const auto& b) { return a.length < b.length; })->id;
}

}  // namespace

int RunBench(const wxString& project, const wxString& document) {
    auto* frame = new MainFrame;
    frame->SetSize(frame->FromDIP(wxSize(1500, 940)));
    frame->Show();
    Settle(300);
    if (!frame->OpenProject(project)) return 1;
    frame->ShowDocument(DocumentId());
    Session& session = *frame->GetSession();
    const DocumentId doc = PickDocument(session, document);
    if (!doc.valid()) {
        std::fprintf(stderr, "kodex --bench: the project has no documents\n");
        return 1;
    }
    TranscriptView* view = frame->GetTranscript();
    wxStyledTextCtrl* text = view->GetControl();
    Settle(200);

    const Timing first_paint = TimeToPaint(frame, text, [&] { frame->ShowDocument(doc); });
    Settle(200);
    const Document& shown = view->GetShownDocument();
    std::printf("document: %s, %lld characters, %zu turns, %zu codings\n", shown.name.c_str(),
                static_cast<long long>(shown.length), shown.turns.size(), view->CodingCount());
    Print("first paint", {first_paint}, "  (target < 300 ms)");

    // Apply a code to 20 places through the same command the menu sends; each is one stored action.
    const auto codes = frame->GetCodebook()->GetCodes();
    frame->GetCodebook()->SelectCode(codes.back().code.id);
    std::vector<Timing> apply;
    for (int i = 0; i < 20; ++i) {
        const std::int64_t start = shown.length / 23 * (i + 1);
        view->SelectRange({start, start + 37});
        Settle(30);
        apply.push_back(TimeToPaint(frame, text, [&] {
            wxCommandEvent command(wxEVT_MENU, ID_CODE_SELECTION);
            frame->GetEventHandler()->ProcessEvent(command);
        }));
    }
    Print("apply code + repaint", apply, "  (target < 16 ms)");

    text->SetFirstVisibleLine(0);
    Settle(100);
    const int pages = std::max(1, text->VisibleFromDocLine(text->GetLineCount()) / std::max(1, text->LinesOnScreen()));
    std::vector<Timing> scroll;
    for (int page = 1; page <= pages; ++page)
        scroll.push_back(TimeToPaint(frame, text, [&] { text->SetFirstVisibleLine(page * text->LinesOnScreen()); }));
    Print("scroll, per page", scroll, "  (the total is the whole document)");

    // Leave the project as it was.
    for (std::size_t i = 0; i < apply.size(); ++i) session.undo();
    std::fflush(stdout);
    frame->Destroy();
    return 0;
}

}  // namespace kodex::gui
