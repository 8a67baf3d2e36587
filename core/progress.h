// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// UI-free progress reporting and cooperative cancellation for long work (import, reindex, export).
// Core calls report() from whatever thread runs the work; the GUI marshals to its main thread.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "core/errors.h"

namespace kodex {

class CancelToken {
public:
    void cancel() { cancelled_.store(true); }
    bool cancelled() const { return cancelled_.load(); }
    /// Throws Cancelled when cancellation was requested.
    void check() const {
        if (cancelled()) throw Cancelled();
    }

private:
    std::atomic<bool> cancelled_{false};
};

class Progress {
public:
    using Callback = std::function<void(std::int64_t done, std::int64_t total, const std::string& what)>;
    Progress() = default;
    explicit Progress(Callback cb) : cb_(std::move(cb)) {}
    void report(std::int64_t done, std::int64_t total, const std::string& what) const {
        if (cb_) cb_(done, total, what);
    }

private:
    Callback cb_;
};

}  // namespace kodex
