// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <string>
#include <vector>

namespace kodex {

/// The colours new codes get in turn ("#RRGGBB"): distinct, and readable as highlight backgrounds.
const std::vector<std::string>& code_palette();

}  // namespace kodex
