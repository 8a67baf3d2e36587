// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every kodex-cli subcommand shares: global options, exit codes, JSON output helpers.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

#include "core/session.h"

namespace kodex::cli {

using nlohmann::json;

/// Exit codes, documented in main.cpp and the README.
enum Exit { kOk = 0, kUser = 1, kData = 2, kIo = 3, kLocked = 4, kPartial = 5 };

struct Options {
    bool json = false;
    std::string coder;
};

/// State the subcommands share while one command line runs.
struct Context {
    Options options;
    int exit_code = kOk;
};

void print_json(const json& j);
std::unique_ptr<Session> open_project(const std::string& path, const Options& o, bool read_only = false);
json turn_json(const Turn& t);
json coding_json(const CodingView& v);
/// A --range argument "START:END" (code points); InvalidArgument naming the argument otherwise.
TextRange parse_range(const std::string& s);
/// A whole file, as bytes (--file arguments); IoError naming the file when it cannot be read.
std::string read_text_file(const std::string& path);

/// Registers `qdpx import|export` (app/cli/qdpx_commands.cpp).
void add_qdpx_commands(CLI::App& app, Context& context);
/// Registers `export`, `agreement` and `query` (app/cli/analysis_commands.cpp).
void add_analysis_commands(CLI::App& app, Context& context);
/// Registers `search`, `autocode` and `search-language` (app/cli/search_commands.cpp).
void add_search_commands(CLI::App& app, Context& context);
/// Registers `edit` (app/cli/edit_command.cpp).
void add_edit_command(CLI::App& app, Context& context);

}  // namespace kodex::cli
