// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the editor says before merging codes, deleting a document and restarting for a new language: each text
// names what will happen (with the counts), so nobody has to guess or read the manual.
#include <wx/window.h>

#include <cstdint>

namespace kodex::gui {

/// The note shown in the merge picker: the codings that move, the subcodes that are re-parented, the memo that
/// is appended (when there is one), the backup taken first and how to undo.
wxString MergeNote(const wxString& code_name, std::int64_t codings, std::size_t subcodes, bool has_memo);
/// Deleting a document: says how many codings go with it and (with codings) that a backup is taken. True to delete.
bool ConfirmDeleteDocument(wxWindow* parent, const wxString& name, std::int64_t codings);
/// After a change of language: true to restart Kodex now.
bool AskRestartForLanguage(wxWindow* parent);

}  // namespace kodex::gui
