// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Helpers for the editor tests: running the event loop, a project built with core calls, screenshots.
#include <wx/image.h>
#include <wx/string.h>

#include <string>

#include "app/gui/main_frame.h"
#include "tests/core/test_util.h"

namespace kodex::gui::test {

/// Lets the event loop run for `ms` milliseconds (painting, idle handlers, deferred deletes).
void Pump(int ms = 30);
/// Remembers a modal dialog that opened unexpectedly; TakeUnexpectedDialogs() hands them over once.
void RecordUnexpectedDialog(const wxString& text);
wxString TakeUnexpectedDialogs();
/// Saves what the window's client area shows (menu bar and status bar left out) as a PNG in the test's build
/// folder; returns the file's path.
wxString SaveScreenshot(wxWindow* window, const wxString& name);
/// What the window's client area shows now, as the window draws it.
wxImage CaptureClient(wxWindow* window);
/// Sends a menu command to the frame, exactly as the menu bar does.
void RunCommand(MainFrame* frame, int id, bool checked = false);

/// A project with one short interview (umlauts, ß, emoji, combining characters) and a few codes, and an
/// editor window showing it.
class EditorFixture {
public:
    EditorFixture();
    ~EditorFixture();
    EditorFixture(const EditorFixture&) = delete;
    EditorFixture& operator=(const EditorFixture&) = delete;

    /// Selects the first occurrence of `utf8` in the transcript by the control's byte positions.
    void SelectText(const std::string& utf8, std::size_t occurrence = 0);
    /// The transcript's selection as UTF-8.
    std::string SelectedText() const;
    Session& Project() const { return *frame->GetSession(); }

    kodex::test::TempDir dir;
    std::string path;
    CodeId everyday, crisis, measures;
    DocumentId interview;
    MainFrame* frame = nullptr;
};

/// The interview's text as written to the file (the combining acute accent is composed on import).
extern const char* const kInterview;

}  // namespace kodex::gui::test
