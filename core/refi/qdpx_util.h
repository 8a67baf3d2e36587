// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to core/refi: what the .qdpx reader and writer share (GUID forms, dates, XML access).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace kodex {

/// The project XML's namespace, written exactly like this.
constexpr const char* kQdpxNamespace = "urn:QDA-XML:project:1.0";
/// Key prefix in the project's meta table: "qdpx.selection.<coding GUID>" holds the GUID of the
/// PlainTextSelection an imported coding came from, so that an export writes that selection GUID again.
constexpr const char* kSelectionMetaPrefix = "qdpx.selection.";

/// True for a GUID as the schema allows it: 8-4-4-4-12 hex digits, in either case, optionally in braces.
bool is_guid_token(std::string_view s);
/// The form GUIDs are compared in: braces removed, upper case.
std::string guid_key(std::string_view s);
/// A GUID derived from `seed` (a version 8 UUID from SHA-256): the same seed always gives the same GUID.
std::string derived_guid(std::string_view seed);

/// An xsd:dateTime (or xsd:date) in UTC as Kodex stores times: "2018-03-27T17:46:39Z". Offsets are applied,
/// fractions dropped, a time without zone is taken as UTC. Nothing when `s` is not a date.
std::optional<std::string> utc_datetime(std::string_view s);

/// Child elements of `parent` with local name `name` (any namespace prefix).
std::vector<pugi::xml_node> children_named(const pugi::xml_node& parent, std::string_view name);
/// All character data of an element (text and CDATA pieces).
std::string text_of(const pugi::xml_node& node);

}  // namespace kodex
