// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/panels/coding_stripe.h"

#include <wx/dcbuffer.h>
#include <wx/settings.h>

#include <algorithm>

#include "app/gui/ui/colours.h"
#include "app/gui/ui/events.h"

namespace kodex::gui {

namespace {
constexpr int kPad = 4;         // space left and right of the lanes
constexpr int kMaxWidth = 64;   // the stripe never grows wider; lanes get thinner instead
constexpr int kLaneWidth = 6;
constexpr int kLaneGap = 2;
}  // namespace

CodingStripe::CodingStripe(wxWindow* parent, wxStyledTextCtrl* text)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxSize(2 * kPad, -1), wxBORDER_NONE | wxFULL_REPAINT_ON_RESIZE,
              "coding_stripe"),
      m_text(text) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, &CodingStripe::OnPaint, this);
    Bind(wxEVT_MOTION, &CodingStripe::OnMotion, this);
    Bind(wxEVT_LEFT_DOWN, &CodingStripe::OnLeftDown, this);
    Bind(wxEVT_LEFT_DCLICK, &CodingStripe::OnDoubleClick, this);
    Bind(wxEVT_RIGHT_DOWN, &CodingStripe::OnRightDown, this);
    Bind(wxEVT_LEAVE_WINDOW, [this](wxMouseEvent&) {
        m_hover = CodingId();
        Refresh();
    });
}

void CodingStripe::SetCodings(const std::vector<ShownCoding>* codings, int lanes) {
    m_codings = codings;
    m_lanes = lanes;
    const int width = std::min(kMaxWidth, 2 * kPad + std::max(1, lanes) * (kLaneWidth + kLaneGap));
    if (GetMinSize().x != width) {
        SetMinSize(wxSize(width, -1));
        GetParent()->Layout();
    }
    Refresh();
}

void CodingStripe::SetMemoMarks(std::vector<CodingId> codings) {
    std::sort(codings.begin(), codings.end());
    if (codings == m_memos) return;
    m_memos = std::move(codings);
    Refresh();
}

void CodingStripe::SetCurrent(CodingId id) {
    m_current = id;
    Refresh();
}

void CodingStripe::Refresh(bool erase_background, const wxRect* rect) {
    m_repaint_pending = true;
    wxPanel::Refresh(erase_background, rect);
}

void CodingStripe::FollowText() {
    if (m_repaint_pending || !IsShownOnScreen()) return;
    if (Drawn(VisibleBars()) != m_drawn) Refresh();
}

std::optional<wxRect> CodingStripe::DrawnBar(CodingId id) const {
    for (const Drawing& bar : m_drawn)
        if (bar.id == id) return bar.rect;
    return std::nullopt;
}

std::vector<CodingStripe::Drawing> CodingStripe::Drawn(const std::vector<Bar>& bars) {
    std::vector<Drawing> drawn;
    drawn.reserve(bars.size());
    for (const Bar& bar : bars) drawn.push_back({bar.coding->id, bar.rect});
    return drawn;
}

int CodingStripe::LaneWidth() const {
    const int room = GetClientSize().x - 2 * kPad;
    return std::max(2, std::min(kLaneWidth + kLaneGap, room / std::max(1, m_lanes)));
}

int CodingStripe::LaneX(int lane) const { return kPad + lane * LaneWidth(); }

std::vector<CodingStripe::Bar> CodingStripe::VisibleBars() const {
    std::vector<Bar> bars;
    if (!m_codings || m_codings->empty()) return bars;
    const wxSize text_size = m_text->GetClientSize();
    const int first = m_text->PositionFromPoint(wxPoint(0, 0));
    const int last = m_text->PositionFromPoint(wxPoint(text_size.x, text_size.y));
    const int line_height = m_text->TextHeight(0);
    const int width = std::max(2, LaneWidth() - kLaneGap);
    // Ends outside the window are drawn past its edges without asking the control where they are: finding a
    // position makes the control lay out the text up to it.
    const int above = -line_height;
    const int below = GetClientSize().y + line_height;
    for (const ShownCoding& c : *m_codings) {
        if (c.bytes.start > last) break;  // sorted by start
        if (c.bytes.end < first) continue;
        const int top = c.bytes.start < first ? above : m_text->PointFromPosition(c.bytes.start).y;
        const int bottom =
            c.bytes.end > last ? below : m_text->PointFromPosition(m_text->PositionBefore(c.bytes.end)).y + line_height;
        if (bottom > top) bars.push_back({&c, wxRect(LaneX(c.lane), top, width, bottom - top)});
    }
    return bars;
}

void CodingStripe::OnPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    m_repaint_pending = false;
    const std::vector<Bar> bars = VisibleBars();
    m_drawn = Drawn(bars);
    const wxColour background = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW);
    dc.SetBackground(wxBrush(background.ChangeLightness(97)));
    dc.Clear();
    dc.SetPen(wxPen(background.ChangeLightness(88)));
    dc.DrawLine(GetClientSize().x - 1, 0, GetClientSize().x - 1, GetClientSize().y);
    // Plain rectangles: rounded ones took twice as long to draw, and at a few pixels wide nobody sees corners.
    for (const Bar& bar : bars) {
        const bool marked = bar.coding->id == m_current || bar.coding->id == m_hover;
        dc.SetBrush(wxBrush(bar.coding->colour));
        dc.SetPen(marked ? wxPen(bar.coding->colour.ChangeLightness(45), 2) : wxPen(bar.coding->colour.ChangeLightness(80)));
        dc.DrawRectangle(bar.rect);
    }
    // A coding with a memo: a dark square at the top of its bar, like a note pinned to it.
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(wxColour(0x30, 0x30, 0x30)));
    for (const Bar& bar : bars)
        if (HasMemoMark(bar.coding->id)) dc.DrawRectangle(bar.rect.x, bar.rect.y, bar.rect.width, std::min(bar.rect.height, bar.rect.width));
}

const ShownCoding* CodingStripe::CodingAt(const wxPoint& point) const {
    // The narrowest bar wins, so a short coding inside a long one can still be picked.
    const ShownCoding* best = nullptr;
    for (const Bar& bar : VisibleBars()) {
        const wxRect hit = bar.rect.Inflate(1, 0);
        if (hit.Contains(point) && (!best || bar.coding->range.length() < best->range.length())) best = bar.coding;
    }
    return best;
}

void CodingStripe::OnMotion(wxMouseEvent& event) {
    const ShownCoding* c = CodingAt(event.GetPosition());
    const CodingId hover = c ? c->id : CodingId();
    if (hover == m_hover) return;
    m_hover = hover;
    if (c)
        SetToolTip(wxString::Format(_("%s\ncoded by %s\nclick: select · double click: show text · right click: menu"),
                                    *c->code_path, *c->coder));
    else
        UnsetToolTip();
    Refresh();
}

void CodingStripe::OnLeftDown(wxMouseEvent& event) {
    if (const ShownCoding* c = CodingAt(event.GetPosition())) Send(this, EVT_CODING_CHOSEN, {}, c->code, c->id);
}

void CodingStripe::OnDoubleClick(wxMouseEvent& event) {
    if (const ShownCoding* c = CodingAt(event.GetPosition())) Send(this, EVT_JUMP_TO_CODING, {}, c->code, c->id);
}

void CodingStripe::OnRightDown(wxMouseEvent& event) {
    if (const ShownCoding* c = CodingAt(event.GetPosition())) {
        Send(this, EVT_CODING_CHOSEN, {}, c->code, c->id);
        event.Skip();  // the context menu event follows and travels up to the frame
    }
}

}  // namespace kodex::gui
