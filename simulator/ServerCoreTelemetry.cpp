// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 9244 telemetry of the simulated server: tm-setup (the client's telemetry
// configuration, pipe capacities and baselines), tm (the client's own attack telemetry and
// the server's telemetry, observed), and efficacy telemetry in mitigation status.
#include "ServerCore.h"

#include "PathParams.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace dots::simulator {

using dots::Decimal64;
using signal::TelemetryConfiguration;
using signal::TelemetryReport;
using signal::TelemetrySetup;
using signal::TrafficUnit;
using signal::TrafficValues;
using signal::UnitClass;

namespace {

ServerResponse badRequest(const QString &text) { return ServerResponse::error(CoapCode::BadRequest, text); }

// The ranges this server accepts (announced in GET tm-setup).
TelemetryConfiguration minConfig()
{
    TelemetryConfiguration c;
    c.measurementInterval = 1; // 5-minutes
    c.measurementSample = 1;   // second
    c.lowPercentile = Decimal64::fromHundredths(0);
    c.midPercentile = Decimal64::fromHundredths(0);
    c.highPercentile = Decimal64::fromHundredths(0);
    c.notifyInterval = 1;
    return c;
}

TelemetryConfiguration maxConfig()
{
    TelemetryConfiguration c;
    c.measurementInterval = 5; // day
    c.measurementSample = 8;   // hour
    c.lowPercentile = Decimal64::fromHundredths(5000);
    c.midPercentile = Decimal64::fromHundredths(9000);
    c.highPercentile = Decimal64::fromHundredths(10000);
    c.serverOriginatedTelemetry = true;
    c.notifyInterval = 3600;
    return c;
}

QString cuidProblem(const PathParams &p, const ServerRequest &r, ServerResponse *refusal)
{
    if (!p.error.isEmpty()) {
        *refusal = badRequest(p.error);
        return p.error;
    }
    if (p.mid || p.sid) {
        *refusal = badRequest(QStringLiteral("Uri-Path mid= and sid= do not belong to the telemetry resources"));
        return QStringLiteral("mid");
    }
    if (!p.cuid) {
        *refusal = badRequest(QStringLiteral("Missing required Uri-Path parameter: cuid"));
        return QStringLiteral("cuid");
    }
    (void)r;
    return {};
}

// One figure in the largest unit that keeps three digits, as RFC 9244 auto-scaling asks.
TrafficValues currentRate(double baseRate, UnitClass unitClass)
{
    const auto [unit, value] = TrafficUnit::autoScale(baseRate, unitClass);
    TrafficValues t;
    t.unit = unit;
    t.values.current = value;
    return t;
}

dots::Target targetOf(const TargetScope &scope)
{
    dots::ValidationErrors ignored;
    dots::Target t;
    t.readJson(scope.toJson(), dots::JsonReader(ignored));
    return t;
}

} // namespace

TelemetryConfiguration ServerCore::telemetryConfig(const QString &cuid) const
{
    TelemetryConfiguration c;
    c.notifyInterval = quint16(policy().telemetryNotifyInterval);
    c.serverOriginatedTelemetry = true;
    const auto it = m_clients.constFind(cuid);
    if (it == m_clients.cend())
        return c;
    for (const auto &[tsid, setup] : it->telemetrySetups) {
        if (!setup.currentConfig)
            continue;
        const TelemetryConfiguration &set = *setup.currentConfig;
        if (set.notifyInterval)
            c.notifyInterval = set.notifyInterval;
        if (set.serverOriginatedTelemetry)
            c.serverOriginatedTelemetry = set.serverOriginatedTelemetry;
        if (!set.unitConfig.isEmpty())
            c.unitConfig = set.unitConfig;
    }
    return c;
}

QList<TelemetrySetup> ServerCore::telemetrySetups(const QString &cuid) const
{
    QList<TelemetrySetup> out;
    const auto it = m_clients.constFind(cuid);
    if (it != m_clients.cend())
        for (const auto &[tsid, setup] : it->telemetrySetups)
            out << setup;
    return out;
}

QList<TelemetryReport> ServerCore::clientTelemetry(const QString &cuid) const
{
    QList<TelemetryReport> out;
    const auto it = m_clients.constFind(cuid);
    if (it != m_clients.cend())
        for (const auto &[tmid, report] : it->telemetryReports)
            out << report;
    return out;
}

