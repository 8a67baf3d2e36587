// SPDX-License-Identifier: GPL-3.0-or-later
// REFI-QDA codebooks (read_qdc). What is read must also write (write_qdc) and read back with the same codes.
#include "tests/fuzz/fuzz_util.h"

#include "core/refi/qdc.h"

using namespace kodex;

namespace {

// Codes in the tree; `controls` is set when a name holds a C0 control that XML cannot carry (dropped on write).
std::size_t count_codes(const std::vector<CodebookEntry>& codes, bool& controls) {
    std::size_t n = 0;
    for (const CodebookEntry& e : codes) {
        for (const char c : e.name)
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') controls = true;
        n += 1 + count_codes(e.children, controls);
    }
    return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes = fuzz::as_string(data, size);
    Codebook book;
    try {
        book = read_qdc(bytes, "fuzz.qdc");
    } catch (const Error&) {
        return 0;
    }
    bool controls = false;
    const std::size_t codes = count_codes(book.codes, controls);
    if (codes == 0) return 0;  // write_qdc refuses a codebook without codes
    std::string written;
    try {
        written = write_qdc(book);
    } catch (const Error& e) {
        FUZZ_CHECK(false, std::string("a codebook that was read cannot be written: ") + e.what());
    }
    Codebook again;
    try {
        again = read_qdc(written, "written.qdc");
    } catch (const Error& e) {
        FUZZ_CHECK(false, std::string("write_qdc wrote a codebook read_qdc refuses: ") + e.what());
    }
    bool ignored = false;
    if (!controls) FUZZ_CHECK(count_codes(again.codes, ignored) == codes, "codes lost in a write/read round trip");
    return 0;
}
