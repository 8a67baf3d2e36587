// SPDX-License-Identifier: GPL-3.0-or-later
// Action labels come from core in English; the editor translates their templates.
#include <doctest/doctest.h>

#include <wx/init.h>
#include <wx/translation.h>

#include <algorithm>
#include <regex>
#include <set>
#include <string>

#include "app/gui/ui/i18n.h"
#include "core/history/action_label.h"

using namespace kodex;

namespace {

std::multiset<std::string> placeholders(const std::string& s) {
    std::multiset<std::string> out;
    static const std::regex placeholder(R"(\{[1-9]\})");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), placeholder); it != std::sregex_iterator(); ++it)
        out.insert(it->str());
    return out;
}

}  // namespace

TEST_CASE("i18n: the editor marks exactly core's action templates for translation") {
    std::set<std::string> core;
    for (std::string_view t : action_label_templates()) core.emplace(t);
    const auto marked = gui::ActionTemplatesForTranslation();
    CHECK(std::set<std::string>(marked.begin(), marked.end()) == core);
}

TEST_CASE("i18n: every action template has a German translation with the same placeholders") {
    wxInitializer wx;
    REQUIRE(wx.IsOk());
    gui::SetUpTranslations("de");
    REQUIRE(wxTranslations::Get());
    REQUIRE(wxTranslations::Get()->IsLoaded("kodex"));
    for (std::string_view t : action_label_templates()) {
        const std::string english(t);
        const std::string german = wxGetTranslation(wxString::FromUTF8(english)).utf8_string();
        CAPTURE(english);
        CHECK(german != english);
        CHECK(placeholders(german) == placeholders(english));
    }
    const ActionLabel label(labels::kRenameCode, {"Netzwerk", "Netzwerke"});
    CHECK(gui::TranslateAction(label).utf8_string() == "Code „Netzwerk“ in „Netzwerke“ umbenennen");
    wxTranslations::Set(nullptr);
}