ServerResponse ServerCore::handleTelemetrySetup(const ServerRequest &r, const QStringList &segments)
{
    const PathParams p = PathParams::parse(segments);
    ServerResponse refusal;
    if (!cuidProblem(p, r, &refusal).isEmpty())
        return refusal;
    if (auto refused = bindCuid(r.clientCuid, *p.cuid))
        return *refused;
    if (p.tmid)
        return badRequest(QStringLiteral("Uri-Path tmid= does not belong to tm-setup"));
    ClientState &state = client(*p.cuid);

    switch (r.method) {
    case Method::Get: {
        signal::TelemetrySetupInfo info;
        for (const auto &[tsid, setup] : state.telemetrySetups)
            if (!p.tsid || *p.tsid == tsid)
                info.setups << setup;
        if (p.tsid) {
            if (info.setups.isEmpty())
                return ServerResponse::error(CoapCode::NotFound, QStringLiteral("no telemetry setup with tsid=%1").arg(*p.tsid));
            return ServerResponse::ok(CoapCode::Content, info.toJson());
        }
        info.maxConfig = maxConfig();
        info.minConfig = minConfig();
        info.supportedUnitClasses = {{UnitClass::PacketsPerSecond, true}, {UnitClass::BitsPerSecond, true},
                                     {UnitClass::BytesPerSecond, true}};
        return ServerResponse::ok(CoapCode::Content, info.toJson());
    }
    case Method::Put: {
        if (!p.tsid)
            return badRequest(QStringLiteral("Missing required Uri-Path parameter: tsid"));
        if (!r.body)
            return badRequest(QStringLiteral("a telemetry setup needs a body"));
        for (auto it = r.body->begin(); it != r.body->end(); ++it)
            if (it.key() != signal::telemetrySetupMemberName())
                return badRequest(QStringLiteral("%1: unexpected member (expected %2)").arg(it.key(), signal::telemetrySetupMemberName()));
        const auto parsed = signal::TelemetrySetupInfo::fromJson(*r.body);
        if (!parsed.ok())
            return badRequest(parsed.errorString());
        if (parsed.value.setups.size() != 1)
            return badRequest(QStringLiteral("%1.telemetry: a request must contain exactly one telemetry setup")
                                  .arg(signal::telemetrySetupMemberName()));
        TelemetrySetup setup = parsed.value.setups.first();
        if (setup.tsid != 0 && setup.tsid != *p.tsid)
            return badRequest(QStringLiteral("tsid %1 in the body differs from tsid=%2 in the Uri-Path").arg(setup.tsid).arg(*p.tsid));
        setup.tsid = *p.tsid;
        if (const auto problems = setup.validate(); !problems.isEmpty()) {
            QStringList lines;
            for (const auto &e : problems)
                lines << e.toString();
            return badRequest(lines.join(QStringLiteral("; ")));
        }
        if (setup.currentConfig) {
            // Values outside the server's ranges: 4.22 (RFC 9244 section 6.1.2).
            if (const auto problems = setup.currentConfig->checkRanges(minConfig(), maxConfig()); !problems.isEmpty()) {
                QStringList lines;
                for (const auto &e : problems)
                    lines << e.toString();
                return ServerResponse::error(CoapCode::UnprocessableEntity, lines.join(QStringLiteral("; ")));
            }
        }
        const bool existed = state.telemetrySetups.count(*p.tsid) > 0;
        // A newer configuration replaces older ones (RFC 9244 section 6.1.2): keep one.
        if (setup.currentConfig)
            std::erase_if(state.telemetrySetups, [](const auto &e) { return e.second.currentConfig.has_value(); });
        state.telemetrySetups[*p.tsid] = setup;
        return ServerResponse::ok(existed ? CoapCode::Changed : CoapCode::Created);
    }
    case Method::Delete:
        if (p.tsid)
            state.telemetrySetups.erase(*p.tsid);
        else
            state.telemetrySetups.clear();
        return ServerResponse::ok(CoapCode::Deleted);
    default:
        return ServerResponse::error(CoapCode::MethodNotAllowed, QStringLiteral("tm-setup accepts GET, PUT and DELETE"));
    }
}

