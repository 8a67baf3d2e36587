// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "core/history/action_label.h"

using namespace kodex;

TEST_CASE("action label: the template is filled with the names, in English") {
    const ActionLabel l(labels::kRenameCode, {"Netzwerk", "Netzwerke & Partner {1}"});
    CHECK(l.english() == "Rename code 'Netzwerk' to 'Netzwerke & Partner {1}'");
    CHECK(fill_label("Umbenennen: {2} ← {1} {3}", {"a", "b"}) == "Umbenennen: b ← a {3}");
    CHECK(fill_label("{", {"x"}) == "{");
}

TEST_CASE("action label: the stored form gives back template and names; old plain labels stay as they are") {
    const ActionLabel l(labels::kSetVariable, {"Finanzierung", "C04 Müller\x1F"});
    const ActionLabel back = ActionLabel::from_stored(l.stored());
    CHECK(back.text == labels::kSetVariable);
    CHECK(back.args == std::vector<std::string>{"Finanzierung", "C04 Müller "});
    CHECK(ActionLabel::from_stored("Apply code 'X'").english() == "Apply code 'X'");
    CHECK(ActionLabel::from_stored("Apply code 'X'").args.empty());
    const ActionLabel empty_arg(labels::kAddCode, {""});
    CHECK(ActionLabel::from_stored(empty_arg.stored()) == empty_arg);
}
