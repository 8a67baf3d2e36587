// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/panels/transcript_view.h"

#include <wx/log.h>
#include <wx/fontenum.h>
#include <wx/frame.h>
#include <wx/settings.h>
#include <wx/sizer.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "app/gui/panels/coding_lanes.h"
#include "app/gui/ui/colours.h"
#include "app/gui/ui/events.h"
#include "app/gui/ui/shortcuts.h"
#include "core/session.h"
#include "core/text/boundaries.h"
#include "core/text/transcript_parse.h"

namespace kodex::gui {

namespace {

enum Style { kText = 0, kSpeakerFirst = 1, kSpeakerCount = 3, kTimestamp = kSpeakerFirst + kSpeakerCount };

// Lane 0 fills the range with a translucent box, lane 1 underlines it thickly, lane 2 frames it dotted,
// lane 3 and beyond underline it with a dash. The stripe shows every lane on its own.
constexpr int kIndicatorBase = wxSTC_INDIC_CONTAINER;
constexpr int kLaneStyles[] = {wxSTC_INDIC_STRAIGHTBOX, wxSTC_INDIC_COMPOSITIONTHICK, wxSTC_INDIC_DOTBOX, wxSTC_INDIC_DASH};
constexpr int kLaneIndicators = static_cast<int>(sizeof kLaneStyles / sizeof kLaneStyles[0]);

const wxColour kSpeakerColours[kSpeakerCount] = {wxColour(0x1F, 0x4E, 0x79), wxColour(0x7B, 0x3F, 0x00),
                                                 wxColour(0x2E, 0x6B, 0x30)};

// Search matches: a frame above the coding lanes' boxes, so both stay visible.
constexpr int kSearchIndicator = kIndicatorBase + kLaneIndicators;

int IndicatorOf(const ShownCoding& c) { return kIndicatorBase + std::min(c.lane, kLaneIndicators - 1); }

// What a coding looks like in the text; codings that look the same before and after a change stay untouched.
bool SameLook(const ShownCoding& a, const ShownCoding& b) {
    return a.bytes == b.bytes && IndicatorOf(a) == IndicatorOf(b) && a.colour == b.colour;
}

wxFont TranscriptFont() {
    const int size = 11;
    if (wxFontEnumerator::IsValidFacename("DejaVu Sans")) return wxFont(wxFontInfo(size).FaceName("DejaVu Sans"));
    wxFont font = wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT);
    font.SetPointSize(size);
    return font;
}

}  // namespace

TranscriptView::TranscriptView(wxWindow* parent)
    : SessionPanel(parent, "transcript_panel", Change::Documents | Change::Codes | Change::Codings | Change::Memos) {
    SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW));
    m_title = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END,
                               "transcript_title");
    m_title->SetFont(m_title->GetFont().Bold().Scaled(1.15f));
    m_info = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "transcript_info");
    m_info->SetForegroundColour(wxColour(0x70, 0x70, 0x70));
    m_stc = new TranscriptControl(this, "transcript");
    m_stripe = new CodingStripe(this, m_stc);
    SetUpControl();

    auto* header = new wxBoxSizer(wxHORIZONTAL);
    header->Add(m_title, 0, wxALIGN_BOTTOM);
    header->AddSpacer(FromDIP(12));
    header->Add(m_info, 1, wxALIGN_BOTTOM);
    auto* body = new wxBoxSizer(wxHORIZONTAL);
    body->Add(m_stripe, 0, wxEXPAND);
    body->Add(m_stc, 1, wxEXPAND);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(header, 0, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(body, 1, wxEXPAND);
    SetSizer(sizer);
}

