// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/text/unicode.h"

#include <doctest/doctest.h>

#include "core/errors.h"

using namespace kodex;

namespace {

std::int64_t parse_error_offset(std::string_view bytes, const std::string& forced = {}) {
    try {
        decode_bytes(bytes, "t.txt", forced);
    } catch (const ParseError& e) {
        CHECK(e.file() == "t.txt");
        return e.offset();
    }
    FAIL("no ParseError");
    return -2;
}

std::string parse_error_message(std::string_view bytes) {
    try {
        decode_bytes(bytes, "t.txt");
    } catch (const ParseError& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST_CASE("unicode: SHA-256 matches the standard test vectors") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("unicode: valid UTF-8 with umlauts, ß and emoji is taken as it is") {
    const std::string text = "Grüße aus Köln, Straße 😅";
    const DecodedText d = decode_bytes(text, "t.txt");
    CHECK(d.utf8 == text);
    CHECK(d.encoding == "UTF-8");
    CHECK_FALSE(d.had_bom);
}

TEST_CASE("unicode: a UTF-8 byte order mark is removed and reported") {
    const DecodedText d = decode_bytes("\xEF\xBB\xBF" "Äpfel", "t.txt");
    CHECK(d.utf8 == "Äpfel");
    CHECK(d.encoding == "UTF-8");
    CHECK(d.had_bom);
}

TEST_CASE("unicode: UTF-16 with a byte order mark is decoded in both byte orders") {
    // "Ä😅\n": U+00C4, U+1F605 (surrogates D83D DE05), LF
    const std::string le("\xFF\xFE\xC4\x00\x3D\xD8\x05\xDE\x0A\x00", 10);
    const std::string be("\xFE\xFF\x00\xC4\xD8\x3D\xDE\x05\x00\x0A", 10);
    const DecodedText l = decode_bytes(le, "t.txt");
    CHECK(l.utf8 == "Ä😅\n");
    CHECK(l.encoding == "UTF-16LE");
    CHECK(l.had_bom);
    const DecodedText b = decode_bytes(be, "t.txt");
    CHECK(b.utf8 == "Ä😅\n");
    CHECK(b.encoding == "UTF-16BE");
}

TEST_CASE("unicode: broken UTF-16 is refused at the exact byte") {
    // A lone high surrogate at bytes 4-5, followed by "a".
    CHECK(parse_error_offset(std::string("\xFF\xFE" "a\x00\x3D\xD8" "a\x00", 8)) == 4);
    // An odd trailing byte.
    CHECK(parse_error_offset(std::string("\xFF\xFE" "a\x00" "b", 5)) == 4);
}

TEST_CASE("unicode: NUL bytes without a UTF-16 byte order mark are refused") {
    const std::string utf16_without_bom("a\x00" "b\x00", 4);
    CHECK(parse_error_offset(utf16_without_bom) == 1);
    CHECK(parse_error_offset(std::string("\xEF\xBB\xBFok\x00", 6)) == 5);
    CHECK(parse_error_message(utf16_without_bom).find("contains NUL bytes: binary file or UTF-16 without BOM") !=
          std::string::npos);
}

TEST_CASE("unicode: windows-1252 quotes and the euro sign are detected and decoded") {
    const DecodedText d = decode_bytes("\x84Gr\xFC\xDF" "e\x93 kostet 5 \x80", "t.txt");
    CHECK(d.utf8 == "„Grüße“ kostet 5 €");
    CHECK(d.encoding == "windows-1252");
    CHECK_FALSE(d.had_bom);
}

TEST_CASE("unicode: Latin-1 text without windows-1252 bytes is reported as ISO-8859-1") {
    const DecodedText d = decode_bytes("Sch\xF6ne Gr\xFC\xDF" "e aus M\xFCnchen, sagte sie. Das war \xFC" "berall so.",
                                       "t.txt");
    CHECK(d.utf8 == "Schöne Grüße aus München, sagte sie. Das war überall so.");
    CHECK(d.encoding == "ISO-8859-1");
}

TEST_CASE("unicode: a euro sign at 0xA4 without windows-1252 bytes makes it ISO-8859-15") {
    const DecodedText d = decode_bytes("Das kostet 5 \xA4, sagte sie. Sch\xF6n.", "t.txt");
    CHECK(d.utf8 == "Das kostet 5 €, sagte sie. Schön.");
    CHECK(d.encoding == "ISO-8859-15");
}

TEST_CASE("unicode: UTF-8 mixed with a Latin-1 byte is refused at that byte") {
    // "Grüße " is 8 bytes of UTF-8; then "und " (4 bytes); 0xE4 ('ä' in Latin-1) sits at byte 12.
    const std::string mixed = "Grüße und \xE4rger";
    CHECK(parse_error_offset(mixed) == 12);
    CHECK(parse_error_message(mixed).find("mixed or invalid UTF-8") != std::string::npos);
    CHECK(parse_error_message(mixed).find("--encoding") != std::string::npos);
    // The invalid byte may also come first.
    CHECK(parse_error_offset("\xE4rger und Grüße") == 0);
}

TEST_CASE("unicode: bytes undefined in windows-1252 are refused") {
    CHECK(parse_error_offset("Gr\xFC\xDF" "e \x81 da") == 6);
    CHECK(parse_error_offset("abc\x9D") == 3);
}

TEST_CASE("unicode: a forced encoding decodes and stops at the first invalid byte") {
    CHECK(decode_bytes("5 \xA4", "t.txt", "ISO-8859-15").utf8 == "5 €");
    CHECK(decode_bytes("5 \xA4", "t.txt", "ISO-8859-1").utf8 == "5 ¤");
    CHECK(decode_bytes("5 \xA4", "t.txt", "ISO-8859-15").encoding == "ISO-8859-15");
    // UTF-16 without a BOM can be read when asked for; its NUL bytes are then fine.
    CHECK(decode_bytes(std::string("a\x00\xFC\x00", 4), "t.txt", "UTF-16LE").utf8 == "aü");
    // A forced UTF-8 BOM is still removed.
    const DecodedText bom = decode_bytes("\xEF\xBB\xBFok", "t.txt", "UTF-8");
    CHECK(bom.utf8 == "ok");
    CHECK(bom.had_bom);
    CHECK(parse_error_offset("Grüße \xE4", "UTF-8") == 8);
    CHECK(parse_error_offset("ab\x80", "US-ASCII") == 2);
    CHECK_THROWS_AS(decode_bytes("abc", "t.txt", "no-such-encoding"), InvalidArgument);
}

TEST_CASE("unicode: a decomposed umlaut is composed and positions map to it") {
    const NormalizedText n = normalize_for_storage("U\u0308ber");
    CHECK(n.text == "Über");
    CHECK(n.map.source_to_stored == std::vector<std::int64_t>{0, 0, 1, 2, 3, 4});
    const NormalizedText e = normalize_for_storage("Caf" "e\u0301!");
    CHECK(e.text == "Café!");
    CHECK(e.map.source_to_stored == std::vector<std::int64_t>{0, 1, 2, 3, 3, 4, 5});
    // Two marks in non-canonical order: dot below and circumflex compose to U+1EAD.
    const NormalizedText a = normalize_for_storage("xa\u0302\u0323y");
    CHECK(a.text == "x\u1EADy");
    CHECK(a.map.source_to_stored == std::vector<std::int64_t>{0, 1, 1, 1, 2, 3});
    // A composition exclusion grows: U+0958 becomes U+0915 U+093C.
    const NormalizedText qa = normalize_for_storage("x\u0958y");
    CHECK(qa.text == "x\u0915\u093Cy");
    CHECK(qa.map.source_to_stored == std::vector<std::int64_t>{0, 1, 3, 4});
}

TEST_CASE("unicode: text already in NFC maps one to one, emoji included") {
    const NormalizedText n = normalize_for_storage("Grüße 😅 ß");
    CHECK(n.text == "Grüße 😅 ß");
    CHECK(n.map.source_to_stored == std::vector<std::int64_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
}

TEST_CASE("unicode: CRLF and lone CR become LF and the CR shares the LF's position") {
    const NormalizedText crlf = normalize_for_storage("a\r\nb\r\n");
    CHECK(crlf.text == "a\nb\n");
    CHECK(crlf.map.source_to_stored == std::vector<std::int64_t>{0, 1, 1, 2, 3, 3, 4});
    const NormalizedText cr = normalize_for_storage("a\rb\r\rc");
    CHECK(cr.text == "a\nb\n\nc");
    CHECK(cr.map.source_to_stored == std::vector<std::int64_t>{0, 1, 2, 3, 4, 5, 6});
}

TEST_CASE("unicode: a leading byte order mark is dropped, a later U+FEFF is kept") {
    const NormalizedText n = normalize_for_storage("\uFEFFab\uFEFF");
    CHECK(n.text == "ab\uFEFF");
    CHECK(n.map.source_to_stored == std::vector<std::int64_t>{0, 0, 1, 2, 3});
    CHECK(n.map.map(-5) == 0);
    CHECK(n.map.map(2) == 1);
    CHECK(n.map.map(99) == 3);
}

TEST_CASE("unicode: normalize_text gives the same text as normalize_for_storage") {
    const std::string samples[] = {"",
                                   "plain",
                                   "\xEF\xBB\xBFI: U\u0308ber\r\nB: Cafe\u0301\r",
                                   "a\u0302\u0323 😅\r\r\n",
                                   "\u0301 leading mark",
                                   "\r\u0301 mark after a line end",
                                   "Stra\u00DFe \u212B \uFB01 \u0958"};
    for (const std::string& s : samples) CHECK(normalize_text(s) == normalize_for_storage(s).text);
    CHECK(normalize_text("\u212B") == "\u00C5");  // the Angstrom sign is a singleton decomposition
    CHECK_THROWS_AS(normalize_text("bad \xFF"), InvalidArgument);
    CHECK_THROWS_AS(normalize_for_storage("bad \xC3"), InvalidArgument);
}

TEST_CASE("unicode: only well-formed UTF-8 is valid") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("Grüße 😅 \xF4\x8F\xBF\xBF"));
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xE2\x82"));          // truncated
    CHECK_FALSE(is_valid_utf8("\x80"));              // stray continuation byte
}

TEST_CASE("unicode: code point and byte positions convert both ways") {
    const std::string text = "I: Übergänge – 😅\nB1: Antrag";
    CHECK(count_code_points(text) == 27);
    CHECK(byte_offset_of(text, 21) == 28);
    CHECK(code_point_of(text, 28) == 21);
    CHECK(byte_offset_of(text, 27) == text.size());
    CHECK(code_point_of(text, text.size()) == 27);
    CHECK(substring_cp(text, 21, 27) == "Antrag");
    CHECK(substring_cp(text, 3, 12) == "Übergänge");
    CHECK(substring_cp(text, 15, 16) == "😅");
    CHECK(substring_cp(text, 5, 5).empty());
    CHECK_THROWS_AS(byte_offset_of(text, 28), InvalidArgument);
    CHECK_THROWS_AS(byte_offset_of(text, -1), InvalidArgument);
    CHECK_THROWS_AS(code_point_of(text, 4), InvalidArgument);  // inside "Ü"
    CHECK_THROWS_AS(code_point_of(text, text.size() + 1), InvalidArgument);
    CHECK_THROWS_AS(substring_cp(text, 5, 4), InvalidArgument);
    CHECK_THROWS_AS(substring_cp(text, 20, 30), InvalidArgument);
}

TEST_CASE("unicode: find_all_cp reports code point starts of non-overlapping hits") {
    CHECK(find_all_cp("😅ää😅ä", "ä") == std::vector<std::int64_t>{1, 2, 4});
    CHECK(find_all_cp("aaaa", "aa") == std::vector<std::int64_t>{0, 2});
    CHECK(find_all_cp("Straße", "x").empty());
    CHECK(find_all_cp("abc", "").empty());
}

TEST_CASE("unicode: a position index agrees with the linear conversions everywhere") {
    std::string text;
    for (int i = 0; i < 300; ++i) text += i % 7 == 0 ? "😅" : i % 5 == 0 ? "ß\n" : i % 3 == 0 ? "Ä" : "x";
    const PositionIndex index(text);
    CHECK(index.code_points() == count_code_points(text));
    for (std::int64_t cp = 0; cp <= index.code_points(); ++cp) {
        const std::size_t byte = byte_offset_of(text, cp);
        REQUIRE(index.to_byte(cp) == byte);
        REQUIRE(index.to_cp(byte) == cp);
    }
    CHECK_THROWS_AS(index.to_byte(index.code_points() + 1), InvalidArgument);
    CHECK_THROWS_AS(index.to_byte(-1), InvalidArgument);
    CHECK_THROWS_AS(index.to_cp(1), InvalidArgument);  // inside the first emoji
    CHECK_THROWS_AS(index.to_cp(text.size() + 1), InvalidArgument);

    const PositionIndex empty("");
    CHECK(empty.code_points() == 0);
    CHECK(empty.to_byte(0) == 0);
    CHECK(empty.to_cp(0) == 0);
}

// Bug (caught by the no-leading-BOM check of fuzz_plain_text): of several leading U+FEFF only the first was
// dropped, so stored text could start with one, and normalising it again (a REFI-QDA round trip) shifted positions.
TEST_CASE("unicode: every leading U+FEFF is dropped, so normalising stored text again changes nothing") {
    const NormalizedText n = normalize_for_storage("\uFEFF\uFEFFab\uFEFF");
    CHECK(n.text == "ab\uFEFF");
    CHECK(n.map.source_to_stored == std::vector<std::int64_t>{0, 0, 0, 1, 2, 3});
    CHECK(normalize_text("\uFEFF\uFEFF\uFEFFab") == "ab");
    CHECK(normalize_for_storage("a\uFEFF").text == "a\uFEFF");
}
