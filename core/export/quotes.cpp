// SPDX-License-Identifier: GPL-3.0-or-later
// Quote reports as a printable HTML page and as Markdown.
#include <numeric>

#include "core/export/output_text.h"
#include "core/export/report_writers.h"

namespace kodex {
namespace {

std::size_t quote_count(const QuoteReport& r) {
    return std::accumulate(r.groups.begin(), r.groups.end(), std::size_t{0},
                           [](std::size_t n, const QuoteGroup& g) { return n + g.quotes.size(); });
}

std::string summary(const QuoteReport& r) {
    const ReportWords& w = r.words;
    return count_of(quote_count(r), w.quote, w.quotes) + " · " + count_of(r.groups.size(), w.code, w.codes);
}

std::string title_of(const QuoteReport& r) { return r.title.empty() ? r.words.title : r.title; }

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (;;) {
        std::size_t end = text.find('\n', start);
        std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
        if (end == std::string::npos) return lines;
        start = end + 1;
    }
}

// ---------------------------------------------------------------- HTML

// Text for HTML content: XML escaping covers HTML too; line breaks become <br>.
std::string html_text(const std::string& text) {
    std::string out;
    const std::vector<std::string> lines = split_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) out += "<br>\n";
        out += xml_escape(lines[i]);
    }
    return out;
}

const char* const kStyle = R"(@page { margin: 2cm; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
  line-height: 1.55; color: #1d2129; background: #fff; max-width: 46rem; margin: 2.5rem auto; padding: 0 1.25rem;
  hyphens: auto; -webkit-hyphens: auto; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .3rem; color: #08306b; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 0 0 .8rem; padding-bottom: .3rem; border-bottom: 2px solid #08306b; }
