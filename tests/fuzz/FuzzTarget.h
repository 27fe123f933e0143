// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// Every fuzz target defines this one entry point (the libFuzzer interface). Built with
// DOTS_FUZZ it is linked with libFuzzer; otherwise with ReplayMain.cpp, which runs the
// committed corpus through it as a regression test.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace dots::fuzz {

inline QByteArray bytesOf(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// A broken invariant: the fuzzer reports it as a crash together with the input.
[[noreturn]] inline void invariantBroken(const char *what, const QByteArray &detail = {})
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n%s\n", what, detail.constData());
    std::abort();
}

} // namespace dots::fuzz
