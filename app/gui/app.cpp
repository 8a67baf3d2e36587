// SPDX-License-Identifier: GPL-3.0-or-later
// The Kodex editor. This first window opens a project and shows its documents and their text; the
// coding editor builds on it.
#include <wx/wx.h>
#include <wx/splitter.h>
#include <wx/stc/stc.h>

#include <memory>

#include "core/errors.h"
#include "core/session.h"

namespace {

class MainFrame : public wxFrame {
public:
    explicit MainFrame(std::unique_ptr<kodex::Session> session)
        : wxFrame(nullptr, wxID_ANY, "Kodex", wxDefaultPosition, wxSize(1200, 800)), m_session(std::move(session)) {
        SetTitle(wxString::FromUTF8(m_session->path()) + " - Kodex");
        auto* split = new wxSplitterWindow(this, wxID_ANY);
        m_docs = new wxListBox(split, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, wxLB_SINGLE, wxDefaultValidator,
                               "documents");
        m_text = new wxStyledTextCtrl(split, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "transcript");
        m_text->SetWrapMode(wxSTC_WRAP_WORD);
        m_text->SetMarginWidth(1, 0);
        m_text->StyleSetFont(wxSTC_STYLE_DEFAULT, wxFontInfo(11).FaceName("DejaVu Sans"));
        m_text->StyleClearAll();
        m_text->SetMarginLeft(12);
        split->SplitVertically(m_docs, m_text, 260);
        CreateStatusBar();
        for (const auto& d : m_session->documents()) {
            m_docs->Append(wxString::FromUTF8(d.name));
            m_ids.push_back(d.id);
        }
        m_docs->Bind(wxEVT_LISTBOX, &MainFrame::OnDocument, this);
        if (!m_ids.empty()) {
            m_docs->SetSelection(0);
            ShowDocument(0);
        }
    }

private:
    void OnDocument(wxCommandEvent& e) { ShowDocument(e.GetSelection()); }

    void ShowDocument(int index) {
        if (index < 0 || static_cast<std::size_t>(index) >= m_ids.size()) return;
        const kodex::Document d = m_session->document(m_ids[static_cast<std::size_t>(index)]);
        m_text->SetReadOnly(false);
        m_text->SetText(wxString::FromUTF8(d.text));
        m_text->SetReadOnly(true);
        SetStatusText(wxString::Format("%s: %lld characters, %zu turns", wxString::FromUTF8(d.name),
                                       static_cast<long long>(d.length), d.turns.size()));
    }

    std::unique_ptr<kodex::Session> m_session;
    wxListBox* m_docs;
    wxStyledTextCtrl* m_text;
    std::vector<kodex::DocumentId> m_ids;
};

class KodexApp : public wxApp {
public:
    bool OnInit() override {
        if (argc < 2) {
            wxMessageBox("Usage: kodex PROJECT.kodex", "Kodex", wxOK | wxICON_INFORMATION);
            return false;
        }
        try {
            auto session = kodex::Session::open(argv[1].ToStdString(wxConvUTF8));
            (new MainFrame(std::move(session)))->Show();
            return true;
        } catch (const kodex::Error& e) {
            wxMessageBox(wxString::FromUTF8(e.what()), "Kodex: cannot open the project", wxOK | wxICON_ERROR);
            return false;
        }
    }
};

}  // namespace

wxIMPLEMENT_APP(KodexApp);
