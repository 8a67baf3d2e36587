// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A project to test with: a new study in a temporary folder, with transcripts imported from texts.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/session.h"
#include "tests/core/test_util.h"

namespace kodex::test {

struct TestStudy {
    TempDir dir;
    std::unique_ptr<Session> s;
    std::vector<DocumentId> docs;  ///< in the order given

    /// Writes each (file name, text) into the folder and imports them all in one action.
    explicit TestStudy(const std::vector<std::pair<std::string, std::string>>& transcripts) {
        s = Session::create(dir.file("study.kodex"));
        ImportRequest request;
        for (const auto& [name, text] : transcripts) {
            write_all(dir.file(name), text);
            request.paths.push_back(dir.file(name));
        }
        for (const auto& imported : s->import_files(request).imported) docs.push_back(imported.id);
    }
};

}  // namespace kodex::test
