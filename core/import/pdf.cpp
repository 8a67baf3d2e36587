// SPDX-License-Identifier: GPL-3.0-or-later
// PDF: the text layer of every page in reading order, pages kept apart so a coding can name its page.
// The only file that includes poppler-cpp.
//
// poppler's own page text (page::text) joins a line ending in "-" to the next and drops the hyphen, which
// turns "Corona-" + "Krise" into "CoronaKrise". So the lines are rebuilt here from poppler's words, which
// come in poppler's reading order (columns one after the other), and line-end hyphens are judged by the
// next line: a lower-case start continues the word ("Finan-" + "zierung"), anything else keeps the hyphen.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.h"
#include "core/import/importer.h"
#include "core/text/transcript_parse.h"
#include "core/text/unicode.h"

namespace kodex {
namespace {

// poppler reports problems through one process-wide function; an import holds this lock while it listens.
std::mutex poppler_mutex;

void collect_message(const std::string& message, void* closure) {
    auto* messages = static_cast<std::vector<std::string>*>(closure);
    if (messages->size() < 20) messages->push_back(message);
}

void ignore_message(const std::string&, void*) {}

class MessageCapture {
public:
    MessageCapture() : lock_(poppler_mutex) { poppler::set_debug_error_function(collect_message, &messages_); }
    ~MessageCapture() { poppler::set_debug_error_function(ignore_message, nullptr); }
    MessageCapture(const MessageCapture&) = delete;
    MessageCapture& operator=(const MessageCapture&) = delete;
    const std::vector<std::string>& messages() const { return messages_; }

private:
    std::lock_guard<std::mutex> lock_;
    std::vector<std::string> messages_;
};

// The one conversion from poppler's UTF-16 to UTF-8. Typographic ligatures (U+FB00..U+FB06) become their
// letters, so that "Finanzierung" set with an "fi" ligature is found as typed; control characters that some
// fonts map glyphs to are dropped; a lone surrogate becomes U+FFFD. NFC comes later, for the whole page.
std::string utf8_of(const poppler::ustring& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        char32_t cp = s[i];
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (s[i + 1] - 0xDC00);
            ++i;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        switch (cp) {
            case 0xFB00: out += "ff"; continue;
            case 0xFB01: out += "fi"; continue;
            case 0xFB02: out += "fl"; continue;
            case 0xFB03: out += "ffi"; continue;
            case 0xFB04: out += "ffl"; continue;
            case 0xFB05:
            case 0xFB06: out += "st"; continue;
            default: break;
        }
        if (cp < 0x20 || cp == 0x7F) continue;
        append_utf8(out, cp);
    }
    return out;
}

struct Word {
    std::string text;
    double left, top, right, bottom;
};

char32_t first_code_point(std::string_view s) {
    if (s.empty()) return 0;
    const auto b = static_cast<unsigned char>(s[0]);
    if (b < 0x80) return b;
    const int len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    char32_t cp = b & (0x3F >> (len - 1));
    for (int k = 1; k < len && k < static_cast<int>(s.size()); ++k) cp = (cp << 6) | (s[k] & 0x3F);
    return cp;
}

// The code point that ends `s` and the byte where it starts.
std::pair<char32_t, std::size_t> last_code_point(std::string_view s) {
    std::size_t at = s.size();
    while (at > 0 && (static_cast<unsigned char>(s[at - 1]) & 0xC0) == 0x80) --at;
    if (at > 0) --at;
    return {first_code_point(s.substr(at)), at};
}

bool is_line_end_hyphen(char32_t cp) { return cp == U'-' || cp == 0x00AD || cp == 0x2010; }

// How a line that ends in `word` goes on with the line starting with `next`: -1 a new line, 0 joined with
// the hyphen dropped (a word broken by hyphenation), 1 joined with the hyphen kept ("Corona-" + "Krise").
int hyphen_join(const std::string& word, const std::string& next) {
    const auto [hyphen, at] = last_code_point(word);
    if (!is_line_end_hyphen(hyphen) || at == 0) return -1;
    if (!u_isalnum(static_cast<UChar32>(last_code_point(std::string_view(word).substr(0, at)).first))) return -1;
    const char32_t after = first_code_point(next);
    if (!u_isalpha(static_cast<UChar32>(after)) && !u_isdigit(static_cast<UChar32>(after))) return -1;
    if (hyphen == 0x00AD || u_islower(static_cast<UChar32>(after))) return 0;
    return 1;
}

// One page's text: words joined by the spaces poppler saw, lines by LF, and a blank line where the next
// line starts a new block (a gap of more than a line's height, or a jump back up to the next column).
std::string page_text(const poppler::page& page) {
    std::vector<Word> words;
    std::vector<bool> space_after;
    for (const poppler::text_box& box : page.text_list()) {
        std::string text = utf8_of(box.text());
        if (text.empty()) continue;
        const poppler::rectf r = box.bbox();
        words.push_back({std::move(text), r.left(), r.top(), r.right(), r.bottom()});
        space_after.push_back(box.has_space_after());
    }
    std::string out;
    double line_top = 0, line_bottom = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Word& w = words[i];
        if (i == 0) {
            out += w.text;
            line_top = w.top;
            line_bottom = w.bottom;
            continue;
        }
        const Word& prev = words[i - 1];
        const double height = std::max(1.0, std::max(prev.bottom - prev.top, w.bottom - w.top));
        const double prev_mid = (prev.top + prev.bottom) / 2, mid = (w.top + w.bottom) / 2;
        const bool new_line = w.left < prev.right - height / 2 || std::abs(mid - prev_mid) > height / 2;
        if (!new_line) {
            if (space_after[i - 1]) out += ' ';
            out += w.text;
            line_top = std::min(line_top, w.top);
            line_bottom = std::max(line_bottom, w.bottom);
            continue;
        }
        const double line_height = std::max(1.0, line_bottom - line_top);
        const bool new_block = w.top - line_bottom > line_height * 0.8 || w.bottom < line_top;
        const int join = new_block ? -1 : hyphen_join(prev.text, w.text);
        if (join == 0) {
            out.erase(out.size() - (prev.text.size() - last_code_point(prev.text).second));
        } else if (join < 0) {
            while (!out.empty() && out.back() == ' ') out.pop_back();
            out += new_block ? "\n\n" : "\n";
        }
        out += w.text;
        line_top = w.top;
        line_bottom = w.bottom;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
    return out;
}

bool has_visible_text(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c != ' ' && c != '\n' && c != '\t'; });
}

