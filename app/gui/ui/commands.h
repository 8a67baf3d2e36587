// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Command ids of the editor. The main frame handles every one of them; menus, the tool bar and the panels'
// context menus only send them, so a command behaves the same wherever it is started.
#include <wx/defs.h>

namespace kodex::gui {

enum CommandId : int {
    ID_IMPORT_FILES = wxID_HIGHEST + 1,
    ID_IMPORT_FOLDER,
    ID_IMPORT_CODEBOOK,
    ID_EXPORT_CODEBOOK,
    ID_IMPORT_QDPX,
    ID_EXPORT_QDPX,
    ID_SAVE_COPY,
    ID_OPEN_SAMPLE_STUDY,
    ID_GETTING_STARTED,
    ID_KEYBOARD_SHORTCUTS,

    ID_CODE_SELECTION,      // with the code selected in the codebook
    ID_CODE_WITH,           // pick the code in a dialog
    ID_CODE_LAST,           // with the most recently used code
    ID_CODE_IN_VIVO,
    ID_CODE_TURN,
    ID_SNAP_TO_WORDS,
    ID_REMOVE_CODING,       // the current coding
    ID_CHANGE_CODING_CODE,  // give the current coding another code
    ID_CODING_MEMO,
    ID_SHOW_CODE_IN_TREE,
    ID_SELECT_CODING_TEXT,
    ID_COMPARE_CODERS,      // show the intercoder agreement pane

    ID_NEW_CODE,
    ID_NEW_SUBCODE,
    ID_RENAME_CODE,
    ID_CODE_COLOUR,
    ID_DESCRIBE_CODE,
    ID_MOVE_CODE,           // under another parent, picked in a dialog
    ID_MERGE_CODE,
    ID_DELETE_CODE,
    ID_CODE_MEMO,
    ID_DOCUMENT_MEMO,
    ID_PROJECT_MEMO,
    ID_RENAME_DOCUMENT,     // the shown document
    ID_DELETE_DOCUMENT,

    ID_NEXT_PANE,
    ID_PREVIOUS_PANE,
    ID_RESET_LAYOUT,
    ID_ZOOM_IN,
    ID_ZOOM_OUT,
    ID_ZOOM_RESET,

    // Ranges: base + index.
    ID_RECENT_CODE_FIRST,
    ID_RECENT_CODE_LAST = ID_RECENT_CODE_FIRST + 9,
    ID_QUICK_CODE_FIRST,                           // Ctrl+1 .. Ctrl+9
    ID_QUICK_CODE_LAST = ID_QUICK_CODE_FIRST + 8,
    ID_ASSIGN_QUICK_KEY_FIRST,                     // key 0 (none) .. 9
    ID_ASSIGN_QUICK_KEY_LAST = ID_ASSIGN_QUICK_KEY_FIRST + 9,
    ID_SHOW_PANE_FIRST,
    ID_SHOW_PANE_LAST = ID_SHOW_PANE_FIRST + 9,
    ID_EXPORT_ANALYSIS_FIRST,                      // one per kodex::AnalysisKind, in its order
    ID_EXPORT_ANALYSIS_LAST = ID_EXPORT_ANALYSIS_FIRST + 6,
};

}  // namespace kodex::gui
