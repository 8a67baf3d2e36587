// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// GUIDs as REFI-QDA writes them: RFC 4122 UUIDs in the 8-4-4-4-12 hex form.
#include <string>

namespace kodex {

/// A fresh random RFC 4122 version-4 UUID, upper case as ATLAS.ti and MAXQDA write them
/// (e.g. "0F8FAD5B-D9CB-469F-A165-70867728950E").
std::string new_guid();

/// True when s is 8-4-4-4-12 hex digits (either case, no braces, no surrounding space).
bool is_guid(const std::string& s);

}  // namespace kodex