// A PDF ends with "%%EOF" (followed at most by some whitespace or junk); one that does not was cut off.
bool has_end_marker(const std::string& bytes) {
    const std::size_t tail = std::min<std::size_t>(bytes.size(), 1024);
    return bytes.find("%%EOF", bytes.size() - tail) != std::string::npos;
}

std::string page_list(const std::vector<int>& pages) {
    std::string out;
    for (std::size_t i = 0; i < pages.size() && i < 10; ++i) out += (i ? ", " : "") + std::to_string(pages[i]);
    if (pages.size() > 10) out += ", …";
    return out;
}

}  // namespace

ImportedText import_pdf(const std::string& bytes, const std::string& file_name) {
    const std::size_t header = bytes.find("%PDF-");
    if (header == std::string::npos || header > 1024)
        throw ParseError(file_name, -1, "not a PDF file (no %PDF- header): the file is damaged or has the wrong extension");
    if (!has_end_marker(bytes))
        throw ParseError(file_name, -1,
                         "the PDF is damaged: it is cut off (no end-of-file marker), as an interrupted download or "
                         "copy leaves it; copy or download it again");

    MessageCapture capture;
    const std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) {
        // poppler cannot tell "wrong password" from "broken" for a file it could not open at all.
        throw ParseError(file_name, -1,
                         "the PDF is damaged and cannot be read" +
                             (capture.messages().empty() ? std::string() : " (" + capture.messages().front() + ")") +
                             "; open it in a PDF viewer and save or print it as a new PDF, then import that");
    }
    if (doc->is_locked())
        throw ParseError(file_name, -1,
                         "the PDF is protected by a password; Kodex does not open encrypted PDFs: save it "
                         "without protection (in a PDF viewer, or `qpdf --decrypt --password=PASSWORD IN.pdf "
                         "OUT.pdf`) and import that file");
    const int page_count = doc->pages();
    if (page_count <= 0) throw ParseError(file_name, -1, "the PDF is damaged: it has no pages");

    // Pages are normalised one by one (a blank line between pages is a normalisation boundary, so this is
    // the same as normalising the whole) to know where each page starts in the stored text.
    ImportedText result;
    std::int64_t length = 0;
    std::vector<int> empty_pages;
    std::size_t pending_starts = 0;  // pages without text start where the next text starts
    for (int i = 0; i < page_count; ++i) {
        const std::unique_ptr<poppler::page> page(doc->create_page(i));
        std::string text = page ? normalize_text(page_text(*page)) : std::string();
        if (!has_visible_text(text)) {
            empty_pages.push_back(i + 1);
            ++pending_starts;
            continue;
        }
        if (!result.text.empty()) {
            result.text += "\n\n";
            length += 2;
        }
        for (; pending_starts > 0; --pending_starts) result.page_starts.push_back(length);
        result.page_starts.push_back(length);
        result.text += text;
        length += count_code_points(text);
    }
    for (; pending_starts > 0; --pending_starts) result.page_starts.push_back(length);

    if (result.text.empty())
        throw ParseError(file_name, -1,
                         "the PDF has no text layer, only images (a scan?); run text recognition (OCR) on it first, "
                         "for example `ocrmypdf IN.pdf OUT.pdf`, and import the result");
    if (!empty_pages.empty())
        result.notes.push_back("no text on page" + std::string(empty_pages.size() == 1 ? " " : "s ") +
                               page_list(empty_pages) + " (images only? run OCR to get their text)");
    if (!capture.messages().empty())
        result.notes.push_back("the PDF has errors (" + capture.messages().front() +
                               "); compare the text with the PDF");
    result.turns = parse_turns(result.text);
    result.format = "pdf";
    result.encoding = "UTF-8";  // the text layer is Unicode
    return result;
}

}  // namespace kodex
