// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The sample study that ships with Kodex (codebooks/ and transcripts/): built into a new project for
// the editor's first start and for demonstrations.
#include <string>

#include "core/progress.h"

namespace kodex {

/// Creates `target` from `source_root` (a folder holding codebooks/*.qdc and transcripts/ with the
/// interviews, variables.csv and codings.tsv). Throws like the underlying steps; on failure `target` is removed.
void build_sample_study(const std::string& source_root, const std::string& target, const Progress& progress = {});

}  // namespace kodex