void TranscriptView::SetUpControl() {
    m_stc->SetCodePage(wxSTC_CP_UTF8);
    m_stc->StyleSetFont(wxSTC_STYLE_DEFAULT, TranscriptFont());
    m_stc->StyleSetForeground(wxSTC_STYLE_DEFAULT, wxColour(0x20, 0x20, 0x20));
    m_stc->StyleSetBackground(wxSTC_STYLE_DEFAULT, *wxWHITE);
    m_stc->StyleClearAll();
    for (int i = 0; i < kSpeakerCount; ++i) {
        m_stc->StyleSetBold(kSpeakerFirst + i, true);
        m_stc->StyleSetForeground(kSpeakerFirst + i, kSpeakerColours[i]);
    }
    m_stc->StyleSetForeground(kTimestamp, wxColour(0x9A, 0x9A, 0x9A));
    m_stc->StyleSetSize(kTimestamp, m_stc->StyleGetSize(wxSTC_STYLE_DEFAULT) - 1);
    m_stc->StyleSetForeground(wxSTC_STYLE_LINENUMBER, wxColour(0xA8, 0xA8, 0xA8));
    m_stc->StyleSetBackground(wxSTC_STYLE_LINENUMBER, wxColour(0xFA, 0xFA, 0xFA));
    m_stc->StyleSetSize(wxSTC_STYLE_LINENUMBER, m_stc->StyleGetSize(wxSTC_STYLE_DEFAULT) - 2);

    m_stc->SetWrapMode(wxSTC_WRAP_WORD);
    // Keep the layout of every line on screen: the coding stripe asks for positions on each repaint.
    m_stc->SetLayoutCache(wxSTC_CACHE_PAGE);
    m_stc->SetUseHorizontalScrollBar(false);
    // The last lines can scroll up to the top: a place near the end of a long transcript is shown with room
    // below it, also before the control has worked out how the lines above it wrap (see SelectRange).
    m_stc->SetEndAtLastLine(false);
    m_stc->SetMarginType(0, wxSTC_MARGIN_NUMBER);
    m_stc->SetMarginWidth(1, 0);
    m_stc->SetMarginWidth(2, 0);
    m_stc->SetMarginLeft(FromDIP(16));
    m_stc->SetExtraAscent(2);
    m_stc->SetExtraDescent(3);
    m_stc->SetReadOnly(true);
    m_stc->UsePopUp(wxSTC_POPUP_NEVER);
    m_stc->SetCaretWidth(2);
    m_stc->SetSelBackground(true, SelectionColour());
    m_stc->SetSelForeground(true, SelectionTextColour());
    m_stc->SetSelAlpha(wxSTC_ALPHA_NOALPHA);
    m_stc->SetMouseDwellTime(450);
    m_stc->CallTipSetBackground(wxColour(0xFF, 0xFD, 0xE8));
    SetUpIndicators();

    m_stc->Bind(wxEVT_STC_UPDATEUI, [this](wxStyledTextEvent& e) {
        // Content changes are left to FollowText: a refresh asked for while the text paints costs the whole
        // frame a second paint cycle, and new codings have asked for one already.
        if (e.GetUpdated() & wxSTC_UPDATE_V_SCROLL) m_stripe->Refresh();
        e.Skip();
    });
    m_stc->Bind(wxEVT_STC_PAINTED, [this](wxStyledTextEvent& e) {
        m_unwrapped = false;  // painting wrapped the lines on screen
        m_stripe->FollowText();
        e.Skip();
    });
    m_stc->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        FitReadingWidth();
        m_stripe->Refresh();
        e.Skip();
    });
    m_stc->Bind(wxEVT_STC_ZOOM, [this](wxStyledTextEvent& e) {
        FitReadingWidth();
        e.Skip();
    });
    m_stc->Bind(wxEVT_STC_DWELLSTART, &TranscriptView::OnDwellStart, this);
    m_stc->Bind(wxEVT_CHAR, &TranscriptView::OnChar, this);
    m_stc->Bind(wxEVT_STC_DWELLEND, [this](wxStyledTextEvent&) { m_stc->CallTipCancel(); });
    m_stc->Bind(wxEVT_KEY_DOWN, &TranscriptView::OnKeyDown, this);
    m_stc->Bind(wxEVT_CONTEXT_MENU, &TranscriptView::OnContextMenu, this);
}