ServerResponse ServerCore::handleTelemetry(const ServerRequest &r, const QStringList &segments)
{
    const PathParams p = PathParams::parse(segments);
    ServerResponse refusal;
    if (!cuidProblem(p, r, &refusal).isEmpty())
        return refusal;
    if (auto refused = bindCuid(r.clientCuid, *p.cuid))
        return *refused;
    if (p.tsid)
        return badRequest(QStringLiteral("Uri-Path tsid= does not belong to tm"));
    ClientState &state = client(*p.cuid);

    switch (r.method) {
    case Method::Get: {
        if (p.tmid) {
            const auto it = state.telemetryReports.find(*p.tmid);
            if (it == state.telemetryReports.end())
                return ServerResponse::error(CoapCode::NotFound, QStringLiteral("no telemetry with tmid=%1").arg(*p.tmid));
            return ServerResponse::ok(CoapCode::Content, signal::telemetryReportsToJson({it->second}, true));
        }
        // The server's telemetry; an empty container while nothing is under attack, so that
        // an observation stays registered.
        const QList<TelemetryReport> reports = serverTelemetry(*p.cuid);
        if (!reports.isEmpty())
            state.hadServerTelemetry = true;
        if (reports.isEmpty() && !state.hadServerTelemetry && !r.notification
            && policy().personality == Personality::Reference)
            return ServerResponse::error(CoapCode::NotFound, QStringLiteral("Not Found telemetry"));
        if (reports.isEmpty())
            return ServerResponse::ok(CoapCode::Content, QJsonObject{{signal::telemetryMemberName(), QJsonObject()}});
        return ServerResponse::ok(CoapCode::Content, signal::telemetryReportsToJson(reports, true));
    }
    case Method::Put: {
        if (!p.tmid)
            return badRequest(QStringLiteral("Missing required Uri-Path parameter: tmid"));
        if (*p.tmid == 0)
            return badRequest(QStringLiteral("tmid must be greater than 0"));
        if (!r.body)
            return badRequest(QStringLiteral("telemetry needs a body"));
        const auto parsed = signal::parseTelemetryReports(*r.body);
        if (!parsed.ok())
            return badRequest(parsed.errorString());
        if (parsed.value.size() != 1)
            return badRequest(QStringLiteral("%1.pre-or-ongoing-mitigation: a request must contain exactly one entry")
                                  .arg(signal::telemetryMemberName()));
        TelemetryReport report = parsed.value.first();
        if (report.tmid)
            return badRequest(QStringLiteral("tmid belongs in the Uri-Path, not in the body"));
        if (const auto problems = report.validate(); !problems.isEmpty()) {
            QStringList lines;
            for (const auto &e : problems)
                lines << e.toString();
            return badRequest(lines.join(QStringLiteral("; ")));
        }
        report.tmid = *p.tmid;
        const bool existed = state.telemetryReports.count(*p.tmid) > 0;
        state.telemetryReports[*p.tmid] = report;
        return ServerResponse::ok(existed ? CoapCode::Changed : CoapCode::Created);
    }
    case Method::Delete:
        if (p.tmid) {
            if (state.telemetryReports.erase(*p.tmid) == 0)
                return ServerResponse::error(CoapCode::NotFound, QStringLiteral("no telemetry with tmid=%1").arg(*p.tmid));
        } else {
            state.telemetryReports.clear();
        }
        return ServerResponse::ok(CoapCode::Deleted);
    default:
        return ServerResponse::error(CoapCode::MethodNotAllowed, QStringLiteral("tm accepts GET, PUT and DELETE"));
    }
}

TelemetryReport ServerCore::attackView(const QString &cuid, int attackIndex, double intensity) const
{
    const ScenarioAttack &a = m_scenario.attacks.at(attackIndex);
    const ServerPolicy &pol = policy();
    // The share a mitigation of this client scrubs, as advanceTo counts dropped traffic.
    double scrubbed = 0;
    TelemetryReport r;
    r.tmid = quint32(attackIndex + 1);
    r.target = targetOf(a.target);
    for (const Mitigation *m : mitigations(cuid)) {
        if (!m->targets.overlap(a.target) && !a.target.overlap(m->targets))
            continue;
        r.midList << m->mid;
        if (m->status == MitigationStatus::AttackSuccessfullyMitigated || m->status == MitigationStatus::AttackExceededCapability) {
            const AttackLoad load = m_scenario.loadAt(m_nowMs, m->targets);
            const double share = load.bps > pol.capacityBps && load.bps > 0 ? pol.capacityBps / load.bps : 1.0;
            scrubbed = std::max(scrubbed, pol.dropRatio * share);
        }
    }
    const double attackBps = a.peakBps * intensity * (1.0 - scrubbed);
    const double attackPps = a.peakPps * intensity * (1.0 - scrubbed);

    const TelemetryConfiguration config = telemetryConfig(cuid);
    auto enabled = [&](UnitClass c) {
        for (const auto &u : config.unitConfig)
            if (u.unitClass == c)
                return u.enabled;
        return c != UnitClass::BytesPerSecond; // bits and packets unless told otherwise
    };
    for (UnitClass c : {UnitClass::BitsPerSecond, UnitClass::BytesPerSecond, UnitClass::PacketsPerSecond}) {
        if (!enabled(c))
            continue;
        const bool packets = c == UnitClass::PacketsPerSecond;
        r.totalTraffic << currentRate((packets ? a.normalPps : a.normalBps) + (packets ? attackPps : attackBps), c);
        TrafficValues attack = currentRate(packets ? attackPps : attackBps, c);
        attack.values.peak = TrafficUnit::autoScale(packets ? a.peakPps : a.peakBps, c).first == attack.unit
            ? std::optional(quint64(std::llround((packets ? a.peakPps : a.peakBps) / attack.unit.scale()
                                                  / (c == UnitClass::BytesPerSecond ? 8.0 : 1.0))))
            : std::nullopt;
        r.totalAttackTraffic << attack;
    }

    signal::AttackDetail d;
    d.attackId = quint32(attackIndex + 1);
    d.attackDescription = a.name;
    d.severity = signal::AttackSeverity(a.severity);
    const qint64 cycleStart = m_nowMs - m_scenario.localTime(m_nowMs);
    d.startTime = quint64(m_epochAtStart + (cycleStart + a.startMs) / 1000);
    for (const ScenarioTalker &t : a.topTalkers) {
        signal::Talker talker;
        talker.sourcePrefix = t.sourcePrefix;
        talker.spoofedStatus = t.spoofed;
        talker.totalAttackTraffic << currentRate(attackBps * t.share, UnitClass::BitsPerSecond)
                                  << currentRate(attackPps * t.share, UnitClass::PacketsPerSecond);
        d.topTalkers << talker;
    }
    if (!a.topTalkers.isEmpty())
        d.sourceCount.current = quint64(a.topTalkers.size());
    r.attackDetails << d;
    return r;
}

