// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The search filters of a small project, for the query parser's tests and its fuzz target: doc:, speaker:
// and sector: (a variable) take any value; code: knows "Formate" (with one subcode) and
// "Resilienz/Krisenmanagement"; coder: takes any name but an empty one.
#include <string>

#include "core/errors.h"
#include "core/search/query.h"

namespace kodex::test {

class SmallProjectFilters : public FilterResolver {
public:
    bool is_filter(const std::string& name) const override {
        return name == "doc" || name == "code" || name == "speaker" || name == "coder" || name == "sector";
    }
    std::string filter_names() const override { return "doc:, code:, speaker:, coder:, sector:"; }
    FilterTarget resolve(const std::string& name, const std::string& value) const override {
        FilterTarget t;
        if (name == "code") {
            if (value != "Formate" && value != "Resilienz/Krisenmanagement") throw InvalidArgument("no code '" + value + "'");
            t.kind = FilterKind::Code;
            t.codes = {1, 2};
        } else if (name == "coder") {
            if (value.empty()) throw InvalidArgument("no coder ''");
            t.kind = FilterKind::Coder;
            t.coders = {7};
        } else if (name == "speaker") {
            t.kind = FilterKind::Speaker;
        } else if (name == "sector") {
            t.kind = FilterKind::Variable;
        }
        t.term = "X" + value;
        t.label = name + ":" + value;
        return t;
    }
};

}  // namespace kodex::test
