// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ServerPolicy.h"
#include "TargetScope.h"

#include "data/Acl.h"
#include "data/Alias.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace dots::simulator {

// A source of an attack as the server's telemetry reports it (RFC 9244 top talkers).
struct ScenarioTalker {
    QString sourcePrefix;
    double share = 0; // of the attack's traffic, 0..1
    bool spoofed = false;
};

// One attack of a scenario: traffic against a target, rising over rampUp, holding at the
// peak, falling over rampDown. Times are scenario milliseconds from the scenario start.
struct ScenarioAttack {
    QString name;
    TargetScope target;
    qint64 startMs = 0;
    qint64 durationMs = 0;
    qint64 rampUpMs = 0;
    qint64 rampDownMs = 0;
    double peakBps = 0; // bits per second
    double peakPps = 0;
    // Legitimate traffic towards the target while the attack runs (telemetry total-traffic).
    double normalBps = 0;
    double normalPps = 0;
    int severity = 4; // ietf-dots-telemetry attack-severity, 4 = high
    QList<ScenarioTalker> topTalkers;

    // 0..1: how much of the peak is on the wire at scenario time `t` (already looped).
    double intensityAt(qint64 t) const;
};

struct AttackLoad {
    double bps = 0;
    double pps = 0;
    bool active() const { return bps > 0 || pps > 0; }
};

// A scripted world: which targets come under attack, when and how hard, plus server policy.
// The file format is described in simulator/README.md.
class Scenario {
public:
    QString name;
    bool loop = false;
    qint64 periodMs = 0; // loop length; defaults to the end of the last attack
    QList<ScenarioAttack> attacks;
    ServerPolicy policy;
    // Data channel: what every client finds prepared when it registers (RFC 8783 entries).
    QList<data::Alias> aliases;
    QList<data::Acl> acls;

    // Parses a scenario document. On failure returns false and says what is wrong in
    // `error`, naming the member ("attacks[1].target: ...").
    static bool fromJson(const QByteArray &json, Scenario &out, QString &error);
    static bool fromFile(const QString &path, Scenario &out, QString &error);

    // Attack traffic towards `targets` at scenario time `nowMs`, summed over the attacks.
    AttackLoad loadAt(qint64 nowMs, const TargetScope &targets) const;
    qint64 localTime(qint64 nowMs) const;
};

} // namespace dots::simulator
