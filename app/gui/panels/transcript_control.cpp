// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/panels/transcript_control.h"

#include <algorithm>

namespace kodex::gui {

TranscriptControl::TranscriptControl(wxWindow* parent, const wxString& name)
    : wxStyledTextCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_NONE | wxWANTS_CHARS, name) {}

void TranscriptControl::Refresh(bool erase_background, const wxRect* rect) {
    // Indicators change nothing but the lines they cover, and IndicatorUpdate repaints those.
    if (m_updating_indicators) return;
    wxStyledTextCtrl::Refresh(erase_background, rect);
}

wxRect TranscriptControl::RangesRect(const std::vector<StcRange>& ranges) {
    const wxSize size = GetClientSize();
    const int first = PositionFromPoint(wxPoint(0, 0));
    const int last = PositionFromPoint(wxPoint(size.x, size.y));
    int top = size.y;
    int bottom = 0;
    for (const StcRange& range : ranges) {
        if (range.end < first || range.start > last) continue;
        // Ends off screen are not asked for: finding a position makes the control lay out the text up to it.
        top = std::min(top, range.start <= first ? 0 : PointFromPosition(range.start).y);
        bottom = std::max(bottom, range.end >= last ? size.y : PointFromPosition(range.end).y + TextHeight(0));
    }
    if (bottom <= top) return wxRect();
    return wxRect(0, top, size.x, bottom - top).Intersect(wxRect(size));
}

TranscriptControl::IndicatorUpdate::IndicatorUpdate(TranscriptControl* control) : m_control(control) {
    m_control->m_updating_indicators = true;
}

TranscriptControl::IndicatorUpdate::~IndicatorUpdate() {
    m_control->m_updating_indicators = false;
    if (m_changed.empty()) return;
    const wxRect rect = m_control->RangesRect(m_changed);
    if (!rect.IsEmpty()) m_control->Refresh(false, &rect);
}

}  // namespace kodex::gui
