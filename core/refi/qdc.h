// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// REFI-QDA Codebook Exchange (.qdc): read what real vendors write, write exactly what Codebook.xsd wants.
#include <string>
#include <vector>

#include "core/model/code.h"

namespace kodex {

/// A code as it travels through a codebook file: the tree is expressed by nesting.
struct CodebookEntry {
    std::string guid;   ///< kept as read; generated on write when empty
    std::string name;
    std::string color;  ///< "#RRGGBB" upper case, or empty
    bool codable = true;
    CodeDescription description;
    std::vector<CodebookEntry> children;
};

struct CodebookSet {
    std::string guid;
    std::string name;
    std::string description;
    std::vector<std::string> member_guids;
};

struct Codebook {
    std::string origin;
    std::vector<CodebookEntry> codes;
    std::vector<CodebookSet> sets;
    std::vector<std::string> warnings;  ///< tolerated oddities met while reading (unknown namespace, bad colour ...)
};

/// Parses a .qdc document. Accepts namespace variants (urn:QDA-XML:codebook:1.0, 1:0, 0:4, prefixed
/// elements), a UTF-8 BOM, #RGB and lower-case colours, empty <Sets/>. Never loads DTDs or external
/// entities. Throws ParseError(file, offset, reason) for malformed XML or a root that is not CodeBook.
Codebook read_qdc(const std::string& xml_bytes, const std::string& file_name);
/// Writes a schema-valid .qdc (UTF-8 without BOM, LF, urn:QDA-XML:codebook:1.0). Structured descriptions
/// become one Description text with labelled parts that read_qdc splits again.
std::string write_qdc(const Codebook& book);

/// Joins a structured description into REFI's single Description text, and splits it back
/// (labels in English or German: "Definition:", "Anchor example:"/"Ankerbeispiel:", "Coding rule:"/"Kodierregel:").
/// Text without labels becomes the definition.
std::string join_description(const CodeDescription& d);
CodeDescription split_description(const std::string& text);

/// Canonical colour "#RRGGBB" (upper case) from "#RGB"/"#rrggbb"; empty when the input is not a colour.
std::string canonical_color(const std::string& c);

}  // namespace kodex
