// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ui/colours.h"

#include <wx/dcmemory.h>
#include <wx/graphics.h>
#include <wx/stc/stc.h>

#include <memory>

namespace kodex::gui {

wxColour ToColour(const std::string& hex) {
    wxColour c(wxString::FromUTF8(hex));
    return c.IsOk() ? c : wxColour(0x80, 0x80, 0x80);
}

std::string ToHex(const wxColour& colour) {
    return colour.GetAsString(wxC2S_HTML_SYNTAX).Upper().ToStdString();
}

int ToIndicatorValue(const wxColour& colour) {
    return static_cast<int>(colour.Red() | (colour.Green() << 8) | (colour.Blue() << 16)) | wxSTC_INDICVALUEBIT;
}

wxColour Lighter(const wxColour& colour, double amount) {
    auto mix = [amount](unsigned char v) { return static_cast<unsigned char>(v + (255 - v) * amount); };
    return wxColour(mix(colour.Red()), mix(colour.Green()), mix(colour.Blue()));
}

wxBitmap Swatch(const wxColour& colour, int size) {
    wxImage image(size, size);
    image.InitAlpha();
    std::fill(image.GetAlpha(), image.GetAlpha() + size * size, 0);
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(image));
    const wxColour rim(colour.Red() * 3 / 4, colour.Green() * 3 / 4, colour.Blue() * 3 / 4);
    gc->SetPen(wxPen(rim));
    gc->SetBrush(wxBrush(colour));
    gc->DrawRoundedRectangle(1.5, 1.5, size - 3, size - 3, size / 5.0);
    gc.reset();  // flushes the drawing into the image
    return wxBitmap(image);
}

wxColour SelectionColour() { return wxColour(0x2E, 0x34, 0x40); }
wxColour SelectionTextColour() { return *wxWHITE; }

}  // namespace kodex::gui
