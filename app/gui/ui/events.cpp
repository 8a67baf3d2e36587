// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ui/events.h"

#include <wx/window.h>

namespace kodex::gui {

wxDEFINE_EVENT(EVT_SHOW_DOCUMENT, NavigationEvent);
wxDEFINE_EVENT(EVT_CODING_CHOSEN, NavigationEvent);
wxDEFINE_EVENT(EVT_JUMP_TO_CODING, NavigationEvent);
wxDEFINE_EVENT(EVT_CODE_CHOSEN, NavigationEvent);
wxDEFINE_EVENT(EVT_APPLY_CODE, NavigationEvent);
wxDEFINE_EVENT(EVT_RETRIEVAL_CHANGED, NavigationEvent);

void Send(wxWindow* source, wxEventType type, DocumentId document, CodeId code, CodingId coding) {
    NavigationEvent event(type, source->GetId());
    event.SetEventObject(source);
    event.document = document;
    event.code = code;
    event.coding = coding;
    source->GetEventHandler()->ProcessEvent(event);
}

}  // namespace kodex::gui
