// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The stripe beside the transcript: every coding as a vertical bar in its code's colour, overlapping
// codings in separate lanes, kept in step with the text's scrolling. Hover names the code; a click makes the
// coding current, a double click selects its text, a right click opens the coding's menu (in the frame).
#include <wx/panel.h>
#include <wx/stc/stc.h>

#include <memory>
#include <vector>

#include "app/gui/ui/convert.h"
#include "core/model/ids.h"

namespace kodex::gui {

/// A coding as the transcript shows it.
struct ShownCoding {
    CodingId id;
    CodeId code;
    TextRange range;  ///< code points
    StcRange bytes;   ///< the same range in the control
    int lane = 0;
    wxColour colour;
    // Shared, not copied: views sort and copy thousands of codings, and wxString has no cheap move.
    std::shared_ptr<const wxString> code_path;
    std::shared_ptr<const wxString> coder;
};

class CodingStripe : public wxPanel {
public:
    CodingStripe(wxWindow* parent, wxStyledTextCtrl* text);

    /// Replaces the bars (sorted by start) and resizes the stripe for `lanes` lanes.
    void SetCodings(const std::vector<ShownCoding>* codings, int lanes);
    /// Marks one coding as current (drawn outlined); an invalid id clears the mark.
    void SetCurrent(CodingId id);

private:
    struct Bar {
        const ShownCoding* coding;
        wxRect rect;
    };
    void OnPaint(wxPaintEvent& event);
    void OnMotion(wxMouseEvent& event);
    void OnLeftDown(wxMouseEvent& event);
    void OnDoubleClick(wxMouseEvent& event);
    void OnRightDown(wxMouseEvent& event);
    /// The bars on screen, in the stripe's coordinates.
    std::vector<Bar> VisibleBars() const;
    const ShownCoding* CodingAt(const wxPoint& point) const;
    int LaneX(int lane) const;
    int LaneWidth() const;

    wxStyledTextCtrl* m_text;
    const std::vector<ShownCoding>* m_codings = nullptr;
    int m_lanes = 0;
    CodingId m_current;
    CodingId m_hover;
};

}  // namespace kodex::gui
