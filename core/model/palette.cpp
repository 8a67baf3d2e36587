// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/palette.h"

namespace kodex {

const std::vector<std::string>& code_palette() {
    static const std::vector<std::string> palette = {"#E6194B", "#3CB44B", "#4363D8", "#F58231", "#911EB4", "#46B5C4",
                                                     "#F032E6", "#9AB31A", "#D4A017", "#008080", "#9A6324", "#800000",
                                                     "#6B8E23", "#000075", "#E377C2", "#7F7F7F"};
    return palette;
}

}  // namespace kodex
