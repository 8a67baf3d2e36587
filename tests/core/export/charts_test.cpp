// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

#include <pugixml.hpp>

#include "core/errors.h"
#include "core/export/report_writers.h"
#include "tests/core/test_util.h"

using namespace kodex;

namespace {

std::vector<Bar> bars() {
    return {{"Transmitterrolle/Partner verbinden", 42},
            {"Förderung <Land> & \"Bund\"", 17.5},
            {"Eine sehr lange Codebezeichnung, die niemand in einem Diagramm ganz lesen möchte", 3},
            {"Keine", 0}};
}

pugi::xml_document parse(const std::string& svg) {
    pugi::xml_document doc;
    const auto result = doc.load_string(svg.c_str());
    REQUIRE_MESSAGE(result, result.description() << "\n" << svg);
    return doc;
}

std::vector<std::string> texts(const pugi::xml_node& root) {
    std::vector<std::string> out;
    for (const auto& x : root.select_nodes("//text")) out.push_back(x.node().child_value());
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// Checks well-formedness with xmllint too; missing xmllint fails in CI only.
void check_with_xmllint(const std::string& svg) {
    if (std::system("command -v xmllint >/dev/null 2>&1") != 0) {
        if (std::getenv("CI") != nullptr) FAIL("xmllint is not on PATH; install libxml2-utils");
        WARN_MESSAGE(false, "xmllint is not on PATH: check skipped");
        return;
    }
    test::TempDir dir;
    test::write_all(dir.file("c.svg"), svg);
    CHECK(std::system(("xmllint --noout '" + dir.file("c.svg") + "'").c_str()) == 0);
}

}  // namespace

TEST_CASE("charts: a bar chart keeps the order given, escapes and shortens labels, prints the values") {
    const std::string svg = bar_chart_svg("Codes nach Häufigkeit", bars(), "Codierungen");
    check_with_xmllint(svg);
    const auto doc = parse(svg);
    const pugi::xml_node root = doc.child("svg");
    CHECK(std::string(root.attribute("viewBox").value()).rfind("0 0 760 ", 0) == 0);
    CHECK(std::string(root.attribute("version").value()) == "1.1");
    CHECK(std::string(root.attribute("font-family").value()).find("sans-serif") != std::string::npos);

    const auto t = texts(root);
    CHECK(contains(t, "Codes nach Häufigkeit"));
    CHECK(contains(t, "Codierungen"));
    CHECK(contains(t, "Förderung <Land> & \"Bund\""));
    CHECK(contains(t, "Eine sehr lange Codebezeichnung,…"));
    CHECK(contains(t, "42"));
    CHECK(contains(t, "17.5"));
    // The full label stays available as a tooltip.
    CHECK(svg.find("<title>Eine sehr lange Codebezeichnung, die niemand in einem Diagramm ganz lesen möchte: 3</title>") !=
          std::string::npos);

    // Bars top to bottom in the given order, widths proportional to the values.
    std::vector<double> ys, widths;
    for (const auto& x : root.select_nodes("//g/rect")) {
        ys.push_back(x.node().attribute("y").as_double());
        widths.push_back(x.node().attribute("width").as_double());
    }
    REQUIRE(ys.size() == 4);
    CHECK(std::is_sorted(ys.begin(), ys.end()));
    CHECK(widths[0] / widths[1] == doctest::Approx(42 / 17.5).epsilon(0.01));
    CHECK(widths[3] <= 1);
}

TEST_CASE("charts: bar charts handle no bars and negative values") {
    const auto empty = parse(bar_chart_svg("Leer", {}, "n"));
    CHECK(contains(texts(empty.child("svg")), "No data"));
    const std::string svg = bar_chart_svg("Kappa", {{"A", 0.8}, {"B", -0.25}}, "κ");
    check_with_xmllint(svg);
    const auto t = texts(parse(svg).child("svg"));
    CHECK(contains(t, "-0.25"));
    CHECK(contains(t, "0.8"));
}

TEST_CASE("charts: heat map colours run from white to deep blue, dark cells get white numbers, with a legend") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::string svg = heatmap_svg("Kookkurrenz", {"Partner verbinden", "Förderung & Geld"},
                                        {"Partner verbinden", "Förderung & Geld", "Sehr langer Spaltenname über alles"},
                                        {{10, 5, 0}, {5, 8, nan}});
    check_with_xmllint(svg);
    const auto doc = parse(svg);
    const pugi::xml_node root = doc.child("svg");
    CHECK(svg.find("viewBox=\"0 0 ") != std::string::npos);

    std::vector<std::string> fills;
    for (const auto& x : root.select_nodes("//g/rect[title]")) fills.push_back(x.node().attribute("fill").value());
    REQUIRE(fills.size() == 6);
    CHECK(fills[0] == "#08306b");  // the maximum
    CHECK(fills[2] == "#ffffff");  // zero
    CHECK(fills[5] == "#f0f1f3");  // no value
    CHECK(fills[1] != fills[0]);

    std::string on_max, on_zero;
    for (const auto& x : root.select_nodes("//g/text")) {
        const std::string value = x.node().child_value();
        if (std::string(x.node().parent().attribute("text-anchor").value()) != "middle") continue;  // not a cell
        if (value == "10") on_max = x.node().attribute("fill").value();
        if (value == "0") on_zero = x.node().attribute("fill").value();
    }
    CHECK(on_max == "#ffffff");
    CHECK(on_zero == "#1d2129");
    CHECK(svg.find("<linearGradient id=\"kodex-heat-legend\"") != std::string::npos);
    CHECK(svg.find("url(#kodex-heat-legend)") != std::string::npos);
    CHECK(svg.find("<title>Förderung &amp; Geld × Sehr langer Spaltenname über alles: –</title>") != std::string::npos);
}

TEST_CASE("charts: a heat map refuses values that do not match its labels") {
    CHECK_THROWS_AS(heatmap_svg("x", {"a", "b"}, {"c"}, {{1}}), InvalidArgument);
    CHECK_THROWS_AS(heatmap_svg("x", {"a"}, {"c", "d"}, {{1}}), InvalidArgument);
}
