// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The transcript's text control: a wxStyledTextCtrl that repaints only the lines whose indicators changed.
//
// wxStyledTextCtrl 3.2 (Scintilla 3.7) repaints its whole window after any indicator change that starts
// above the document line whose number equals the first display line on screen: it takes a display line for a
// document line. With word wrap a transcript has many more display lines than document lines, so once the
// view is scrolled a little, every coding repainted the whole text. While an IndicatorUpdate is alive, the
// control's requests to repaint everything are dropped; at its end, the screen lines of the changed ranges are
// repainted instead.
#include <wx/stc/stc.h>

#include <vector>

#include "app/gui/ui/convert.h"

namespace kodex::gui {

class TranscriptControl : public wxStyledTextCtrl {
public:
    TranscriptControl(wxWindow* parent, const wxString& name);

    void Refresh(bool erase_background = true, const wxRect* rect = nullptr) override;

    /// The part of the window that shows the ranges (whole lines, full width), clipped to the window; empty
    /// when none of them is on screen.
    wxRect RangesRect(const std::vector<StcRange>& ranges);

    /// Fill and clear indicators while one is alive; list every range whose indicators changed.
    class IndicatorUpdate {
    public:
        explicit IndicatorUpdate(TranscriptControl* control);
        ~IndicatorUpdate();
        IndicatorUpdate(const IndicatorUpdate&) = delete;
        IndicatorUpdate& operator=(const IndicatorUpdate&) = delete;
        void Changed(StcRange range) { m_changed.push_back(range); }

    private:
        TranscriptControl* m_control;
        std::vector<StcRange> m_changed;
    };

private:
    bool m_updating_indicators = false;
};

}  // namespace kodex::gui
