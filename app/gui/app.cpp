// SPDX-License-Identifier: GPL-3.0-or-later
// The Kodex editor.
//   kodex                      reopens the last project; the first time, builds and opens the sample study
//   kodex PROJECT.kodex        opens that project
//   kodex --bench PROJECT [DOCUMENT]   prints paint, coding and scrolling times (see bench.h)
#include <wx/app.h>
#include <wx/filename.h>
#include <wx/memconf.h>
#include <wx/persist/toplevel.h>
#include <wx/progdlg.h>
#include <wx/stdpaths.h>

#include "app/gui/bench.h"
#include "app/gui/main_frame.h"
#include "app/gui/ui/convert.h"
#include "app/gui/ui/errors.h"
#include "app/gui/ui/fonts.h"
#include "app/gui/ui/i18n.h"
#include "app/gui/ui/settings.h"
#include "app/gui/ui/startup.h"
#include "core/sample_study.h"

namespace kodex::gui {

namespace {

// Builds the sample study into the user's data folder on the first start.
bool BuildSampleStudy(wxWindow* parent, const wxString& target) {
    const wxString sources = FindSampleSources();
    if (sources.empty()) return false;
    wxFileName::Mkdir(wxFileName(target).GetPath(), wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
    wxProgressDialog progress(_("Kodex"), _("Preparing the sample study…"), 100, parent, wxPD_APP_MODAL | wxPD_AUTO_HIDE);
    return Guarded(parent, [&] {
        build_sample_study(ToUtf8(sources), ToUtf8(target), Progress([&](std::int64_t, std::int64_t, const std::string& what) {
                               progress.Pulse(wxString::Format(_("Preparing the sample study: %s"), ToWx(what)));
                           }));
    });
}

void OpenStartProject(MainFrame* frame) {
    const wxString last = LoadLastProject();
    if (!last.empty() && wxFileName::FileExists(last) && frame->OpenProject(last)) return;
    const wxString sample = SampleProjectPath();
    if (wxFileName::FileExists(sample) || BuildSampleStudy(frame, sample)) frame->OpenProject(sample);
}

}  // namespace

class KodexApp : public wxApp {
public:
    KodexApp() { TurnOffLigatures(); }

    bool OnInit() override {
        SetAppName("kodex");
        SetAppDisplayName("Kodex");
        wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
        const bool bench = argc >= 3 && argv[1] == "--bench";
        // The benchmark leaves the user's settings (last project, layout) alone.
        if (bench)
            wxConfigBase::Set(new wxMemoryConfig);
        else
            UseSettingsFile();
        SetUpTranslations(Preferences::Load().language);
        if (bench) {
            m_exit_code = RunBench(argv[2], argc >= 4 ? argv[3] : wxString());
            return true;  // OnRun() returns the exit code without running the event loop
        }
        auto* frame = new MainFrame;
        if (!wxPersistentRegisterAndRestore(frame, "main")) frame->Maximize();
        frame->Show();
        if (argc >= 2)
            frame->OpenProject(argv[1]);
        else
            OpenStartProject(frame);
        return true;
    }

    int OnRun() override { return m_exit_code >= 0 ? m_exit_code : wxApp::OnRun(); }

private:
    int m_exit_code = -1;
};

}  // namespace kodex::gui

wxIMPLEMENT_APP(kodex::gui::KodexApp);
