// SPDX-License-Identifier: GPL-3.0-or-later
// Charts as plain SVG 1.1: a horizontal bar chart and a heat map. Text widths are estimated (no font
// metrics in core), generously, so labels do not collide in the usual sans-serif fonts; long labels are
// cut with "…" and shown in full as tooltips.
#include <algorithm>
#include <array>
#include <cmath>

#include "core/errors.h"
#include "core/export/output_text.h"
#include "core/export/report_writers.h"

namespace kodex {
namespace {

constexpr double kCharWidth = 7.2;  // average advance of a 12-13 px sans-serif character, a little generous
constexpr double kPad = 16;
constexpr std::size_t kMaxLabel = 36;
constexpr std::size_t kMaxTitle = 90;
const char* const kFont = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, "
                          "'Liberation Sans', 'DejaVu Sans', sans-serif";
const char* const kInk = "#1d2129";
const char* const kMuted = "#5f6670";
const char* const kBar = "#2171b5";

std::string num(double v) {
    // Coordinates with one decimal are precise enough and keep the file short.
    return format_short(std::round(v * 10) / 10);
}

double text_width(const std::string& s) { return static_cast<double>(utf8_length(s)) * kCharWidth; }

std::string svg_open(double width, double height, const std::string& title) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + num(width) + "\" height=\"" +
           num(height) + "\" viewBox=\"0 0 " + num(width) + " " + num(height) + "\" font-family=\"" + kFont +
           "\" font-size=\"12\" role=\"img\">\n<title>" + xml_escape(title) + "</title>\n" +
           "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" + "<text x=\"" + num(kPad) +
           "\" y=\"30\" font-size=\"16\" font-weight=\"bold\" fill=\"" + kInk + "\">" +
           xml_escape(ellipsize(title, kMaxTitle)) + "</text>\n";
}

std::string text(double x, double y, const std::string& content, const std::string& attributes = {}) {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + (attributes.empty() ? "" : " " + attributes) + ">" +
           xml_escape(content) + "</text>\n";
}

// A step of 1, 2 or 5 times a power of ten giving about `target` intervals over `range`.
double nice_step(double range, int target) {
    const double raw = range / target;
    const double magnitude = std::pow(10, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * magnitude) return m * magnitude;
    return 10 * magnitude;
}

struct Rgb {
    double r, g, b;
};

// White to #08306B through ColorBrewer's "Blues": a straight line between the two ends would pass through
// greys; these stops keep the middle values blue and evenly spaced to the eye.
constexpr std::array<Rgb, 9> kRamp = {{{0xFF, 0xFF, 0xFF}, {0xDE, 0xEB, 0xF7}, {0xC6, 0xDB, 0xEF},
                                       {0x9E, 0xCA, 0xE1}, {0x6B, 0xAE, 0xD6}, {0x42, 0x92, 0xC6},
                                       {0x21, 0x71, 0xB5}, {0x08, 0x51, 0x9C}, {0x08, 0x30, 0x6B}}};

Rgb mix(double t) {
    const double at = std::clamp(t, 0.0, 1.0) * (kRamp.size() - 1);
    const std::size_t i = std::min(static_cast<std::size_t>(at), kRamp.size() - 2);
    const double f = at - static_cast<double>(i);
    const Rgb& a = kRamp[i];
    const Rgb& b = kRamp[i + 1];
    return {a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f};
}

std::string hex(const Rgb& c) {
    static const char* digits = "0123456789abcdef";
    std::string out = "#";
    for (double v : {c.r, c.g, c.b}) {
        const int byte = std::clamp(static_cast<int>(std::lround(v)), 0, 255);
        out += digits[byte >> 4];
        out += digits[byte & 15];
    }
    return out;
}

// WCAG relative luminance: dark fills get white text.
bool is_dark(const Rgb& c) {
    const auto linear = [](double v) {
        v /= 255;
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b) < 0.3;
}

}  // namespace

