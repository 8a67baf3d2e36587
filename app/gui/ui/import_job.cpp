// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ui/import_job.h"

#include "app/gui/ui/convert.h"

namespace kodex::gui {

namespace {
constexpr int kRange = 1000;
constexpr int kPollMs = 100;
}  // namespace

ImportJob::ImportJob(wxWindow* parent, std::string project, ImportRequest request, Finished finished)
    : m_parent(parent), m_project(std::move(project)), m_request(std::move(request)), m_finished(std::move(finished)),
      m_poll(this) {
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        // Cancel is noticed between files: the worker checks the token before each one.
        if (m_dialog && m_dialog->WasCancelled()) m_cancel.cancel();
    });
}

ImportJob::~ImportJob() {
    m_cancel.cancel();
    if (m_thread.joinable()) m_thread.join();
}

void ImportJob::Start() {
    m_dialog = std::make_unique<wxProgressDialog>(
        _("Importing transcripts"), _("Preparing…"), kRange, m_parent,
        wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME | wxPD_REMAINING_TIME | wxPD_SMOOTH);
    m_poll.Start(kPollMs);
    m_thread = std::thread([this] { Work(); });
}

void ImportJob::Work() {
    std::shared_ptr<ImportReport> report;
    std::exception_ptr error;
    try {
        auto session = Session::open(m_project);
        const Progress progress([this](std::int64_t done, std::int64_t total, const std::string& what) {
            CallAfter([this, done, total, what] { OnProgress(done, total, what); });
        });
        report = std::make_shared<ImportReport>(session->import_files(m_request, progress, &m_cancel));
    } catch (...) {
        error = std::current_exception();
    }
    CallAfter([this, report, error] { OnDone(report, error); });
}

void ImportJob::OnProgress(std::int64_t done, std::int64_t total, const std::string& what) {
    if (!m_dialog || total <= 0) return;
    const int value = static_cast<int>(std::min<std::int64_t>(kRange - 1, done * kRange / total));
    const wxString message = what.empty() ? _("Finishing…")
                                          : wxString::Format(_("Reading %s (%lld of %lld)"), ToWx(what),
                                                             static_cast<long long>(done + 1), static_cast<long long>(total));
    m_dialog->Update(value, message);
}

void ImportJob::OnDone(std::shared_ptr<ImportReport> report, std::exception_ptr error) {
    m_poll.Stop();
    m_thread.join();
    m_dialog.reset();
    m_finished(report.get(), error);
}

}  // namespace kodex::gui
