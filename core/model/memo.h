// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <string>

#include "core/model/ids.h"

namespace kodex {

enum class MemoTarget { Project, Document, Code, Coding };

/// A free-text memo attached to the project, a document, a code or a coding (at most one per target).
struct Memo {
    MemoId id;
    std::string guid;
    MemoTarget target = MemoTarget::Project;
    DocumentId document;  ///< set when target == Document
    CodeId code;          ///< set when target == Code
    CodingId coding;      ///< set when target == Coding
    std::string text;
    std::string modified_at;
};

}  // namespace kodex
