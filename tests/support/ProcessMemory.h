// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>

namespace dots::test {

// Resident memory of this process in MiB (/proc/self/statm, in pages).
inline double residentMiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    return statm.readAll().split(' ').value(1).toDouble() * 4096.0 / (1024.0 * 1024.0);
}

// Built with AddressSanitizer (the asan preset): freed memory stays in its quarantine, so
// resident memory says nothing about what the program holds, and a Debug build under it runs
// several times slower than the release build that the timing targets are about.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
inline constexpr int kSlowdown = kSanitized ? 4 : 1;

} // namespace dots::test
