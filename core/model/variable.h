// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <string>

#include "core/model/ids.h"

namespace kodex {

enum class VariableType { Text, Integer, Decimal, Date, Boolean };

/// Name used in files and the CLI: "text", "integer", "decimal", "date", "boolean".
const char* to_string(VariableType t);
/// Parses the names above; throws InvalidArgument otherwise.
VariableType variable_type_from_string(const std::string& s);
/// Checks and canonicalises a value for a type ("1,5" -> "1.5", "ja"/"true"/"1" -> "true", dates as YYYY-MM-DD);
/// throws InvalidArgument naming the value and the type when it does not fit.
std::string canonical_value(VariableType t, const std::string& value);

struct Variable {
    VariableId id;
    std::string guid;
    std::string name;
    VariableType type = VariableType::Text;
};

}  // namespace kodex
