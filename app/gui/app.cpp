// SPDX-License-Identifier: GPL-3.0-or-later
// The Kodex editor.
//   kodex                      reopens the last project; the first time, builds and opens the sample study
//   kodex PROJECT.kodex        opens that project
//   kodex FILE.qdpx            offers to import the REFI-QDA project into a new project
//   kodex FILE.qdc             offers to add the REFI-QDA codebook to the last project
//   kodex --bench PROJECT [DOCUMENT]   prints paint, coding and scrolling times (see bench.h)
#include <wx/app.h>
#include <wx/memconf.h>
#include <wx/persist/toplevel.h>
#include <wx/stdpaths.h>

#include "app/gui/bench.h"
#include "app/gui/main_frame.h"
#include "app/gui/ui/fonts.h"
#include "app/gui/ui/i18n.h"
#include "app/gui/ui/settings.h"

namespace kodex::gui {

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
            frame->OpenFromCommandLine(argv[1]);
        else
            frame->OpenStartProject();
        return true;
    }

    int OnRun() override { return m_exit_code >= 0 ? m_exit_code : wxApp::OnRun(); }

private:
    int m_exit_code = -1;
};

}  // namespace kodex::gui

wxIMPLEMENT_APP(kodex::gui::KodexApp);