TextRange TranscriptView::SnapToWords(TextRange range) const {
    // Words never cross a line break, so the lines holding the range are all the context the word breaking
    // needs; the whole transcript would cost milliseconds per coding.
    const int first_line = m_stc->LineFromPosition(m_text->ToStc(range.start));
    const int last_line = m_stc->LineFromPosition(m_text->ToStc(range.end));
    const StcRange window{m_stc->PositionFromLine(first_line), m_stc->GetLineEndPosition(last_line)};
    const std::int64_t offset = m_text->ToCore(window.start);
    const std::string_view lines = std::string_view(m_text->Utf8()).substr(static_cast<std::size_t>(window.start),
                                                                           static_cast<std::size_t>(window.end - window.start));
    const TextRange snapped = snap_to_words(lines, {range.start - offset, range.end - offset});
    return {snapped.start + offset, snapped.end + offset};
}

void TranscriptView::SetUpIndicators() {
    for (int lane = 0; lane < kLaneIndicators; ++lane) {
        const int indicator = kIndicatorBase + lane;
        m_stc->IndicatorSetStyle(indicator, kLaneStyles[lane]);
        m_stc->IndicatorSetFlags(indicator, wxSTC_INDICFLAG_VALUEFORE);
        m_stc->IndicatorSetUnder(indicator, true);
    }
    m_stc->IndicatorSetAlpha(kIndicatorBase, 70);
    m_stc->IndicatorSetOutlineAlpha(kIndicatorBase, 140);
    m_stc->IndicatorSetStyle(kSearchIndicator, wxSTC_INDIC_FULLBOX);
    m_stc->IndicatorSetForeground(kSearchIndicator, wxColour(0xF5, 0xA6, 0x23));
    m_stc->IndicatorSetAlpha(kSearchIndicator, 110);
    m_stc->IndicatorSetOutlineAlpha(kSearchIndicator, 255);
    m_stc->IndicatorSetUnder(kSearchIndicator, false);
    m_stc->IndicatorSetAlpha(kIndicatorBase + 2, 200);
    m_stc->IndicatorSetOutlineAlpha(kIndicatorBase + 2, 220);
}

void TranscriptView::FitReadingWidth() {
    // Lines of more than about 100 characters are hard to follow: in a wide window the text keeps that
    // measure and the room is left empty on the right.
    const int measure = m_stc->TextWidth(kText, wxString('n', 100));
    const int used = m_stc->GetMarginWidth(0) + m_stc->GetMarginLeft() + measure;
    m_stc->SetMarginRight(std::max(FromDIP(28), m_stc->GetClientSize().x - used));
}

std::string_view TranscriptView::GetText() const { return m_text ? std::string_view(m_text->Utf8()) : std::string_view(); }

void TranscriptView::ShowDocument(DocumentId id) {
    m_document = Document();
    m_codings.clear();
    if (id.valid() && HasSession()) m_document = GetSession()->document(id);
    LoadText(m_document);  // a new text has no indicators
    ShowCodings(LoadCodings());
    ShowMemoMarks();
    UpdateHeader();
}

void TranscriptView::ShowMemoMarks() {
    m_stripe->SetMemoMarks(m_document.id.valid() && HasSession() ? GetSession()->codings_with_memos(m_document.id)
                                                                  : std::vector<CodingId>());
}

void TranscriptView::Reload() { ShowDocument(HasSession() ? m_document.id : DocumentId()); }

void TranscriptView::OnSessionChange(const Change& change) {
    if (!m_document.id.valid()) return;
    if (change.touches(Change::Documents)) {
        const auto docs = GetSession()->documents();
        const auto it = std::find_if(docs.begin(), docs.end(), [&](const DocumentSummary& d) { return d.id == m_document.id; });
        if (it == docs.end()) {
            ShowDocument(DocumentId());
            return;
        }
        m_document.name = it->name;
    }
    if (change.touches(Change::Codes) || (change.touches(Change::Codings) && !change.codings_listed))
        ShowCodings(LoadCodings());
    else if (change.touches(Change::Codings) && !UpdateCodings(change.codings))
        ShowCodings(LoadCodings());
    if (change.touches(Change::Memos) || change.touches(Change::Codings)) ShowMemoMarks();
    UpdateHeader();
}

