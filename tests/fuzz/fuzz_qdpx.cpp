// SPDX-License-Identifier: GPL-3.0-or-later
// REFI-QDA projects (import_qdpx). The importer reads files, so each input is written to a scratch folder as
// project.qde (a zip when it starts with "PK", else a bare .qde whose sources/ folder holds the fixture texts)
// and imported into a new project there; the scratch files are removed after every input. A failed import must
// leave no project behind; a successful one must pass the project consistency check.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tests/fuzz/fuzz_util.h"

#include "core/refi/qdpx.h"
#include "core/session.h"
#include "core/store/consistency.h"

namespace fs = std::filesystem;
using namespace kodex;

namespace {

struct Scratch {
    fs::path root, input, project_dir, project;

    Scratch() {
        // tmpfs when there is one: every import creates and syncs an SQLite file.
        std::error_code ec;
        const fs::path base = fs::is_directory("/dev/shm", ec) && access("/dev/shm", W_OK) == 0
                                  ? fs::path("/dev/shm")
                                  : fs::temp_directory_path();
        root = base / ("kodex-fuzz-qdpx-" + std::to_string(getpid()));
        fs::remove_all(root, ec);
        fs::create_directories(root / "in" / "sources");
        fs::create_directories(root / "out");
        input = root / "in" / "project.qde";
        project_dir = root / "out";
        project = project_dir / "fuzz.kodex";
        // The texts the seed projects refer to, so that selections and codings get imported too.
        for (const char* vendor : {"atlas/sources", "maxqda/sources", "nvivo_win/Sources", "qualcoder/sources"}) {
            const fs::path dir = fs::path(KODEX_FIXTURES) / "qdpx" / vendor;
            for (const auto& f : fs::directory_iterator(dir, ec))
                fs::copy_file(f.path(), root / "in" / "sources" / f.path().filename(), fs::copy_options::overwrite_existing, ec);
        }
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
};

Scratch& scratch() {
    static Scratch s;
    return s;
}

void write_file(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    FUZZ_CHECK(out.good(), "cannot write " + path.string());
}

bool leftover_project(const fs::path& project) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        if (fs::exists(project.string() + suffix, ec)) return true;
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Scratch& s = scratch();
    write_file(s.input, fuzz::as_string(data, size));
    bool imported = false;
    try {
        const QdpxImportReport report = import_qdpx(s.input.string(), s.project.string());
        imported = true;
        FUZZ_CHECK(report.imported.documents >= 0 && report.imported.codes >= 0, "negative counts in the report");
    } catch (const Error&) {
        FUZZ_CHECK(!leftover_project(s.project), "a failed import left a project behind");
    }
    if (imported) {
        const auto session = Session::open(s.project.string());
        const ConsistencyReport check = check_project(session->store());
        std::string issues = check.integrity;
        for (const ConsistencyIssue& i : check.issues) issues += "; " + i.what;
        FUZZ_CHECK(check.ok(), "an imported project fails the consistency check: " + issues);
    }
    std::error_code ec;
    fs::remove_all(s.project_dir, ec);
    fs::create_directories(s.project_dir, ec);
    return 0;
}
