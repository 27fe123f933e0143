// SPDX-License-Identifier: GPL-3.0-or-later
#include "Scenario.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace dots::simulator {

double ScenarioAttack::intensityAt(qint64 t) const
{
    if (t < startMs || t >= startMs + durationMs)
        return 0;
    const qint64 sinceStart = t - startMs;
    const qint64 untilEnd = startMs + durationMs - t;
    double f = 1.0;
    if (rampUpMs > 0 && sinceStart < rampUpMs)
        f = std::min(f, double(sinceStart) / double(rampUpMs));
    if (rampDownMs > 0 && untilEnd < rampDownMs)
        f = std::min(f, double(untilEnd) / double(rampDownMs));
    // A just-started attack still sends something, so it is visible at once.
    return std::max(f, 0.01);
}

qint64 Scenario::localTime(qint64 nowMs) const
{
    if (loop && periodMs > 0)
        return nowMs % periodMs;
    return nowMs;
}

AttackLoad Scenario::loadAt(qint64 nowMs, const TargetScope &targets) const
{
    AttackLoad load;
    const qint64 t = localTime(nowMs);
    for (const ScenarioAttack &a : attacks) {
        if (!targets.overlap(a.target) && !a.target.overlap(targets))
            continue;
        const double f = a.intensityAt(t);
        load.bps += f * a.peakBps;
        load.pps += f * a.peakPps;
    }
    return load;
}

namespace {

// Small helper that reads members and remembers the first problem with its path.
class Reader {
public:
    explicit Reader(QString &error) : m_error(error) {}

    bool fail(const QString &path, const QString &message)
    {
        if (m_error.isEmpty())
            m_error = path.isEmpty() ? message : path + QStringLiteral(": ") + message;
        return false;
    }

    bool onlyKnown(const QJsonObject &o, const QString &path, std::initializer_list<const char *> known)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            bool found = false;
            for (const char *k : known)
                found = found || it.key() == QLatin1String(k);
            if (!found) {
                QStringList names;
                for (const char *k : known)
                    names << QLatin1String(k);
                return fail(join(path, it.key()), QStringLiteral("unknown member (known: %1)").arg(names.join(QStringLiteral(", "))));
            }
        }
        return true;
    }

    bool number(const QJsonObject &o, const QString &path, const char *key, double &out, double min, double max)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        if (!v.isDouble())
            return fail(join(path, QLatin1String(key)), QStringLiteral("must be a number"));
        const double d = v.toDouble();
        if (!(d >= min && d <= max))
            return fail(join(path, QLatin1String(key)), QStringLiteral("%1 is outside %2..%3").arg(d).arg(min).arg(max));
        out = d;
        return true;
    }

    template<typename Int>
    bool integer(const QJsonObject &o, const QString &path, const char *key, Int &out, double min, double max)
    {
        double d = double(out);
        if (!number(o, path, key, d, min, max))
            return false;
        if (d != std::floor(d))
            return fail(join(path, QLatin1String(key)), QStringLiteral("must be a whole number"));
        out = Int(d);
        return true;
    }

    bool boolean(const QJsonObject &o, const QString &path, const char *key, bool &out)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        if (!v.isBool())
            return fail(join(path, QLatin1String(key)), QStringLiteral("must be true or false"));
        out = v.toBool();
        return true;
    }

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }

private:
    QString &m_error;
};

bool readPolicy(const QJsonObject &o, ServerPolicy &p, Reader &r)
{
    const QString path = QStringLiteral("policy");
    if (!r.onlyKnown(o, path, {"conflict-policy", "max-lifetime", "allow-indefinite", "active-but-terminating",
                               "mitigation-setup", "notify-interval", "conflict-retry-timer", "max-mitigations",
                               "unavailable-max-age", "config-max-age", "drop-ratio", "capacity-bps",
                               "telemetry-notify-interval", "session-config"}))
        return false;
    const QJsonValue cp = o.value(QLatin1String("conflict-policy"));
    if (!cp.isUndefined()) {
        if (cp.toString() == QLatin1String("reject"))
            p.conflictPolicy = ConflictPolicy::Reject;
        else if (cp.toString() == QLatin1String("accept"))
            p.conflictPolicy = ConflictPolicy::Accept;
        else
            return r.fail(QStringLiteral("policy.conflict-policy"), QStringLiteral("must be \"reject\" or \"accept\""));
    }
    constexpr double kDay = 86400.0;
    if (!r.integer(o, path, "max-lifetime", p.maxLifetime, 1, 4294967295.0)
        || !r.boolean(o, path, "allow-indefinite", p.allowIndefinite)
        || !r.integer(o, path, "active-but-terminating", p.activeButTerminating, 0, kDay)
        || !r.integer(o, path, "mitigation-setup", p.mitigationSetup, 0, kDay)
        || !r.integer(o, path, "notify-interval", p.notifyInterval, 0, kDay)
        || !r.integer(o, path, "conflict-retry-timer", p.conflictRetryTimer, 0, kDay)
        || !r.integer(o, path, "max-mitigations", p.maxMitigations, 0, 1e6)
        || !r.integer(o, path, "unavailable-max-age", p.unavailableMaxAge, 0, kDay)
        || !r.integer(o, path, "config-max-age", p.configMaxAge, 0, 4294967295.0)
        || !r.number(o, path, "drop-ratio", p.dropRatio, 0, 1)
        || !r.number(o, path, "capacity-bps", p.capacityBps, 0, 1e15)
        || !r.integer(o, path, "telemetry-notify-interval", p.telemetryNotifyInterval, 1, 3600))
        return false;
    const QJsonValue sc = o.value(QLatin1String("session-config"));
    if (!sc.isUndefined()) {
        if (!sc.isObject())
            return r.fail(QStringLiteral("policy.session-config"), QStringLiteral("must be an object"));
        if (const QString e = p.sessionConfig.applyJson(sc.toObject()); !e.isEmpty())
            return r.fail(QStringLiteral("policy"), e);
    }
    return true;
}

