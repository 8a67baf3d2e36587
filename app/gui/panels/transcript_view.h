// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The transcript of one document, read-only: speaker labels bold, timestamps grey, coded ranges in their
// codes' colours (overlaps in different indicator styles, one lane each), and the coding stripe beside it.
// Selections are reported in code points; all position conversions go through ShownText.
#include <wx/stattext.h>
#include <wx/stc/stc.h>

#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/gui/panels/coding_stripe.h"
#include "app/gui/panels/transcript_control.h"
#include "app/gui/ui/convert.h"
#include "app/gui/ui/session_panel.h"
#include "core/model/coding.h"
#include "core/model/document.h"

namespace kodex::gui {

/// Where the caret is, for the status bar.
struct CaretPosition {
    int line = 0;               ///< 1-based
    std::int64_t column = 0;    ///< 1-based, in characters
    std::int64_t offset = 0;    ///< code point offset in the document
};

class TranscriptView : public SessionPanel {
public:
    explicit TranscriptView(wxWindow* parent);

    /// Shows a document (an invalid id clears the view).
    void ShowDocument(DocumentId id);
    DocumentId GetDocument() const { return m_document.id; }
    const Document& GetShownDocument() const { return m_document; }
    /// The shown text, UTF-8 (empty without a document).
    std::string_view GetText() const;
    wxStyledTextCtrl* GetControl() const { return m_stc; }

    /// The selected range in code points, if text is selected.
    std::optional<TextRange> GetSelectedRange() const;
    /// The caret's code point offset.
    std::int64_t GetCaretOffset() const;
    CaretPosition GetCaretPosition() const;
    /// Widens a range to whole words (kodex::snap_to_words on the lines that hold it).
    TextRange SnapToWords(TextRange range) const;
    /// Selects a code point range and scrolls it into view.
    void SelectRange(TextRange range);

    /// Codings of the shown document that contain `offset`, the narrowest first.
    std::vector<const ShownCoding*> CodingsAt(std::int64_t offset) const;
    const ShownCoding* FindCoding(CodingId id) const;
    /// Marks these ranges as search matches (replacing earlier marks).
    void SetSearchMatches(const std::vector<TextRange>& matches);
    std::size_t SearchMatchCount() const { return m_search_matches.size(); }
    /// Marks a coding as current in the stripe.
    void SetCurrentCoding(CodingId id);
    std::size_t CodingCount() const { return m_codings.size(); }
    const CodingStripe* GetStripe() const { return m_stripe; }

    void Reload() override;

private:
    void OnSessionChange(const Change& change) override;
    void SetUpControl();
    void SetUpIndicators();
    void FitReadingWidth();
    void LoadText(const Document& document);
    void StyleText();
    void StyleTimestamps();
    /// The shown document's codings from the session, sorted by start, with their lanes.
    std::vector<ShownCoding> LoadCodings();
    /// Marks the codings that have a memo on the stripe.
    void ShowMemoMarks();
    ShownCoding MakeShown(const Coding& coding) const;
    /// Sorts codings by start, end and id and gives them their lanes.
    static void ArrangeCodings(std::vector<ShownCoding>& codings);
    /// Reads just the listed codings again; false when the view needs a full reload instead.
    bool UpdateCodings(const std::vector<std::int64_t>& changed);
    /// Makes `codings` the shown ones, repainting only what changed.
    void ShowCodings(std::vector<ShownCoding> codings);
    void UpdateHeader();
    void OnDwellStart(wxStyledTextEvent& event);
    void OnKeyDown(wxKeyEvent& event);
    void OnChar(wxKeyEvent& event);
    /// Says, at the caret and in the status bar, that the text is read-only and how to correct it.
    void SayReadOnly();
    void OnContextMenu(wxContextMenuEvent& event);

    wxStaticText* m_title;
    wxStaticText* m_info;
    CodingStripe* m_stripe;
    TranscriptControl* m_stc;
    Document m_document;
    std::unique_ptr<ShownText> m_text;
    std::vector<ShownCoding> m_codings;  ///< sorted by start
    std::vector<StcRange> m_search_matches;
    /// A text loaded but not painted yet: its lines have not wrapped, so what is on screen is not known.
    bool m_unwrapped = false;
    struct CodeLook {
        wxColour colour;
        std::shared_ptr<const wxString> path;
    };
    std::unordered_map<std::int64_t, CodeLook> m_code_looks;  ///< by code id, as of the last full load
    std::unordered_map<std::int64_t, std::shared_ptr<const wxString>> m_coder_names;
};

}  // namespace kodex::gui
