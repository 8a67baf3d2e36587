// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <string>

#include "core/model/ids.h"
#include "core/model/text_range.h"

namespace kodex {

struct Coder {
    CoderId id;
    std::string guid;
    std::string name;
};

/// A code applied to a half-open code point range of one document by one coder.
struct Coding {
    CodingId id;
    std::string guid;
    DocumentId document;
    CodeId code;
    CoderId coder;
    TextRange range;
    std::string created_at;  ///< UTC, ISO 8601
};

}  // namespace kodex
