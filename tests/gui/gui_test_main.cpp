// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the editor's doctest cases inside a wx application. Exits with 77 (CTest: skipped) when no X
// display can be opened, so a machine without one never reports a silent pass.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/image.h>
#include <wx/init.h>
#include <wx/memconf.h>
#include <wx/modalhook.h>
#include <wx/msgdlg.h>

#include <cstdio>

#include "app/gui/ui/fonts.h"
#include "app/gui/ui/i18n.h"
#include "tests/gui/gui_test_util.h"

namespace {

class TestApp : public wxApp {
public:
    TestApp() { kodex::gui::TurnOffLigatures(); }

    bool OnInit() override {
        // The tests never touch the user's settings.
        wxConfigBase::Set(new wxMemoryConfig);
        kodex::gui::SetUpTranslations("en");
        wxInitAllImageHandlers();
        return true;
    }
};

// A dialog that a test did not expect (an error message, say) would wait forever for a click: it is
// recorded instead and fails the running test.
class UnexpectedDialogs : public wxModalDialogHook {
protected:
    int Enter(wxDialog* dialog) override {
        wxString text = dialog->GetTitle();
        if (auto* message = dynamic_cast<wxMessageDialog*>(dialog))
            text << ": " << message->GetMessage() << " " << message->GetExtendedMessage();
        kodex::gui::test::RecordUnexpectedDialog(text);
        return wxID_CANCEL;
    }
    void Exit(wxDialog*) override {}
};

}  // namespace

int main(int argc, char** argv) {
    wxApp::SetInstance(new TestApp);
    if (!wxEntryStart(argc, argv)) {
        std::puts("SKIP: no X display for the editor tests (run them with xvfb-run)");
        return 77;
    }
    int result = 1;
    if (wxTheApp->CallOnInit()) {
        UnexpectedDialogs hook;
        hook.Register();
        // The tests run inside an active event loop, as the editor's handlers do; otherwise a progress dialog
        // would make and delete a loop of its own under the test's feet.
        wxEventLoop loop;
        wxEventLoopActivator active(&loop);
        doctest::Context context(argc, argv);
        result = context.run();
        wxTheApp->OnExit();
    }
    wxEntryCleanup();
    return result;
}
