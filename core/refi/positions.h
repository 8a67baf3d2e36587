// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Character positions as REFI-QDA producers count them. The standard says code points; NVivo counts
// UTF-16 code units, and some producers count a CR LF line end as one character where the file holds two.
// A byte order mark is never counted by anyone. This file converts between such counts and code point
// indices, and picks the counting model of a text by checking its selections against the text.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kodex {

/// How a producer counted positions in one plain text.
struct CountingModel {
    bool utf16 = false;        ///< UTF-16 code units: a character outside the BMP counts two
    bool crlf_as_one = false;  ///< a CR LF pair counts one (otherwise two, as the code points are)

    /// "code points, CRLF as two", "UTF-16 code units, CRLF as one", ...
    std::string describe() const;
    friend bool operator==(const CountingModel& a, const CountingModel& b) {
        return a.utf16 == b.utf16 && a.crlf_as_one == b.crlf_as_one;
    }
    friend bool operator!=(const CountingModel& a, const CountingModel& b) { return !(a == b); }
};

/// The model a producer is known to use, judged by Project@origin: NVivo counts UTF-16 units and a CRLF as
/// two; ATLAS.ti and MAXQDA count a CRLF as one; anything else is taken to follow the standard.
CountingModel default_counting_model(std::string_view origin);

/// True when the counting model makes a difference for `text`: it holds a CR LF or a character outside the BMP.
bool counting_matters(std::string_view text);

/// Converts positions in one text between a counting model and code point indices. The text is what the
/// producer counted: valid UTF-8 without BOM, line ends as in the file. O(log n) per conversion.
class PositionCounter {
public:
    PositionCounter(std::string_view text, CountingModel model);

    /// Length of the text in the model's units.
    std::int64_t length() const { return units_; }
    /// Code point index of a position counted in the model's units; nothing when the position is outside
    /// the text or falls inside a character the model counts as two units (between the halves of a surrogate pair).
    std::optional<std::int64_t> to_code_point(std::int64_t units) const;
    /// Position in the model's units of code point index `cp` (0..code points, clamped). A position between
    /// the CR and the LF of a pair counted as one maps to the position after the pair.
    std::int64_t to_units(std::int64_t cp) const;

private:
    // Where units and code points stop advancing in step: a surrogate pair (2 units, 1 code point) or a
    // CR LF counted as one (1 unit, 2 code points). Between steps, one unit is one code point.
    struct Step {
        std::int64_t unit_begin, unit_end;
        std::int64_t cp_begin, cp_end;
    };
    std::vector<Step> steps_;
    std::int64_t units_ = 0;
    std::int64_t cps_ = 0;
};

/// A selection as written in the file: positions in the producer's count, and its `name` attribute.
struct SelectionProbe {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::string name;
};

/// The outcome of choosing a text's counting model.
struct ModelChoice {
    CountingModel model;
    int fitting = 0;   ///< selections whose positions fall on the text under `model`
    int named = 0;     ///< selections with a non-empty name
    int matching = 0;  ///< named selections whose text starts with their name under `model`
    bool tried_others = false;  ///< the preferred model did not explain every selection, so all were compared
};

/// Picks the counting model for `text` (as in PositionCounter). `preferred` is kept when every selection fits
/// and every named one matches its text; otherwise the model that explains most selections wins (a named
/// selection counts when its name matches, an unnamed one when it fits), ties going to `preferred` and then
/// to the order code points / UTF-16 × CRLF as two / as one. Names are compared after NFC with whitespace
/// collapsed and a trailing "…" or "..." removed, because XML turns newlines in attributes into spaces and
/// producers shorten long quotes.
ModelChoice choose_counting_model(std::string_view text, const std::vector<SelectionProbe>& selections,
                                  CountingModel preferred);

/// True when `name` (a selection's name attribute) is how the quote `text` begins, under the rules above.
bool name_matches_quote(std::string_view name, std::string_view text);

}  // namespace kodex