void TranscriptView::LoadText(const Document& document) {
    m_search_matches.clear();  // a new text has no marks
    m_unwrapped = true;
    m_text = std::make_unique<ShownText>(document.text);
    m_stc->SetReadOnly(false);
    // SetText() of a wxString would round-trip through UTF-32; the bytes go in as they are stored.
    m_stc->ClearAll();
    m_stc->AddTextRaw(m_text->Utf8().data(), m_text->Bytes());
    m_stc->SetReadOnly(true);
    m_stc->EmptyUndoBuffer();
    m_stc->SetMarginWidth(0, m_stc->TextWidth(wxSTC_STYLE_LINENUMBER, wxString::Format("_%d", m_stc->GetLineCount())) +
                                 FromDIP(8));
    FitReadingWidth();
    StyleText();
    m_stc->GotoPos(0);
}

void TranscriptView::StyleText() {
    m_stc->StartStyling(0);
    m_stc->SetStyling(m_text->Bytes(), kText);
    std::map<std::string, int> speakers;  // speaker -> style, in order of first appearance
    for (const Turn& turn : m_document.turns) {
        if (turn.speaker.empty()) continue;
        const int style = kSpeakerFirst + speakers.emplace(turn.speaker, static_cast<int>(speakers.size()) % kSpeakerCount)
                                              .first->second;
        const StcRange label = m_text->ToStc(TextRange{turn.start, turn.body_start});
        m_stc->StartStyling(label.start);
        m_stc->SetStyling(label.end - label.start, style);
    }
    StyleTimestamps();
}

void TranscriptView::StyleTimestamps() {
    const std::string_view text = m_text->Utf8();
    std::size_t from = 0;
    while (from < text.size()) {
        const auto match = find_timestamp(text.substr(from));
        if (!match) break;
        m_stc->StartStyling(static_cast<int>(from + match->byte_start));
        m_stc->SetStyling(static_cast<int>(match->byte_end - match->byte_start), kTimestamp);
        from += std::max<std::size_t>(match->byte_end, 1);
    }
}

std::vector<ShownCoding> TranscriptView::LoadCodings() {
    std::vector<ShownCoding> codings;
    m_code_looks.clear();
    m_coder_names.clear();
    if (!m_document.id.valid()) return codings;
    for (const CodeSummary& c : GetSession()->codes())
        m_code_looks[c.code.id.value] = {ToColour(c.code.color), std::make_shared<const wxString>(ToWx(c.path))};
    for (const Coder& c : GetSession()->coders()) m_coder_names[c.id.value] = std::make_shared<const wxString>(ToWx(c.name));
    // Drawing needs ranges, colours and names only: no coding texts are cut for thousands of codings.
    for (const Coding& c : GetSession()->document_codings(m_document.id)) codings.push_back(MakeShown(c));
    ArrangeCodings(codings);
    return codings;
}

ShownCoding TranscriptView::MakeShown(const Coding& c) const {
    const auto look = m_code_looks.find(c.code.value);
    const auto coder = m_coder_names.find(c.coder.value);
    return {c.id,
            c.code,
            c.range,
            m_text->ToStc(c.range),
            0,
            look == m_code_looks.end() ? wxColour() : look->second.colour,
            look == m_code_looks.end() ? std::make_shared<const wxString>() : look->second.path,
            coder == m_coder_names.end() ? std::make_shared<const wxString>() : coder->second};
}

void TranscriptView::ArrangeCodings(std::vector<ShownCoding>& codings) {
    std::sort(codings.begin(), codings.end(), [](const ShownCoding& a, const ShownCoding& b) {
        return std::tie(a.range.start, a.range.end, a.id.value) < std::tie(b.range.start, b.range.end, b.id.value);
    });
    std::vector<TextRange> ranges;
    ranges.reserve(codings.size());
    for (const ShownCoding& c : codings) ranges.push_back(c.range);
    const LaneLayout layout = AssignLanes(ranges);
    for (std::size_t i = 0; i < codings.size(); ++i) codings[i].lane = layout.lane[i];
}

