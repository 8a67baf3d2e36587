// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A tiny publisher: the session announces what kind of data changed, views refresh themselves.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/history/action_label.h"

namespace kodex {

struct Change {
    enum Kind : unsigned { Documents = 1, Codes = 2, Codings = 4, Memos = 8, Variables = 16, All = 31 };
    enum class Via { Action, Undo, Redo };
    unsigned kinds = All;
    ActionLabel label;  ///< the action's label ("Apply code 'Partner verbinden'"); with Undo/Redo the undone one
    /// With codings_listed, the ids of exactly the codings this change added, removed or altered, so a view
    /// of thousands of codings can update just those; without it, any coding may have changed.
    std::vector<std::int64_t> codings{};
    bool codings_listed = false;
    Via via = Via::Action;
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
