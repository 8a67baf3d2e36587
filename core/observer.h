// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A tiny publisher: the session announces what kind of data changed, views refresh themselves.
#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace kodex {

struct Change {
    enum Kind : unsigned { Documents = 1, Codes = 2, Codings = 4, Memos = 8, Variables = 16, All = 31 };
    unsigned kinds = All;
    std::string label;  ///< the action's label ("Apply code 'Partner verbinden'", "Undo ...")
    bool touches(Kind k) const { return (kinds & k) != 0; }
};

class Publisher {
public:
    using Listener = std::function<void(const Change&)>;
    /// Registers a listener; returns a token for unsubscribe().
    int subscribe(Listener l) {
        listeners_[++next_] = std::move(l);
        return next_;
    }
    void unsubscribe(int token) { listeners_.erase(token); }
    void publish(const Change& c) const {
        for (const auto& [token, l] : listeners_) l(c);
    }

private:
    std::map<int, Listener> listeners_;
    int next_ = 0;
};

}  // namespace kodex
