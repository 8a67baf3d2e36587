// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ui/convert.h"

#include <algorithm>

namespace kodex::gui {

wxString ToWx(std::string_view utf8) { return wxString::FromUTF8(utf8.data(), utf8.size()); }

std::string ToUtf8(const wxString& s) {
    const wxScopedCharBuffer buf = s.utf8_str();
    return std::string(buf.data(), buf.length());
}

ShownText::ShownText(std::string utf8) : m_text(std::move(utf8)), m_index(m_text) {}

int ShownText::ToStc(std::int64_t cp) const {
    const std::int64_t clamped = std::clamp<std::int64_t>(cp, 0, m_index.code_points());
    return static_cast<int>(m_index.to_byte(clamped));
}

StcRange ShownText::ToStc(TextRange range) const { return {ToStc(range.start), ToStc(range.end)}; }

std::int64_t ShownText::ToCore(int pos) const {
    std::size_t byte = static_cast<std::size_t>(std::clamp(pos, 0, Bytes()));
    // UTF-8 continuation bytes are 10xxxxxx: step back to the lead byte.
    while (byte > 0 && byte < m_text.size() && (static_cast<unsigned char>(m_text[byte]) & 0xC0) == 0x80) --byte;
    return m_index.to_cp(byte);
}

TextRange ShownText::ToCore(StcRange range) const { return {ToCore(range.start), ToCore(range.end)}; }

std::string ShownText::Slice(TextRange range) const {
    const StcRange bytes = ToStc(range);
    return m_text.substr(static_cast<std::size_t>(bytes.start), static_cast<std::size_t>(bytes.end - bytes.start));
}

}  // namespace kodex::gui