std::string bar_chart_svg(const std::string& title, const std::vector<Bar>& bars, const std::string& value_label) {
    constexpr double kWidth = 760, kTop = 56, kPitch = 30, kBarHeight = 20;
    double lo = 0, hi = 0;
    std::size_t label_chars = 0, value_chars = 0;
    for (const Bar& b : bars) {
        if (std::isfinite(b.value)) {
            lo = std::min(lo, b.value);
            hi = std::max(hi, b.value);
        }
        label_chars = std::max(label_chars, utf8_length(ellipsize(b.label, kMaxLabel)));
        value_chars = std::max(value_chars, format_short(b.value).size());
    }
    const double label_width = static_cast<double>(label_chars) * kCharWidth + 12;
    const double value_width = static_cast<double>(value_chars) * kCharWidth + 8;
    // Values of negative bars stand left of them: room for them between the labels and the plot.
    const double x0 = kPad + label_width + (lo < 0 ? value_width : 0);
    const double plot_width = kWidth - x0 - kPad - value_width;
    const double plot_bottom = kTop + kPitch * static_cast<double>(bars.size());
    const double height = plot_bottom + (bars.empty() ? 20 : 58);

    std::string out = svg_open(kWidth, height, title);
    if (bars.empty()) return out + text(kPad, kTop + 8, "No data", std::string("fill=\"") + kMuted + "\"") + "</svg>\n";

    if (hi == lo) hi = lo + 1;
    const double step = nice_step(hi - lo, 5);
    lo = std::floor(lo / step) * step;
    hi = std::ceil(hi / step) * step;
    const auto x = [&](double v) { return x0 + (v - lo) / (hi - lo) * plot_width; };

    out += "<g stroke=\"#e3e6ea\" stroke-width=\"1\">\n";
    for (double v = lo; v <= hi + step / 2; v += step)
        out += "<line x1=\"" + num(x(v)) + "\" y1=\"" + num(kTop - 6) + "\" x2=\"" + num(x(v)) + "\" y2=\"" +
               num(plot_bottom) + "\"/>\n";
    out += "</g>\n<g fill=\"" + std::string(kMuted) + "\" font-size=\"11\" text-anchor=\"middle\">\n";
    for (double v = lo; v <= hi + step / 2; v += step) out += text(x(v), plot_bottom + 16, format_short(v));
    out += "</g>\n";
    out += text(x0 + plot_width / 2, plot_bottom + 40, value_label,
                std::string("fill=\"") + kMuted + "\" text-anchor=\"middle\"");

    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& b = bars[i];
        const double y = kTop + kPitch * static_cast<double>(i);
        const double v = std::isfinite(b.value) ? b.value : 0;
        const double left = x(std::min(0.0, v)), right = x(std::max(0.0, v));
        out += "<g>\n<title>" + xml_escape(b.label + ": " + format_short(b.value)) + "</title>\n";
        out += text(kPad + label_width - 8, y + kBarHeight / 2 + 4, ellipsize(b.label, kMaxLabel),
                    std::string("fill=\"") + kInk + "\" text-anchor=\"end\"");
        out += "<rect x=\"" + num(left) + "\" y=\"" + num(y) + "\" width=\"" + num(std::max(right - left, 1.0)) +
               "\" height=\"" + num(kBarHeight) + "\" rx=\"2\" fill=\"" + kBar + "\"/>\n";
        out += v < 0 ? text(left - 6, y + kBarHeight / 2 + 4, format_short(b.value),
                            std::string("fill=\"") + kInk + "\" text-anchor=\"end\"")
                     : text(right + 6, y + kBarHeight / 2 + 4, format_short(b.value), std::string("fill=\"") + kInk + "\"");
        out += "</g>\n";
    }
    if (lo < 0)
        out += "<line x1=\"" + num(x(0)) + "\" y1=\"" + num(kTop - 6) + "\" x2=\"" + num(x(0)) + "\" y2=\"" +
               num(plot_bottom) + "\" stroke=\"" + kMuted + "\" stroke-width=\"1\"/>\n";
    return out + "</svg>\n";
}

