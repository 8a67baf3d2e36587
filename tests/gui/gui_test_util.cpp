// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/gui/gui_test_util.h"

#include <doctest/doctest.h>

#include <wx/app.h>
#include <wx/config.h>
#include <wx/dcmemory.h>
#include <wx/dcclient.h>
#include <wx/stc/stc.h>

#include <chrono>

#include "app/gui/panels/transcript_view.h"
#include "app/gui/ui/convert.h"

namespace kodex::gui::test {

const char* const kInterview =
    "I: Gr\xC3\xBC\xC3\x9F Gott! Wie geht es Ihnen heute? \xF0\x9F\x98\x80\n"
    "\n"
    "B: Danke, gut. Das Cafe\xCC\x81 hat wieder offen, und die Stra\xC3\x9F" "e ist voll.\n"
    "\n"
    "I: Und die Gr\xC3\xB6\xC3\x9F" "e der Ma\xC3\x9Fnahmen?\n"
    "\n"
    "B: Na\xC3\xAFve Fragen, q\xCC\x83 und \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x94\xAC Forschung: alles gleichzeitig.\n";

namespace {
wxString g_unexpected;
}

void Pump(int ms) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    do {
        wxTheApp->Yield(true);
        wxTheApp->ProcessIdle();
    } while (std::chrono::steady_clock::now() < until);
}

void RecordUnexpectedDialog(const wxString& text) { g_unexpected << text << "\n"; }

wxString TakeUnexpectedDialogs() {
    wxString out;
    out.swap(g_unexpected);
    return out;
}

wxImage CaptureClient(wxWindow* window) {
    // The window's own drawing: under GTK 3 a wxScreenDC keeps showing the first window it copied.
    const wxSize size = window->GetClientSize();
    wxBitmap bitmap(size);
    {
        wxMemoryDC memory(bitmap);
        wxClientDC client(window);
        memory.Blit(0, 0, size.x, size.y, &client, 0, 0);
    }
    return bitmap.ConvertToImage();
}

wxString SaveScreenshot(wxWindow* window, const wxString& name) {
    window->Raise();
    window->Refresh();
    Pump(300);
    const wxString file = wxString(KODEX_GUI_TEST_OUTPUT) + "/" + name + ".png";
    CaptureClient(window).SaveFile(file, wxBITMAP_TYPE_PNG);
    return file;
}

void RunCommand(MainFrame* frame, int id, bool checked) {
    wxCommandEvent command(wxEVT_MENU, id);
    command.SetInt(checked ? 1 : 0);
    command.SetEventObject(frame);
    frame->GetEventHandler()->ProcessEvent(command);
}

EditorFixture::EditorFixture() : path(dir.file("study.kodex")) {
    wxConfigBase::Get()->DeleteAll();  // every test starts with the default preferences
    {
        const std::string transcript = dir.file("Interview 1.txt");
        kodex::test::write_all(transcript, kInterview);
        auto session = Session::create(path);
        everyday = session->add_code(CodeId(), "Alltag", "#3CB44B");
        crisis = session->add_code(CodeId(), "Krise", "#E6194B");
        measures = session->add_code(crisis, "Ma\xC3\x9Fnahmen", "#4363D8");
        ImportRequest request;
        request.paths = {transcript};
        interview = session->import_files(request).imported.at(0).id;
    }
    frame = new MainFrame;
    frame->SetSize(frame->FromDIP(wxSize(1400, 860)));
    frame->Show();
    Pump(100);
    REQUIRE(frame->OpenProject(ToWx(path)));
    Pump(100);
}

EditorFixture::~EditorFixture() {
    frame->Destroy();
    Pump(50);
}

void EditorFixture::SelectText(const std::string& utf8, std::size_t occurrence) {
    const std::string_view text = frame->GetTranscript()->GetText();
    std::size_t at = text.find(utf8);
    for (std::size_t i = 0; i < occurrence && at != std::string::npos; ++i) at = text.find(utf8, at + 1);
    REQUIRE(at != std::string::npos);
    frame->GetTranscript()->GetControl()->SetSelection(static_cast<int>(at), static_cast<int>(at + utf8.size()));
}

std::string EditorFixture::SelectedText() const {
    return ToUtf8(frame->GetTranscript()->GetControl()->GetSelectedText());
}

}  // namespace kodex::gui::test
