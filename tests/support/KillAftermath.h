// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// What must hold after a program that writes the store was killed with SIGKILL while it
// requested mitigations (tst_cli_kill, tst_console_kill).
namespace dots::test {

// The mids of the mitigation requests (PUT mitigate/cuid=../mid=N) a simulator run with
// --print-messages received, in the order they came; the repeated copies of one Non-confirmable
// request count once.
QList<quint32> mitigationMidsReceived(const QString &simulatorOutput);

struct StoreAftermath
{
    QStringList problems; // empty: everything held
    int settled = 0;      // audit entries of received mids that carry their outcome
};

// The database at `path` opens as it is and passes PRAGMA integrity_check; each request has at
// most one audit entry; every mid in `received` has one, "sent" or "done"; the mid counter is at
// or above the last mid received, so the next run goes on from there.
StoreAftermath checkStoreAfterKill(const QString &path, const QList<quint32> &received);

} // namespace dots::test