std::string heatmap_svg(const std::string& title, const std::vector<std::string>& row_labels,
                        const std::vector<std::string>& column_labels, const std::vector<std::vector<double>>& values) {
    if (values.size() != row_labels.size())
        throw InvalidArgument("heat map: " + std::to_string(values.size()) + " rows of values for " +
                              std::to_string(row_labels.size()) + " row labels");
    for (const auto& row : values)
        if (row.size() != column_labels.size())
            throw InvalidArgument("heat map: a row has " + std::to_string(row.size()) + " values for " +
                                  std::to_string(column_labels.size()) + " column labels");

    double lo = 0, hi = 0;
    std::size_t number_chars = 1, row_chars = 0;
    for (const auto& row : values)
        for (double v : row)
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
                number_chars = std::max(number_chars, format_short(v).size());
            }
    for (const auto& l : row_labels) row_chars = std::max(row_chars, utf8_length(ellipsize(l, kMaxLabel)));

    constexpr double kCellHeight = 30, kTitleSpace = 50, kSlant = 0.7071;
    const double cell_width = std::max(46.0, static_cast<double>(number_chars) * kCharWidth + 14);
    const double x0 = kPad + static_cast<double>(row_chars) * kCharWidth + 12;
    double label_rise = 0, right = x0 + cell_width * static_cast<double>(column_labels.size()) + kPad;
    for (std::size_t j = 0; j < column_labels.size(); ++j) {
        const double w = text_width(ellipsize(column_labels[j], kMaxLabel)) * kSlant;
        label_rise = std::max(label_rise, w);
        right = std::max(right, x0 + cell_width * (static_cast<double>(j) + 0.5) + w + kPad);
    }
    const double y0 = kTitleSpace + label_rise + 14;
    const double grid_bottom = y0 + kCellHeight * static_cast<double>(row_labels.size());
    constexpr double kLegendWidth = 220;
    const double width = std::max({right, kPad * 2 + kLegendWidth + 60, kPad + text_width(ellipsize(title, kMaxTitle)) * 1.3});
    const double height = grid_bottom + 64;

    std::string out = svg_open(width, height, title);
    out += "<defs><linearGradient id=\"kodex-heat-legend\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"0\">";
    for (std::size_t i = 0; i < kRamp.size(); ++i)
        out += "<stop offset=\"" + format_short(static_cast<double>(i) / (kRamp.size() - 1)) + "\" stop-color=\"" +
               hex(kRamp[i]) + "\"/>";
    out += "</linearGradient></defs>\n";

    out += "<g fill=\"" + std::string(kInk) + "\">\n";
    for (std::size_t j = 0; j < column_labels.size(); ++j) {
        const double cx = x0 + cell_width * (static_cast<double>(j) + 0.5);
        out += "<text transform=\"translate(" + num(cx - 4) + "," + num(y0 - 8) + ") rotate(-45)\"><title>" +
               xml_escape(column_labels[j]) + "</title>" + xml_escape(ellipsize(column_labels[j], kMaxLabel)) + "</text>\n";
    }
    for (std::size_t i = 0; i < row_labels.size(); ++i)
        out += "<text x=\"" + num(x0 - 8) + "\" y=\"" + num(y0 + kCellHeight * (static_cast<double>(i) + 0.5) + 4) +
               "\" text-anchor=\"end\"><title>" + xml_escape(row_labels[i]) + "</title>" +
               xml_escape(ellipsize(row_labels[i], kMaxLabel)) + "</text>\n";
    out += "</g>\n<g text-anchor=\"middle\" font-size=\"11.5\">\n";
    for (std::size_t i = 0; i < values.size(); ++i)
        for (std::size_t j = 0; j < values[i].size(); ++j) {
            const double v = values[i][j];
            const double cx = x0 + cell_width * static_cast<double>(j), cy = y0 + kCellHeight * static_cast<double>(i);
            const bool known = std::isfinite(v);
            const Rgb fill = known ? mix(hi > lo ? (v - lo) / (hi - lo) : 0) : Rgb{240, 241, 243};
            out += "<rect x=\"" + num(cx) + "\" y=\"" + num(cy) + "\" width=\"" + num(cell_width) + "\" height=\"" +
                   num(kCellHeight) + "\" fill=\"" + hex(fill) + "\" stroke=\"#d5dae1\" stroke-width=\"0.5\"><title>" +
                   xml_escape(row_labels[i] + " × " + column_labels[j] + ": " + (known ? format_short(v) : "–")) +
                   "</title></rect>\n";
            if (known)
                out += text(cx + cell_width / 2, cy + kCellHeight / 2 + 4, format_short(v),
                            std::string("fill=\"") + (is_dark(fill) ? "#ffffff" : kInk) + "\"");
        }
    out += "</g>\n";

    const double ly = grid_bottom + 26;
    out += "<g font-size=\"11\" fill=\"" + std::string(kMuted) + "\">\n";
    out += "<rect x=\"" + num(kPad + 30) + "\" y=\"" + num(ly) + "\" width=\"" + num(kLegendWidth) +
           "\" height=\"12\" fill=\"url(#kodex-heat-legend)\" stroke=\"#d5dae1\" stroke-width=\"0.5\"/>\n";
    out += text(kPad + 24, ly + 10, format_short(lo), "text-anchor=\"end\"");
    out += text(kPad + 36 + kLegendWidth, ly + 10, format_short(hi));
    out += "</g>\n</svg>\n";
    return out;
}

}  // namespace kodex
