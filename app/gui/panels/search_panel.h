// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Full-text search: a query box, the hits as keyword-in-context lines (document, speaker, time, left
// context, the match, right context), and a summary or the query's error. Selecting a hit asks the frame to
// show it; the transcript then marks every match in that document. The index (core/search) is built on
// the first search and kept up to date as the project changes.
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

#include <functional>
#include <memory>
#include <vector>

#include "app/gui/ui/session_panel.h"
#include "core/search/search_index.h"

namespace kodex::gui {

class HitList;

class SearchPanel : public SessionPanel {
public:
    explicit SearchPanel(wxWindow* parent);
    ~SearchPanel() override;

    /// Runs a query (also what Enter in the query box does); an empty query clears the list.
    void Search(const wxString& query);
    const std::vector<SearchHit>& GetHits() const { return m_hits; }
    /// The matched words of all listed hits in one document, for the transcript to mark.
    std::vector<TextRange> MatchesIn(DocumentId document) const;
    /// Selects (and shows) a hit of the list.
    void SelectHit(std::size_t index);
    wxSearchCtrl* GetQueryBox() const { return m_query; }
    wxString GetMessage() const { return m_summary->GetLabel(); }

    /// Called when a hit is selected: the frame shows its document and selects it.
    std::function<void(const SearchHit&)> on_show_hit;
    /// Called after every search (and when the list is cleared), for the transcript's marks.
    std::function<void()> on_results;
    /// Asked for the code when the user codes the hits (an invalid id cancels).
    std::function<CodeId()> pick_code;
    /// Applies `code` to the listed hits (or their sentences or turns, as chosen) as one undoable action.
    AutocodeReport CodeHits(CodeId code);

    void Reload() override;

private:
    friend class HitList;
    void OnSessionChange(const Change& change) override;
    void Run();
    void RunQuery();
    void ShowError(const wxString& message);
    void SetSummary(const wxString& text);

    wxSearchCtrl* m_query;
    wxChoice* m_sort;
    wxChoice* m_scope;
    wxButton* m_code;
    wxStaticText* m_summary;
    HitList* m_list;
    std::unique_ptr<SearchIndex> m_index;
    wxString m_text;  ///< the query shown
    std::vector<SearchHit> m_hits;
};

}  // namespace kodex::gui
