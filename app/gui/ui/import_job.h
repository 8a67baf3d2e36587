// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Imports transcripts on a worker thread while a progress dialog that can cancel keeps the window alive.
// A Session is not thread-safe, so the worker opens its own Session on the project file; the editor's
// session is not used until the job has finished (the progress dialog is modal). Progress and the result
// reach the main thread through CallAfter; the worker never touches a widget.
#include <wx/event.h>
#include <wx/progdlg.h>
#include <wx/timer.h>

#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "core/progress.h"
#include "core/session.h"

namespace kodex::gui {

class ImportJob : public wxEvtHandler {
public:
    /// Called on the main thread with the report, or with the exception the import threw.
    using Finished = std::function<void(const ImportReport* report, std::exception_ptr error)>;

    ImportJob(wxWindow* parent, std::string project, ImportRequest request, Finished finished);
    /// Cancels a running import and waits for the worker.
    ~ImportJob() override;

    void Start();
    bool IsRunning() const { return m_thread.joinable(); }

private:
    void Work();
    void OnProgress(std::int64_t done, std::int64_t total, const std::string& what);
    void OnDone(std::shared_ptr<ImportReport> report, std::exception_ptr error);

    wxWindow* m_parent;
    std::string m_project;
    ImportRequest m_request;
    Finished m_finished;
    CancelToken m_cancel;
    std::thread m_thread;
    std::unique_ptr<wxProgressDialog> m_dialog;
    wxTimer m_poll;
};

}  // namespace kodex::gui
