// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/report_words.h"

namespace kodex {

ReportWords report_words(const std::string& language) {
    ReportWords w;
    if (language.compare(0, 2, "de") != 0 || (language.size() > 2 && language[2] != '_' && language[2] != '-'))
        return w;
    w.language = "de";
    w.locale = "de-DE";
    w.title = "Zitate";
    w.project_title = "{1}: Zitate";
    w.quote = "Zitat";
    w.quotes = "Zitate";
    w.code = "Code";
    w.codes = "Codes";
    w.line = "Zeile";
    w.page = "S.";
    w.pages = "S.";
    w.definition = "Definition:";
    w.memo = "Memo";
    w.coded_by = "kodiert von";
    w.contents = "Inhalt";
    w.no_quotes = "Keine Zitate.";
    return w;
}

std::string count_of(std::size_t n, const std::string& singular, const std::string& plural) {
    return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

}  // namespace kodex
