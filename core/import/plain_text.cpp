// SPDX-License-Identifier: GPL-3.0-or-later
// Plain text transcripts: decoded (detecting the encoding unless one is forced), normalised, split into turns.
#include "core/import/importer.h"
#include "core/text/transcript_parse.h"
#include "core/text/unicode.h"

namespace kodex {

ImportedText import_plain_text(const std::string& bytes, const std::string& file_name, const ImportOptions& options) {
    const DecodedText decoded = decode_bytes(bytes, file_name, options.forced_encoding);
    ImportedText result;
    result.text = normalize_text(decoded.utf8);
    result.turns = parse_turns(result.text);
    result.format = "txt";
    result.encoding = decoded.encoding;
    // A byte order mark or the user's choice declares the encoding; otherwise say what was guessed.
    if (options.forced_encoding.empty() && !decoded.had_bom && decoded.encoding != "UTF-8")
        result.notes.push_back("encoding assumed: " + decoded.encoding);
    return result;
}

}  // namespace kodex
