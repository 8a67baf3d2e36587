// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The names of user actions, as the Edit menu shows them ("Undo Apply code 'Netzwerk'") and undo_log
// stores them.
//
// A label is an English template with numbered placeholders ({1}, {2}) and the values that fill them.
// undo_log keeps the template and the values joined by U+001F, so the CLI prints the English text and the
// editor translates the template and fills in the (untranslated) names. Labels stored without U+001F are
// a template without placeholders and show as they are.
#include <string>
#include <string_view>
#include <vector>

namespace kodex {

struct ActionLabel {
    std::string text;               ///< the template, e.g. "Apply code '{1}'"
    std::vector<std::string> args;  ///< the values of {1}, {2}, ...

    ActionLabel() = default;
    ActionLabel(std::string text_template, std::vector<std::string> values = {})  // NOLINT: plain labels convert
        : text(std::move(text_template)), args(std::move(values)) {}
    ActionLabel(const char* text_template) : text(text_template) {}  // NOLINT

    /// The label in English, placeholders filled in.
    std::string english() const;
    /// The form kept in undo_log.
    std::string stored() const;
    static ActionLabel from_stored(std::string_view stored);
    bool operator==(const ActionLabel& o) const { return text == o.text && args == o.args; }
};

/// Fills {1}..{9} in `text_template` with `args`; a placeholder without a value stays as it is.
std::string fill_label(std::string_view text_template, const std::vector<std::string>& args);

/// The templates of every action core performs, for translation catalogs (and the test that keeps them
/// translated).
namespace labels {
inline constexpr const char* kImportTranscript = "Import transcript '{1}'";
inline constexpr const char* kImportTranscripts = "Import {1} transcripts";
inline constexpr const char* kRenameDocument = "Rename document '{1}' to '{2}'";
inline constexpr const char* kDeleteDocument = "Delete document '{1}'";
inline constexpr const char* kAddCode = "Add code '{1}'";
inline constexpr const char* kRenameCode = "Rename code '{1}' to '{2}'";
inline constexpr const char* kRecolourCode = "Change colour of code '{1}'";
inline constexpr const char* kDescribeCode = "Describe code '{1}'";
inline constexpr const char* kMoveCode = "Move code '{1}'";
inline constexpr const char* kMergeCode = "Merge code '{1}' into '{2}'";
inline constexpr const char* kDeleteCode = "Delete code '{1}'";
inline constexpr const char* kImportCodebook = "Import codebook '{1}'";
inline constexpr const char* kApplyCode = "Apply code '{1}'";
inline constexpr const char* kRemoveCoding = "Remove coding '{1}'";
inline constexpr const char* kChangeRange = "Change range of coding '{1}'";
inline constexpr const char* kChangeCode = "Change code of coding '{1}' to '{2}'";
inline constexpr const char* kCodeInVivo = "Code in vivo '{1}'";
inline constexpr const char* kAssignQuickKey = "Assign quick key";
inline constexpr const char* kEditProjectMemo = "Edit memo of project";
inline constexpr const char* kEditDocumentMemo = "Edit memo of document '{1}'";
inline constexpr const char* kEditCodeMemo = "Edit memo of code '{1}'";
inline constexpr const char* kEditCodingMemo = "Edit memo of coding '{1}'";
inline constexpr const char* kDefineVariable = "Define variable '{1}'";
inline constexpr const char* kSetVariable = "Set variable '{1}' of '{2}'";
inline constexpr const char* kImportVariables = "Import variables from '{1}'";
inline constexpr const char* kAutoCode = "Auto-code '{1}' as '{2}'";
inline constexpr const char* kCodeSampleStudy = "Code the sample study";
inline constexpr const char* kEditText = "Edit the text of '{1}'";
}  // namespace labels

const std::vector<std::string_view>& action_label_templates();

}  // namespace kodex