bool readAttack(const QJsonValue &v, const QString &path, ScenarioAttack &a, Reader &r)
{
    if (!v.isObject())
        return r.fail(path, QStringLiteral("must be an object"));
    const QJsonObject o = v.toObject();
    if (!r.onlyKnown(o, path, {"name", "target", "start", "duration", "ramp-up", "ramp-down", "bps", "pps", "normal-bps",
                               "normal-pps", "severity", "top-talkers"}))
        return false;
    a.name = o.value(QLatin1String("name")).toString();
    const QJsonValue target = o.value(QLatin1String("target"));
    if (!target.isObject())
        return r.fail(Reader::join(path, QStringLiteral("target")),
                      QStringLiteral("missing; give an object with target-prefix (and optionally target-port-range, "
                                     "target-protocol, target-fqdn)"));
    if (const QString e = TargetScope::parse(target.toObject(), a.target); !e.isEmpty())
        return r.fail(Reader::join(path, QStringLiteral("target")), e);
    if (a.target.isEmpty())
        return r.fail(Reader::join(path, QStringLiteral("target")), QStringLiteral("names no target"));
    double start = -1, duration = -1, rampUp = 0, rampDown = 0;
    constexpr double kYear = 365.0 * 86400.0;
    if (!r.number(o, path, "start", start, 0, kYear) || !r.number(o, path, "duration", duration, 0, kYear)
        || !r.number(o, path, "ramp-up", rampUp, 0, kYear) || !r.number(o, path, "ramp-down", rampDown, 0, kYear)
        || !r.number(o, path, "bps", a.peakBps, 0, 1e15) || !r.number(o, path, "pps", a.peakPps, 0, 1e13))
        return false;
    if (!r.number(o, path, "normal-bps", a.normalBps, 0, 1e15) || !r.number(o, path, "normal-pps", a.normalPps, 0, 1e13))
        return false;
    if (const QJsonValue sev = o.value(QLatin1String("severity")); !sev.isUndefined()) {
        static const QStringList kSeverities{QStringLiteral("none"), QStringLiteral("low"), QStringLiteral("medium"),
                                             QStringLiteral("high"), QStringLiteral("unknown")};
        const qsizetype i = kSeverities.indexOf(sev.toString());
        if (i < 0)
            return r.fail(Reader::join(path, QStringLiteral("severity")),
                          QStringLiteral("must be one of %1").arg(kSeverities.join(QStringLiteral(", "))));
        a.severity = int(i) + 1;
    }
    const QJsonValue talkers = o.value(QLatin1String("top-talkers"));
    if (!talkers.isUndefined() && !talkers.isArray())
        return r.fail(Reader::join(path, QStringLiteral("top-talkers")), QStringLiteral("must be a list"));
    double shares = 0;
    for (qsizetype i = 0; i < talkers.toArray().size(); ++i) {
        const QString tp = Reader::join(path, QStringLiteral("top-talkers[%1]").arg(i));
        const QJsonObject t = talkers.toArray().at(i).toObject();
        if (!r.onlyKnown(t, tp, {"source-prefix", "share", "spoofed"}))
            return false;
        ScenarioTalker talker;
        talker.sourcePrefix = t.value(QLatin1String("source-prefix")).toString();
        IpPrefix parsed;
        if (const QString e = IpPrefix::parse(talker.sourcePrefix, parsed); !e.isEmpty())
            return r.fail(Reader::join(tp, QStringLiteral("source-prefix")), e);
        if (!r.number(t, tp, "share", talker.share, 0, 1) || !r.boolean(t, tp, "spoofed", talker.spoofed))
            return false;
        shares += talker.share;
        a.topTalkers << talker;
    }
    if (shares > 1.0001)
        return r.fail(Reader::join(path, QStringLiteral("top-talkers")), QStringLiteral("shares add up to more than 1"));
    if (start < 0)
        return r.fail(Reader::join(path, QStringLiteral("start")), QStringLiteral("missing (seconds from the scenario start)"));
    if (duration <= 0)
        return r.fail(Reader::join(path, QStringLiteral("duration")), QStringLiteral("missing or not positive (seconds)"));
    if (rampUp + rampDown > duration)
        return r.fail(path, QStringLiteral("ramp-up + ramp-down (%1 s) is longer than duration (%2 s)").arg(rampUp + rampDown).arg(duration));
    if (a.peakBps <= 0 && a.peakPps <= 0)
        return r.fail(path, QStringLiteral("needs bps or pps above zero"));
    a.startMs = qint64(start * 1000);
    a.durationMs = qint64(duration * 1000);
    a.rampUpMs = qint64(rampUp * 1000);
    a.rampDownMs = qint64(rampDown * 1000);
    return true;
}

} // namespace

