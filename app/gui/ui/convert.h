// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one bridge between wx and core. Core speaks UTF-8 strings and half-open code point ranges into a
// document's stored text; wx speaks wxString, and wxStyledTextCtrl speaks UTF-8 byte positions. Every
// conversion between the two worlds goes through this file.
#include <wx/string.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/model/text_range.h"
#include "core/text/unicode.h"

namespace kodex::gui {

/// UTF-8 from core to a wxString.
wxString ToWx(std::string_view utf8);
/// A wxString to the UTF-8 that core expects.
std::string ToUtf8(const wxString& s);

/// A half-open range of byte positions in a wxStyledTextCtrl.
struct StcRange {
    int start = 0;
    int end = 0;
    bool empty() const { return end <= start; }
    friend bool operator==(const StcRange& a, const StcRange& b) { return a.start == b.start && a.end == b.end; }
};

/// The stored text of one document as a wxStyledTextCtrl shows it, with a table for converting positions
/// both ways. The control holds the same UTF-8 bytes as core, so byte positions index this text directly.
/// Not copyable: the index points into the owned text.
class ShownText {
public:
    explicit ShownText(std::string utf8);
    ShownText(const ShownText&) = delete;
    ShownText& operator=(const ShownText&) = delete;

    const std::string& Utf8() const { return m_text; }
    /// Length in code points.
    std::int64_t CodePoints() const { return m_index.code_points(); }
    /// Length in bytes (the control's GetLength()).
    int Bytes() const { return static_cast<int>(m_text.size()); }

    /// Byte position of code point `cp` (clamped into the text).
    int ToStc(std::int64_t cp) const;
    StcRange ToStc(TextRange range) const;
    /// Code point at byte position `pos`; a position inside a character counts as that character's start.
    std::int64_t ToCore(int pos) const;
    TextRange ToCore(StcRange range) const;

    /// The stored text of a code point range, as UTF-8.
    std::string Slice(TextRange range) const;

private:
    std::string m_text;
    kodex::PositionIndex m_index;
};

}  // namespace kodex::gui