QList<TelemetryReport> ServerCore::serverTelemetry(const QString &cuid) const
{
    QList<TelemetryReport> out;
    if (telemetryConfig(cuid).serverOriginatedTelemetry == false)
        return out;
    const qint64 t = m_scenario.localTime(m_nowMs);
    for (int i = 0; i < m_scenario.attacks.size(); ++i) {
        const double f = m_scenario.attacks[i].intensityAt(t);
        if (f > 0)
            out << attackView(cuid, i, f);
    }
    return out;
}

QJsonObject ServerCore::efficacyTelemetry(const Mitigation &m) const
{
    if (!isActive(m.status))
        return {};
    const qint64 t = m_scenario.localTime(m_nowMs);
    double totalBps = 0, totalPps = 0, attackBps = 0, attackPps = 0;
    QList<signal::AttackDetail> details;
    for (int i = 0; i < m_scenario.attacks.size(); ++i) {
        const ScenarioAttack &a = m_scenario.attacks[i];
        const double f = a.intensityAt(t);
        if (f <= 0 || (!m.targets.overlap(a.target) && !a.target.overlap(m.targets)))
            continue;
        const TelemetryReport view = attackView(m.cuid, i, f);
        totalBps += signal::rateOf(view.totalTraffic, false).value_or(signal::Rate{}).baseRate;
        totalPps += signal::rateOf(view.totalTraffic, true).value_or(signal::Rate{}).baseRate;
        attackBps += signal::rateOf(view.totalAttackTraffic, false).value_or(signal::Rate{}).baseRate;
        attackPps += signal::rateOf(view.totalAttackTraffic, true).value_or(signal::Rate{}).baseRate;
        details += view.attackDetails;
    }
    if (details.isEmpty())
        return {};
    return QJsonObject{
        {QStringLiteral("ietf-dots-telemetry:total-traffic"),
         signal::trafficListToJson({currentRate(totalBps, UnitClass::BitsPerSecond), currentRate(totalPps, UnitClass::PacketsPerSecond)})},
        {QStringLiteral("ietf-dots-telemetry:total-attack-traffic"),
         signal::trafficListToJson({currentRate(attackBps, UnitClass::BitsPerSecond), currentRate(attackPps, UnitClass::PacketsPerSecond)})},
        {QStringLiteral("ietf-dots-telemetry:attack-detail"), signal::attackDetailsToJson(details)},
    };
}

// Telemetry notifications at each client's telemetry-notify-interval while an attack runs,
// and once more when the last one has ended so that charts come down to zero.
void ServerCore::advanceTelemetry()
{
    const bool attackUnderWay = std::any_of(m_scenario.attacks.cbegin(), m_scenario.attacks.cend(), [&](const ScenarioAttack &a) {
        return a.intensityAt(m_scenario.localTime(m_nowMs)) > 0;
    });
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
        ClientState &state = it.value();
        if (!attackUnderWay && !state.telemetryWasActive)
            continue;
        const qint64 intervalMs = qint64(telemetryConfig(it.key()).notifyInterval.value_or(5)) * 1000;
        if (m_nowMs - state.telemetryNotifiedMs < intervalMs && attackUnderWay == state.telemetryWasActive)
            continue;
        state.telemetryNotifiedMs = m_nowMs;
        state.telemetryWasActive = attackUnderWay;
        const ResourceChange c{ResourceChange::Kind::Telemetry, it.key(), 0};
        if (!m_changes.contains(c))
            m_changes.append(c);
    }
}

} // namespace dots::simulator