.summary, .count, .empty { color: #5f6670; }
.summary { margin: 0 0 1.75rem; }
.count { font-weight: normal; font-variant-numeric: tabular-nums; }
nav { border-top: 1px solid #d9dde3; border-bottom: 1px solid #d9dde3; padding: .6rem 0 .9rem; margin-bottom: 2.5rem; }
nav h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: #5f6670; border: 0; margin: .3rem 0 .4rem; padding: 0; }
nav ol { margin: 0; padding-left: 1.6rem; }
nav li { margin: .12rem 0; }
nav a { color: inherit; text-decoration: none; }
nav a:hover { text-decoration: underline; }
section { margin-bottom: 2.75rem; }
.definition { background: #f3f5f8; border: 1px solid #e0e4ea; border-radius: 6px; padding: .55rem .9rem; color: #454c57;
  font-size: .93rem; margin: 0 0 1.3rem; }
blockquote { margin: 0 0 1.4rem; padding: .05rem 0 .05rem 1rem; border-left: 4px solid #6baed6; }
blockquote p { margin: 0 0 .35rem; }
.source { display: block; color: #5f6670; font-size: .85rem; }
.memo { margin-top: .45rem; font-size: .9rem; background: #fdf8e4; border-left: 3px solid #e0b43c; padding: .3rem .6rem; }
.empty { font-style: italic; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  nav a { text-decoration: none; }
  h1, h2 { break-after: avoid; page-break-after: avoid; }
  blockquote, .definition { break-inside: avoid; page-break-inside: avoid; }
  .definition, .memo { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
})";

// ---------------------------------------------------------------- Markdown

// Inline characters that would start emphasis, code, links, HTML, entities or table cells are escaped;
// at the start of a line also what would make it a heading, quote, list, rule or fence. Leading spaces
// are dropped (four of them would start a code block).
std::string markdown_line(const std::string& line) {
    std::string out;
    const std::size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos) return out;
    for (std::size_t i = start; i < line.size(); ++i) {
        const char c = line[i];
        if (std::string_view("\\`*_[]<>&|").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    if (std::string_view("#+-=~").find(out[0]) != std::string_view::npos) return "\\" + out;
    const std::size_t digits = out.find_first_not_of("0123456789");
    if (digits > 0 && digits != std::string::npos && (out[digits] == '.' || out[digits] == ')'))
        out.insert(digits, "\\");
    return out;
}

// Lines of `text` as Markdown paragraphs, each line prefixed with `prefix`, blank lines between them.
std::string markdown_paragraphs(const std::string& text, const std::string& prefix, const std::string& first = {}) {
    std::string out;
    bool begun = false;
    for (const std::string& line : split_lines(text)) {
        const std::string md = markdown_line(line);
        if (md.empty()) continue;
        if (begun) out += prefix.empty() ? "\n" : prefix.substr(0, prefix.find_last_not_of(' ') + 1) + "\n";
        out += prefix + (begun ? "" : first) + md + "\n";
        begun = true;
    }
    return out;
}

}  // namespace

std::string memo_label(const QuoteEntry& q, const QuoteMemo& m, const ReportWords& w) {
    if (q.coders.size() > 1 && !m.coder.empty()) return w.memo + " (" + m.coder + "):";
    return w.memo + ":";
}

std::string quote_source(const QuoteEntry& q) { return quote_source(q, ReportWords{}); }

std::string quote_source(const QuoteEntry& q, const ReportWords& words) {
    std::string out;
    const auto add = [&](const std::string& part) {
        if (part.empty()) return;
        if (!out.empty()) out += " · ";
        out += part;
    };
    add(q.document);
    add(q.speaker);
    add(q.timestamp);
    // A reader holding the PDF finds the page; the line of the extracted text means nothing to them.
    if (!q.page.empty())
        add(q.page);
    else if (q.line > 0)
        add(words.line + " " + std::to_string(q.line));
    std::string coders;
    for (const std::string& c : q.coders) {
        if (c.empty()) continue;
        coders += (coders.empty() ? "" : ", ") + c;
    }
    if (!coders.empty()) add(words.coded_by + " " + coders);
    return out;
}

std::string quotes_html(const QuoteReport& r) {
    const ReportWords& w = r.words;
    const std::string title = title_of(r);
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + xml_attribute(w.language) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                      "<meta name=\"generator\" content=\"Kodex\">\n";
    out += "<title>" + xml_escape(title) + "</title>\n<style>\n" + kStyle + "\n</style>\n</head>\n<body>\n";
    out += "<header>\n<h1>" + xml_escape(title) + "</h1>\n<p class=\"summary\">" + summary(r) + "</p>\n</header>\n";
    if (!r.groups.empty()) {
        out += "<nav aria-label=\"" + xml_attribute(w.contents) + "\">\n<h2>" + xml_escape(w.contents) + "</h2>\n<ol>\n";
        for (std::size_t g = 0; g < r.groups.size(); ++g)
            out += "<li><a href=\"#code-" + std::to_string(g + 1) + "\">" + xml_escape(r.groups[g].code_path) +
                   "</a> <span class=\"count\">(" + std::to_string(r.groups[g].quotes.size()) + ")</span></li>\n";
        out += "</ol>\n</nav>\n";
    }
    out += "<main>\n";
    for (std::size_t g = 0; g < r.groups.size(); ++g) {
        const QuoteGroup& group = r.groups[g];
        out += "<section id=\"code-" + std::to_string(g + 1) + "\">\n<h2>" + xml_escape(group.code_path) +
               " <span class=\"count\">(" + std::to_string(group.quotes.size()) + ")</span></h2>\n";
        if (!group.definition.empty()) out += "<div class=\"definition\">" + html_text(group.definition) + "</div>\n";
        if (group.quotes.empty()) out += "<p class=\"empty\">" + xml_escape(w.no_quotes) + "</p>\n";
        for (const QuoteEntry& q : group.quotes) {
            out += "<blockquote>\n<p>" + html_text(q.text) + "</p>\n";
            const std::string source = quote_source(q, w);
            if (!source.empty()) out += "<footer class=\"source\">" + xml_escape(source) + "</footer>\n";
            for (const QuoteMemo& m : q.memos)
                out += "<div class=\"memo\"><strong>" + xml_escape(memo_label(q, m, w)) + "</strong> " + html_text(m.text) +
                       "</div>\n";
            out += "</blockquote>\n";
        }
        out += "</section>\n";
    }
    out += "</main>\n</body>\n</html>\n";
    return out;
}

std::string quotes_markdown(const QuoteReport& r) {
    const ReportWords& w = r.words;
    std::string out = "# " + markdown_line(title_of(r)) + "\n\n" + summary(r) + "\n\n";
    for (const QuoteGroup& g : r.groups)
        out += "- " + markdown_line(g.code_path) + " (" + std::to_string(g.quotes.size()) + ")\n";
    for (const QuoteGroup& g : r.groups) {
        out += "\n## " + markdown_line(g.code_path) + " (" + std::to_string(g.quotes.size()) + ")\n";
        if (!g.definition.empty()) out += "\n" + markdown_paragraphs(g.definition, "", "*" + markdown_line(w.definition) + "* ");
        for (const QuoteEntry& q : g.quotes) {
            const std::string quote = markdown_paragraphs(q.text, "> ");
            if (!quote.empty()) out += "\n" + quote;
            const std::string source = markdown_line(quote_source(q, w));
            if (!source.empty()) out += "\n*" + source + "*\n";
            for (const QuoteMemo& m : q.memos)
                out += "\n" + markdown_paragraphs(m.text, "", "**" + markdown_line(memo_label(q, m, w)) + "** ");
        }
    }
    return out;
}

}  // namespace kodex
