// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// GUIDs as REFI-QDA writes them: RFC 4122 UUIDs in the 8-4-4-4-12 hex form.
#include <string>

namespace kodex {

/// A fresh random RFC 4122 version-4 UUID, lower case, e.g. "0f8fad5b-d9cb-469f-a165-70867728950e".
std::string new_guid();

/// True when s is 8-4-4-4-12 hex digits (either case, no braces, no surrounding space).
bool is_guid(const std::string& s);

}  // namespace kodex
