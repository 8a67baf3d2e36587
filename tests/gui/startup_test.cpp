// SPDX-License-Identifier: GPL-3.0-or-later
// Where the editor finds the sample study, and Help > Open the sample study.
#include <doctest/doctest.h>

#include <wx/filename.h>
#include <wx/utils.h>

#include "app/gui/ui/commands.h"
#include "app/gui/ui/convert.h"
#include "app/gui/ui/startup.h"
#include "tests/gui/gui_test_util.h"

using namespace kodex;
using namespace kodex::gui;
using namespace kodex::gui::test;

namespace {

// Points $XDG_DATA_HOME at a folder of the test's own for as long as it lives.
class DataHome {
public:
    explicit DataHome(const std::string& dir) {
        m_had = wxGetEnv("XDG_DATA_HOME", &m_old);
        wxSetEnv("XDG_DATA_HOME", ToWx(dir));
    }
    ~DataHome() {
        if (m_had) wxSetEnv("XDG_DATA_HOME", m_old);
        else wxUnsetEnv("XDG_DATA_HOME");
    }

private:
    bool m_had = false;
    wxString m_old;
};

}  // namespace

TEST_CASE("startup: run from the build folder, the editor finds the sample study's sources in the source tree") {
    const wxString sources = FindSampleSources();
    REQUIRE_FALSE(sources.empty());
    CHECK(wxFileName::FileExists(sources + "/codebooks/cluster_corona.qdc"));
    CHECK(wxFileName::DirExists(sources + "/transcripts"));
}

TEST_CASE("editor: Help > Open the sample study builds it in the user's data folder and opens it") {
    EditorFixture f;
    DataHome home(f.dir.file("data"));
    const wxString sample = SampleProjectPath();
    CHECK(sample.StartsWith(ToWx(f.dir.file("data")) + "/kodex/"));
    REQUIRE_FALSE(wxFileName::FileExists(sample));

    RunCommand(f.frame, ID_OPEN_SAMPLE_STUDY);
    Pump();
    REQUIRE(wxFileName::FileExists(sample));
    REQUIRE(f.frame->GetSession());
    CHECK(ToWx(f.frame->GetSession()->path()) == sample);
    CHECK(f.frame->GetSession()->documents().size() >= 6);
    CHECK(f.frame->GetTitle().StartsWith("Kodex sample study"));

    // Again, from another project: the study is opened, not built a second time.
    const auto codings = f.frame->GetSession()->codings(CodingFilter{}).size();
    REQUIRE(f.frame->OpenProject(ToWx(f.path)));
    RunCommand(f.frame, ID_OPEN_SAMPLE_STUDY);
    Pump();
    CHECK(ToWx(f.frame->GetSession()->path()) == sample);
    CHECK(f.frame->GetSession()->codings(CodingFilter{}).size() == codings);
    CHECK(TakeUnexpectedDialogs().empty());
}
