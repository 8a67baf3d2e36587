// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/action_label.h"

namespace kodex {

namespace {
constexpr char kSeparator = '\x1F';
}

std::string fill_label(std::string_view text_template, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(text_template.size());
    for (std::size_t i = 0; i < text_template.size(); ++i) {
        const char c = text_template[i];
        if (c == '{' && i + 2 < text_template.size() && text_template[i + 2] == '}' && text_template[i + 1] >= '1' &&
            text_template[i + 1] <= '9') {
            const auto n = static_cast<std::size_t>(text_template[i + 1] - '1');
            if (n < args.size()) {
                out += args[n];
                i += 2;
                continue;
            }
        }
        out += c;
    }
    return out;
}

std::string ActionLabel::english() const { return fill_label(text, args); }

std::string ActionLabel::stored() const {
    if (args.empty()) return text;
    std::string out = text;
    for (const std::string& a : args) {
        out += kSeparator;
        // A value never carries the separator: it would shift the values after it.
        for (char c : a) out += c == kSeparator ? ' ' : c;
    }
    return out;
}

ActionLabel ActionLabel::from_stored(std::string_view stored) {
    ActionLabel label;
    std::size_t at = stored.find(kSeparator);
    label.text = std::string(stored.substr(0, at));
    while (at != std::string_view::npos) {
        const std::size_t next = stored.find(kSeparator, at + 1);
        label.args.emplace_back(stored.substr(at + 1, next == std::string_view::npos ? std::string_view::npos : next - at - 1));
        at = next;
    }
    return label;
}

const std::vector<std::string_view>& action_label_templates() {
    using namespace labels;
    static const std::vector<std::string_view> all{
        kImportTranscript, kImportTranscripts, kRenameDocument, kDeleteDocument,  kAddCode,         kRenameCode,
        kRecolourCode,     kDescribeCode,      kMoveCode,       kMergeCode,       kDeleteCode,      kImportCodebook,
        kApplyCode,        kRemoveCoding,      kChangeRange,    kChangeCode,      kCodeInVivo,
        kAssignQuickKey,    kEditProjectMemo, kEditDocumentMemo, kEditCodeMemo,  kEditCodingMemo,
        kDefineVariable,   kSetVariable,       kImportVariables, kAutoCode,       kCodeSampleStudy,
        kEditText};
    return all;
}

}  // namespace kodex