bool TranscriptView::UpdateCodings(const std::vector<std::int64_t>& changed) {
    // The change names the codings it touched: only those are read again, instead of all of the document's
    // thousands (and the codebook's summaries) on every coding.
    const std::unordered_set<std::int64_t> touched(changed.begin(), changed.end());
    std::vector<ShownCoding> codings;
    codings.reserve(m_codings.size() + changed.size());
    for (const ShownCoding& c : m_codings)
        if (!touched.count(c.id.value)) codings.push_back(c);
    for (std::int64_t id : changed) {
        const std::optional<Coding> row = GetSession()->find_coding(CodingId(id));
        if (!row || row->document != m_document.id) continue;
        // A code or coder the view has not seen yet: read everything again.
        if (!m_code_looks.count(row->code.value) || !m_coder_names.count(row->coder.value)) return false;
        codings.push_back(MakeShown(*row));
    }
    ArrangeCodings(codings);
    ShowCodings(std::move(codings));
    return true;
}

void TranscriptView::ShowCodings(std::vector<ShownCoding> codings) {
    // Only codings that appear, vanish or change are cleared and filled again: the control then lays out
    // and repaints just those lines, which keeps coding fast in long transcripts with thousands of codings.
    std::unordered_map<std::int64_t, const ShownCoding*> before, after;
    for (const ShownCoding& c : m_codings) before[c.id.value] = &c;
    for (const ShownCoding& c : codings) after[c.id.value] = &c;
    auto unchanged = [](const std::unordered_map<std::int64_t, const ShownCoding*>& other, const ShownCoding& c) {
        const auto it = other.find(c.id.value);
        return it != other.end() && SameLook(*it->second, c);
    };
    // The last indicator is shared by all lanes from there on, where clearing one coding could cut another:
    // its changes are redrawn in whole runs of overlapping codings (RedrawOverlapRuns).
    const int shared = kIndicatorBase + kLaneIndicators - 1;
    std::vector<TextRange> shared_changes;
    TranscriptControl::IndicatorUpdate update(m_stc);
    for (const ShownCoding& c : m_codings) {
        if (unchanged(after, c)) continue;
        if (IndicatorOf(c) == shared) {
            shared_changes.push_back(c.range);
            continue;
        }
        m_stc->SetIndicatorCurrent(IndicatorOf(c));
        m_stc->IndicatorClearRange(c.bytes.start, c.bytes.end - c.bytes.start);
        update.Changed(c.bytes);
    }
    std::vector<const ShownCoding*> shared_codings;
    for (const ShownCoding& c : codings) {
        if (IndicatorOf(c) == shared) {
            shared_codings.push_back(&c);
            if (!unchanged(before, c)) shared_changes.push_back(c.range);
            continue;
        }
        if (unchanged(before, c)) continue;
        m_stc->SetIndicatorCurrent(IndicatorOf(c));
        m_stc->SetIndicatorValue(ToIndicatorValue(c.colour));
        m_stc->IndicatorFillRange(c.bytes.start, c.bytes.end - c.bytes.start);
        update.Changed(c.bytes);
    }
    if (!shared_changes.empty()) {
        std::vector<TextRange> ranges;
        ranges.reserve(shared_codings.size());
        for (const ShownCoding* c : shared_codings) ranges.push_back(c->range);
        const OverlapRedraw redraw = RedrawOverlapRuns(ranges, std::move(shared_changes));
        m_stc->SetIndicatorCurrent(shared);
        for (const TextRange& span : redraw.clear) {
            const StcRange bytes = m_text->ToStc(span);
            m_stc->IndicatorClearRange(bytes.start, bytes.end - bytes.start);
            update.Changed(bytes);
        }
        for (std::size_t i : redraw.fill) {
            const ShownCoding& c = *shared_codings[i];
            m_stc->SetIndicatorValue(ToIndicatorValue(c.colour));
            m_stc->IndicatorFillRange(c.bytes.start, c.bytes.end - c.bytes.start);
        }
    }
    m_codings = std::move(codings);
    int lanes = 0;
    for (const ShownCoding& c : m_codings) lanes = std::max(lanes, c.lane + 1);
    m_stripe->SetCodings(&m_codings, lanes);
}