bool Scenario::fromJson(const QByteArray &json, Scenario &out, QString &error)
{
    error.clear();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        // Offsets are more useful as line numbers.
        const int line = int(json.left(pe.offset).count('\n')) + 1;
        error = QStringLiteral("not valid JSON at line %1: %2").arg(line).arg(pe.errorString());
        return false;
    }
    if (!doc.isObject()) {
        error = QStringLiteral("the scenario must be a JSON object");
        return false;
    }
    Reader r(error);
    const QJsonObject o = doc.object();
    if (!r.onlyKnown(o, QString(), {"name", "description", "loop", "period", "policy", "attacks", "aliases", "acls"}))
        return false;
    Scenario s;
    s.name = o.value(QLatin1String("name")).toString();
    double period = 0;
    if (!r.boolean(o, QString(), "loop", s.loop) || !r.number(o, QString(), "period", period, 0, 365.0 * 86400.0))
        return false;
    const QJsonValue policy = o.value(QLatin1String("policy"));
    if (!policy.isUndefined()) {
        if (!policy.isObject())
            return r.fail(QStringLiteral("policy"), QStringLiteral("must be an object"));
        if (!readPolicy(policy.toObject(), s.policy, r))
            return false;
    }
    const QJsonValue attacks = o.value(QLatin1String("attacks"));
    if (!attacks.isUndefined() && !attacks.isArray())
        return r.fail(QStringLiteral("attacks"), QStringLiteral("must be a list"));
    const QJsonArray list = attacks.toArray();
    qint64 end = 0;
    for (qsizetype i = 0; i < list.size(); ++i) {
        ScenarioAttack a;
        if (!readAttack(list[i], QStringLiteral("attacks[%1]").arg(i), a, r))
            return false;
        end = std::max(end, a.startMs + a.durationMs);
        s.attacks.append(a);
    }
    // Aliases and ACLs in their ietf-dots-data-channel form, checked as the server checks a POST.
    if (o.contains(QLatin1String("aliases"))) {
        if (!o.value(QLatin1String("aliases")).isArray())
            return r.fail(QStringLiteral("aliases"), QStringLiteral("must be a list of ietf-dots-data-channel alias entries"));
        const QJsonObject aliasesDoc{{QStringLiteral("ietf-dots-data-channel:aliases"),
                               QJsonObject{{QStringLiteral("alias"), o.value(QLatin1String("aliases"))}}}};
        auto parsed = data::parseAliases(aliasesDoc, data::DecodeMode::Strict);
        if (!parsed)
            return r.fail(QStringLiteral("aliases"), parsed.errorString());
        s.aliases = parsed.value;
    }
    if (o.contains(QLatin1String("acls"))) {
        if (!o.value(QLatin1String("acls")).isArray())
            return r.fail(QStringLiteral("acls"), QStringLiteral("must be a list of ietf-dots-data-channel acl entries"));
        const QJsonObject aclsDoc{{QStringLiteral("ietf-dots-data-channel:acls"),
                               QJsonObject{{QStringLiteral("acl"), o.value(QLatin1String("acls"))}}}};
        auto parsed = data::parseAcls(aclsDoc, data::DecodeMode::Strict);
        if (!parsed)
            return r.fail(QStringLiteral("acls"), parsed.errorString());
        s.acls = parsed.value;
    }
    s.periodMs = period > 0 ? qint64(period * 1000) : end;
    if (s.loop && s.periodMs <= 0)
        return r.fail(QStringLiteral("period"), QStringLiteral("a looping scenario needs a period or at least one attack"));
    if (period > 0 && end > s.periodMs)
        return r.fail(QStringLiteral("period"), QStringLiteral("%1 s is shorter than the last attack, which ends at %2 s")
                                                    .arg(period).arg(double(end) / 1000.0));
    out = std::move(s);
    return true;
}

bool Scenario::fromFile(const QString &path, Scenario &out, QString &error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    if (!fromJson(f.readAll(), out, error)) {
        error = path + QStringLiteral(": ") + error;
        return false;
    }
    return true;
}

} // namespace dots::simulator
