// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The stripe beside the transcript: every coding as a vertical bar in its code's colour, overlapping
// codings in separate lanes, kept in step with the text's scrolling. Hover names the code; a click makes the
// coding current, a double click selects its text, a right click opens the coding's menu (in the frame).
#include <wx/panel.h>
#include <wx/stc/stc.h>

#include <memory>
#include <optional>
#include <algorithm>
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
    /// The codings that have a memo: their bars carry a mark.
    void SetMemoMarks(std::vector<CodingId> codings);
    bool HasMemoMark(CodingId id) const { return std::binary_search(m_memos.begin(), m_memos.end(), id); }
    /// After the text painted: repaints only if the bars no longer sit where they were drawn (the text may
    /// have wrapped more lines) and no repaint is on its way already. A second repaint of the stripe costs
    /// the whole frame another paint cycle.
    void FollowText();

    void Refresh(bool erase_background = true, const wxRect* rect = nullptr) override;
    /// Where the last paint drew a coding's bar, in the stripe's coordinates (which share the text's y);
    /// nothing if it was not on screen.
    std::optional<wxRect> DrawnBar(CodingId id) const;

private:
    struct Bar {
        const ShownCoding* coding;
        wxRect rect;
    };
    /// Where a bar was drawn; kept by id, since the codings it came from may have been replaced since.
    struct Drawing {
        CodingId id;
        wxRect rect;
        friend bool operator==(const Drawing& a, const Drawing& b) { return a.id == b.id && a.rect == b.rect; }
        friend bool operator!=(const Drawing& a, const Drawing& b) { return !(a == b); }
    };
    static std::vector<Drawing> Drawn(const std::vector<Bar>& bars);
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
    std::vector<CodingId> m_memos;  ///< sorted
    CodingId m_hover;
    bool m_repaint_pending = false;
    std::vector<Drawing> m_drawn;
};

}  // namespace kodex::gui