void TranscriptView::UpdateHeader() {
    const wxString title = m_title->GetLabel();
    if (!m_document.id.valid()) {
        m_title->SetLabel(HasSession() ? _("No document open") : _("No project open"));
        m_info->SetLabel(HasSession() ? _("Choose a document in the Documents pane.") : _("Open or create a project in the File menu."));
    } else {
        m_title->SetLabel(ToWx(m_document.name));
        const std::size_t turns = m_document.turns.size(), codings = m_codings.size();
        const long long characters = static_cast<long long>(m_document.length);
        m_info->SetLabel(wxString::Format(wxPLURAL("%zu turn", "%zu turns", turns), turns) + " \u00B7 " +
                         wxString::Format(wxPLURAL("%zu coding", "%zu codings", codings), codings) + " \u00B7 " +
                         wxString::Format(wxPLURAL("%lld character", "%lld characters", characters), characters));
    }
    // The counts fill the rest of the row whatever they say; only a new title moves them.
    if (m_title->GetLabel() != title) Layout();
}

std::optional<TextRange> TranscriptView::GetSelectedRange() const {
    if (!m_text) return std::nullopt;
    const TextRange range = m_text->ToCore(StcRange{m_stc->GetSelectionStart(), m_stc->GetSelectionEnd()});
    if (range.empty()) return std::nullopt;
    return range;
}

std::int64_t TranscriptView::GetCaretOffset() const { return m_text ? m_text->ToCore(m_stc->GetCurrentPos()) : 0; }

CaretPosition TranscriptView::GetCaretPosition() const {
    if (!m_text) return {};
    const int pos = m_stc->GetCurrentPos();
    const int line = m_stc->LineFromPosition(pos);
    const std::int64_t offset = m_text->ToCore(pos);
    return {line + 1, offset - m_text->ToCore(m_stc->PositionFromLine(line)) + 1, offset};
}

void TranscriptView::SelectRange(TextRange range) {
    if (!m_text) return;
    const StcRange bytes = m_text->ToStc(range);
    m_stc->SetSelection(bytes.start, bytes.end);
    // Wrapping is computed lazily: in a document just opened, display lines below the screen are not known
    // yet, so a scroll position worked out in display lines lands too high once they are. The control keeps
    // the document line at the top while it wraps, so the range's start is placed by its document line: on
    // screen already, nothing moves; otherwise it goes near the top, with the line before it for context.
    // Before the first paint even the lines on screen have not wrapped, and a line that will be far below
    // looks on screen (a docx or odt transcript has no blank lines between its long paragraphs): then the
    // range is always placed.
    const int target = m_stc->LineFromPosition(bytes.start);
    const int top = m_stc->GetFirstVisibleLine();
    const int first_shown = m_stc->DocLineFromVisible(top);
    const int last_shown = m_stc->DocLineFromVisible(top + std::max(1, m_stc->LinesOnScreen()) - 1);
    if (m_unwrapped || target <= first_shown || target >= last_shown)
        m_stc->SetFirstVisibleLine(m_stc->VisibleFromDocLine(std::max(0, target - 2)));
}

std::vector<const ShownCoding*> TranscriptView::CodingsAt(std::int64_t offset) const {
    std::vector<const ShownCoding*> out;
    for (const ShownCoding& c : m_codings) {
        if (c.range.start > offset) break;
        if (offset < c.range.end) out.push_back(&c);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const ShownCoding* a, const ShownCoding* b) { return a->range.length() < b->range.length(); });
    return out;
}

const ShownCoding* TranscriptView::FindCoding(CodingId id) const {
    const auto it = std::find_if(m_codings.begin(), m_codings.end(), [&](const ShownCoding& c) { return c.id == id; });
    return it == m_codings.end() ? nullptr : &*it;
}

