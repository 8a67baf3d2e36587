// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Kodex's own consistency check of a project, beyond SQLite's integrity check: every coding and turn
// inside its document, document lengths and hashes matching their text, every code reachable from the
// top (no cycles in parents), no dangling references, memos attached to something that exists.
#include <string>
#include <vector>

namespace kodex {

class ProjectStore;

struct ConsistencyIssue {
    std::string what;      ///< "coding 17 ends at 5012, after the end of 'C03' (4990)"
    bool repairable = false;
    bool repaired = false;
};

struct ConsistencyReport {
    std::string integrity;  ///< PRAGMA integrity_check's first line ("ok" when fine)
    std::vector<ConsistencyIssue> issues;
    bool ok() const { return integrity == "ok" && issues.empty(); }
};

/// Checks the project. With `repair`, fixes what is safe to fix, in one transaction, after a backup:
/// stale lengths and hashes are recomputed, codes in a parent cycle are moved to the top level, and rows
/// that point at deleted objects (memos, turns, variable values) are removed. Codings outside their text
/// are reported, never moved.
ConsistencyReport check_project(ProjectStore& store, bool repair = false);

}  // namespace kodex
