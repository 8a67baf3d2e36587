// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small questions the editor asks before an action: each returns the answer, or nothing for Cancel.
#include <wx/window.h>

#include <optional>
#include <string>
#include <vector>

#include "core/session.h"

namespace kodex::gui {

/// Deleting a code that has codings (its own or its subcodes'): delete them, or move them to the parent code.
std::optional<DeleteCodings> AskDeleteCodings(wxWindow* parent, const wxString& code_name, std::int64_t codings,
                                              bool has_parent);
/// Another Kodex holds the project: true to open it read-only.
bool AskOpenReadOnly(wxWindow* parent, const wxString& path, const wxString& holder);
/// The coders whose codings to compare, two or more, the `chosen` ones ticked (none: the first two). Says so and
/// returns nothing when the project has codings of fewer than two coders or fewer than two are ticked.
std::optional<std::vector<std::string>> AskCoders(wxWindow* parent, Session& session,
                                                  const std::vector<std::string>& chosen);
/// Deleting a code without codings that has subcodes: true to go on.
bool ConfirmDeleteCode(wxWindow* parent, const wxString& code_name, std::size_t subcodes);

}  // namespace kodex::gui
