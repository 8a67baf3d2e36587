// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What panels tell the window around them. Panels never reach into each other: they send one of these
// command events, which travel up to the main frame, and the frame decides what happens.
#include <wx/event.h>

#include "core/model/ids.h"

namespace kodex::gui {

class NavigationEvent : public wxCommandEvent {
public:
    explicit NavigationEvent(wxEventType type = wxEVT_NULL, int id = wxID_ANY) : wxCommandEvent(type, id) {}
    wxEvent* Clone() const override { return new NavigationEvent(*this); }

    DocumentId document;
    CodeId code;
    CodingId coding;
};

/// A document was chosen in the documents list: show it.
wxDECLARE_EVENT(EVT_SHOW_DOCUMENT, NavigationEvent);
/// A coding was picked (stripe, segment list, click into coded text): it becomes the current coding.
wxDECLARE_EVENT(EVT_CODING_CHOSEN, NavigationEvent);
/// Show a coding's document and select its text.
wxDECLARE_EVENT(EVT_JUMP_TO_CODING, NavigationEvent);
/// A code was selected in the codebook.
wxDECLARE_EVENT(EVT_CODE_CHOSEN, NavigationEvent);
/// Apply `code` to the transcript's selection (Ctrl+click in the codebook, text dropped on a code).
wxDECLARE_EVENT(EVT_APPLY_CODE, NavigationEvent);
/// The codes or documents picked for retrieval changed.
wxDECLARE_EVENT(EVT_RETRIEVAL_CHANGED, NavigationEvent);

/// Sends a navigation event from `source` up to its parents.
void Send(wxWindow* source, wxEventType type, DocumentId document = {}, CodeId code = {}, CodingId coding = {});

}  // namespace kodex::gui
