// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The exception tree of Kodex. Caller's mistakes (InvalidArgument) are split from the world's
// (IoError, ParseError, UnsupportedFormat, StoreError). Only the boundaries catch: the GUI, the CLI's
// main, and tests. Partial outcomes (import reports) are returned, not thrown.
#include <cstdint>
#include <stdexcept>
#include <string>

namespace kodex {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The caller asked for something impossible: unknown code, range outside the text, duplicate name.
class InvalidArgument : public Error {
public:
    using Error::Error;
};

/// A file could not be read or written. what() names the path and the reason.
class IoError : public Error {
public:
    IoError(std::string path, const std::string& reason)
        : Error(path + ": " + reason), path_(std::move(path)) {}
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

/// A file's content is broken: invalid bytes, malformed XML, bad timestamps. Names file and offset.
class ParseError : public Error {
public:
    ParseError(std::string file, std::int64_t offset, const std::string& reason)
        : Error(file + (offset >= 0 ? " (byte " + std::to_string(offset) + ")" : std::string()) + ": " + reason),
          file_(std::move(file)), offset_(offset) {}
    const std::string& file() const { return file_; }
    /// Byte offset of the problem in the file, or -1 when not known.
    std::int64_t offset() const { return offset_; }

private:
    std::string file_;
    std::int64_t offset_;
};

/// The file is of a kind Kodex does not read (by extension or content).
class UnsupportedFormat : public Error {
public:
    using Error::Error;
};

/// The project file is not a Kodex project, is corrupt, locked, or written by a newer Kodex.
class StoreError : public Error {
public:
    enum class Kind { NotAProject, Corrupt, Locked, TooNew, Other };
    StoreError(Kind kind, const std::string& msg) : Error(msg), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

/// The search index cannot be used: in use by another program, not writable, or broken beyond a rebuild.
class IndexError : public Error {
public:
    using Error::Error;
};

/// Long work was cancelled through a CancelToken.
class Cancelled : public Error {
public:
    Cancelled() : Error("cancelled") {}
};

}  // namespace kodex
