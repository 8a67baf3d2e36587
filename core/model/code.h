// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <string>

#include "core/model/ids.h"

namespace kodex {

/// The structured description of a code, as codebooks in qualitative content analysis have it.
struct CodeDescription {
    std::string definition;
    std::string anchor_example;
    std::string coding_rule;
    bool empty() const { return definition.empty() && anchor_example.empty() && coding_rule.empty(); }
    friend bool operator==(const CodeDescription& a, const CodeDescription& b) {
        return a.definition == b.definition && a.anchor_example == b.anchor_example && a.coding_rule == b.coding_rule;
    }
};

struct Code {
    CodeId id;
    std::string guid;
    CodeId parent;       ///< invalid (0) for top-level codes
    int position = 0;    ///< order among siblings, 0-based
    std::string name;
    std::string color;   ///< "#RRGGBB", upper case
    CodeDescription description;
    bool codable = true; ///< false for folders that only group codes (REFI isCodable)
};

}  // namespace kodex
