// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ui/fonts.h"

#include <fontconfig/fontconfig.h>

namespace kodex::gui {

void TurnOffLigatures() {
    // Added to the user's own font configuration (which FcConfigGetCurrent() loads), for this process only.
    static const char kRule[] = R"(<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <match target="font">
    <edit name="fontfeatures" mode="append"><string>liga off</string><string>clig off</string></edit>
  </match>
</fontconfig>
)";
    FcConfig* config = FcConfigGetCurrent();
    if (config) FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(kRule), FcTrue);
}

}  // namespace kodex::gui
