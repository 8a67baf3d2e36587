// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Strong id types: a DocumentId cannot be passed where a CodeId is expected.
#include <cstdint>
#include <functional>

namespace kodex {

template <class Tag>
struct Id {
    std::int64_t value = 0;
    constexpr Id() = default;
    constexpr explicit Id(std::int64_t v) : value(v) {}
    constexpr bool valid() const { return value > 0; }
    friend constexpr bool operator==(Id a, Id b) { return a.value == b.value; }
    friend constexpr bool operator!=(Id a, Id b) { return a.value != b.value; }
    friend constexpr bool operator<(Id a, Id b) { return a.value < b.value; }
};

using DocumentId = Id<struct DocumentTag>;
using CodeId = Id<struct CodeTag>;
using CodingId = Id<struct CodingTag>;
using CoderId = Id<struct CoderTag>;
using MemoId = Id<struct MemoTag>;
using VariableId = Id<struct VariableTag>;

}  // namespace kodex

template <class Tag>
struct std::hash<kodex::Id<Tag>> {
    std::size_t operator()(kodex::Id<Tag> id) const noexcept { return std::hash<std::int64_t>()(id.value); }
};