void TranscriptView::SetSearchMatches(const std::vector<TextRange>& matches) {
    TranscriptControl::IndicatorUpdate update(m_stc);
    m_stc->SetIndicatorCurrent(kSearchIndicator);
    for (const StcRange& r : m_search_matches) {
        m_stc->IndicatorClearRange(r.start, r.end - r.start);
        update.Changed(r);
    }
    m_search_matches.clear();
    if (!m_text) return;
    for (const TextRange& r : matches) {
        const StcRange bytes = m_text->ToStc(r);
        if (bytes.end <= bytes.start) continue;
        m_stc->IndicatorFillRange(bytes.start, bytes.end - bytes.start);
        update.Changed(bytes);
        m_search_matches.push_back(bytes);
    }
}

void TranscriptView::SetCurrentCoding(CodingId id) { m_stripe->SetCurrent(id); }

void TranscriptView::OnDwellStart(wxStyledTextEvent& event) {
    if (!m_text || event.GetPosition() < 0 || !m_stc->IsShownOnScreen()) return;
    const auto here = CodingsAt(m_text->ToCore(event.GetPosition()));
    if (here.empty()) return;
    // One line per code, naming its coders: two coders' codings of one passage are one line.
    std::vector<std::pair<wxString, wxArrayString>> lines;
    for (const ShownCoding* c : here) {
        auto line = std::find_if(lines.begin(), lines.end(), [&](const auto& l) { return l.first == *c->code_path; });
        if (line == lines.end()) line = lines.insert(lines.end(), {*c->code_path, wxArrayString()});
        if (line->second.Index(*c->coder) == wxNOT_FOUND) line->second.Add(*c->coder);
    }
    wxString tip;
    for (const auto& [path, coders] : lines) {
        tip << (tip.empty() ? "" : "\n") << path << "  (";
        for (std::size_t i = 0; i < coders.size(); ++i) tip << (i ? ", " : "") << coders[i];
        tip << ")";
    }
    m_stc->CallTipShow(event.GetPosition(), tip);
}

void TranscriptView::OnKeyDown(wxKeyEvent& event) {
    // The control is read-only: Tab moves to the next pane instead of being swallowed.
    if (event.GetKeyCode() == WXK_TAB && !event.ControlDown()) {
        m_stc->Navigate(event.ShiftDown() ? wxNavigationKeyEvent::IsBackward : wxNavigationKeyEvent::IsForward);
        return;
    }
    const auto* frame = wxDynamicCast(wxGetTopLevelParent(this), wxFrame);
    if (frame && RunMenuShortcut(frame->GetMenuBar(), event)) return;
    const int key = event.GetKeyCode();
    if (m_text && !event.HasAnyModifiers() && (key == WXK_BACK || key == WXK_DELETE || key == WXK_RETURN)) SayReadOnly();
    event.Skip();
}

void TranscriptView::OnChar(wxKeyEvent& event) {
    // Typing would be swallowed without a word: say why, and how a transcript is corrected.
    const wxChar typed = event.GetUnicodeKey();
    if (m_text && typed >= 32 && typed != WXK_DELETE && !event.ControlDown() && !event.AltDown()) SayReadOnly();
    event.Skip();
}

void TranscriptView::SayReadOnly() {
    const wxString message = _("The transcript cannot be typed in while coding, so codings stay on their words. To "
                               "correct it, use kodex-cli edit (kodex-cli edit --help).");
    m_stc->CallTipSetBackground(wxColour(0xFF, 0xFD, 0xE8));
    m_stc->CallTipShow(m_stc->GetCurrentPos(), message);
    wxLogStatus(message);
}

void TranscriptView::OnContextMenu(wxContextMenuEvent& event) {
    m_stc->CallTipCancel();
    // A right click outside the selection moves the caret there, so the menu acts on what was clicked.
    const wxPoint point = event.GetPosition() == wxDefaultPosition ? wxDefaultPosition : m_stc->ScreenToClient(event.GetPosition());
    if (point != wxDefaultPosition) {
        const int pos = m_stc->PositionFromPoint(point);
        if (pos < m_stc->GetSelectionStart() || pos > m_stc->GetSelectionEnd()) m_stc->GotoPos(pos);
    }
    if (const auto here = CodingsAt(GetCaretOffset()); !here.empty())
        Send(this, EVT_CODING_CHOSEN, m_document.id, here.front()->code, here.front()->id);
    event.Skip();
}

}  // namespace kodex::gui
