// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// REFI-QDA Project Exchange (.qdpx): import a project from MAXQDA, ATLAS.ti, NVivo, QualCoder and others
// into a new Kodex project, and export a Kodex project so that they can read it. What is read and written,
// and how positions are counted, is described in docs/refi-qda.md.
#include <cstdint>
#include <string>
#include <vector>

#include "core/progress.h"

namespace kodex {

class Session;

/// What an import brought in, and everything it left out or changed. Never empty of explanation: every
/// element that was not imported as it stood is listed with its GUID.
struct QdpxImportReport {
    std::string origin;     ///< Project@origin as written (the producing software), may be empty
    std::string qde_entry;  ///< the project XML that was read ("project.qde", "Trial.qde", or the .qde file)

    struct Counts {
        std::int64_t coders = 0, codes = 0, documents = 0, codings = 0, memos = 0, variables = 0, values = 0;
    };
    Counts imported;

    /// One element left out or imported with a change.
    struct Item {
        std::string element;  ///< REFI element: "PlainTextSelection", "Code", "PictureSource", ...
        std::string guid;     ///< as written, when it has one
        std::string name;     ///< its name, or what identifies it
        std::string reason;
    };
    std::vector<Item> skipped;   ///< not imported (data the new project does not hold)
    std::vector<Item> adjusted;  ///< imported with a change: renamed, new GUID, notes joined, type changed ...

    /// How positions were read for one document.
    struct Positions {
        std::string guid, document;
        std::string model;     ///< counting model used, e.g. "UTF-16 code units, CRLF as two"
        std::string basis;     ///< why that model
        bool matters = false;  ///< false when the text has no CRLF and no character outside the BMP
    };
    std::vector<Positions> positions;
    std::vector<std::string> warnings;  ///< about the file as a whole (qde name, namespace, ...)
};

/// Switches for peers that count positions differently from the standard (docs/refi-qda.md).
struct QdpxExportOptions {
    /// MAXQDA compatibility: sources/*.txt get CR LF line ends; positions stay as counted on the LF text,
    /// which is how producers that count a CR LF as one character read them.
    bool crlf_line_ends = false;
    /// NVivo compatibility: positions in UTF-16 code units (a character outside the BMP counts two).
    bool utf16_positions = false;
};

struct QdpxExportReport {
    std::int64_t coders = 0, codes = 0, documents = 0, selections = 0, codings = 0, notes = 0, variables = 0;
    std::uint64_t bytes = 0;            ///< size of the written file
    std::vector<std::string> warnings;  ///< what a peer may read differently
};

/// Imports a .qdpx archive (or a bare .qde file) into a new project at `new_project_path`, in one transaction.
/// Elements that cannot be imported are skipped and reported; the import stops only for a file it cannot
/// trust or read at all: not a zip or XML, a hostile archive (entry names that escape, too many entries,
/// expanding beyond the limits), no project XML, malformed XML, a DOCTYPE, nesting beyond 200 levels. Then
/// it throws (ParseError, IoError; IoError also when the project file exists) and leaves no project behind.
/// Safe to run on a worker thread: it opens its own session on the new project.
QdpxImportReport import_qdpx(const std::string& qdpx_path, const std::string& new_project_path,
                             const Progress& progress = {}, const CancelToken* cancel = nullptr);

/// Writes the project as a .qdpx archive (replacing `qdpx_path` atomically): project.qde valid against the
/// REFI-QDA 1.0 project schema, UTF-8 without BOM, LF, code point positions unless `options` say otherwise,
/// one sources/<GUID>.txt per document. Every object keeps its GUID from export to export.
/// Reads through `session`, which must not be used from another thread meanwhile. Throws IoError when the
/// file cannot be written, InvalidArgument for a document over REFI-QDA's 2 GiB file limit.
QdpxExportReport export_qdpx(Session& session, const std::string& qdpx_path, const QdpxExportOptions& options = {},
                             const Progress& progress = {}, const CancelToken* cancel = nullptr);

}  // namespace kodex
