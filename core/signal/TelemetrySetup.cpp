// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/TelemetrySetup.h"

#include "codec/Enumerations.h"

namespace dots::signal {

namespace {
const QString kTelemetry = QStringLiteral("telemetry");
const QString kTsid = QStringLiteral("tsid");
const QString kCurrentConfig = QStringLiteral("current-config");
const QString kPipe = QStringLiteral("total-pipe-capacity");
const QString kBaseline = QStringLiteral("baseline");
const QString kMaxConfig = QStringLiteral("max-config-values");
const QString kMinConfig = QStringLiteral("min-config-values");
const QString kSupportedUnits = QStringLiteral("supported-unit-classes");
const QString kUnitConfig = QStringLiteral("unit-config");
const QString kQueryType = QStringLiteral("supported-query-type");
} // namespace

TelemetrySetup::Kind TelemetrySetup::kind() const
{
    if (currentConfig)
        return Kind::Configuration;
    if (!pipes.isEmpty())
        return Kind::PipeCapacity;
    if (!baselines.isEmpty())
        return Kind::Baseline;
    return Kind::Empty;
}

ValidationErrors TelemetrySetup::validate() const
{
    ValidationErrors errors;
    const JsonReader r(errors, QStringLiteral("telemetry[0]"));
    const int parts = int(currentConfig.has_value()) + int(!pipes.isEmpty()) + int(!baselines.isEmpty());
    if (parts == 0)
        r.error(QStringLiteral("has no configuration, pipe capacity or baseline"));
    if (parts > 1)
        r.error(QStringLiteral("must carry only one of configuration, pipe capacity and baseline"));
    if (currentConfig)
        errors += currentConfig->validate(r.pathOf(kCurrentConfig));
    for (qsizetype i = 0; i < pipes.size(); ++i) {
        const JsonReader at = r.member(kPipe).at(i);
        if (pipes[i].capacity == 0)
            at.error(QStringLiteral("capacity"), QStringLiteral("must be more than 0"));
        if (!pipes[i].unit.isValid())
            at.error(QStringLiteral("unit"), QStringLiteral("is not a known unit"));
        for (qsizetype j = 0; j < i; ++j)
            if (pipes[j].linkId == pipes[i].linkId)
                at.error(QStringLiteral("link-id"), QStringLiteral("appears twice"));
    }
    for (qsizetype i = 0; i < baselines.size(); ++i) {
        errors += baselines[i].validate(r.member(kBaseline).at(i).path());
        for (qsizetype j = 0; j < i; ++j)
            if (baselines[j].id == baselines[i].id)
                r.member(kBaseline).at(i).error(QStringLiteral("id"), QStringLiteral("appears twice"));
    }
    return errors;
}

QJsonObject TelemetrySetup::toEntryJson(bool withTsid) const
{
    QJsonObject o;
    if (withTsid)
        o.insert(kTsid, qint64(tsid));
    if (currentConfig)
        o.insert(kCurrentConfig, currentConfig->toJson());
    if (!pipes.isEmpty()) {
        QJsonArray a;
        for (const auto &p : pipes)
            a.append(p.toJson());
        o.insert(kPipe, a);
    }
    if (!baselines.isEmpty()) {
        QJsonArray a;
        for (const auto &b : baselines)
            a.append(b.toJson());
        o.insert(kBaseline, a);
    }
    return o;
}

TelemetrySetup TelemetrySetup::fromEntryJson(const QJsonObject &o, const JsonReader &r)
{
    TelemetrySetup s;
    if (const auto tsid = r.readUnsigned(o, kTsid, 0xFFFFFFFFu))
        s.tsid = quint32(*tsid);
    if (const auto c = r.readObject(o, kCurrentConfig))
        s.currentConfig = TelemetryConfiguration::fromJson(*c, r.member(kCurrentConfig));
    if (const auto arr = r.readArray(o, kPipe)) {
        for (qsizetype i = 0; i < arr->size(); ++i)
            s.pipes << PipeCapacity::fromJson(arr->at(i).toObject(), r.member(kPipe).at(i));
    }
    if (const auto arr = r.readArray(o, kBaseline)) {
        for (qsizetype i = 0; i < arr->size(); ++i)
            s.baselines << TelemetryBaseline::fromJson(arr->at(i).toObject(), r.member(kBaseline).at(i));
    }
    return s;
}

QJsonObject TelemetrySetup::toRequestJson() const
{
    return QJsonObject{{telemetrySetupMemberName(), QJsonObject{{kTelemetry, QJsonArray{toEntryJson(false)}}}}};
}

std::optional<TelemetrySetup> TelemetrySetupInfo::setup(quint32 tsid) const
{
    for (const auto &s : setups)
        if (s.tsid == tsid)
            return s;
    return std::nullopt;
}

std::optional<TelemetryConfiguration> TelemetrySetupInfo::currentConfig() const
{
    std::optional<TelemetryConfiguration> found;
    for (const auto &s : setups)
        if (s.currentConfig)
            found = s.currentConfig;
    return found;
}

QList<PipeCapacity> TelemetrySetupInfo::pipes() const
{
    QList<PipeCapacity> all;
    for (const auto &s : setups)
        all += s.pipes;
    return all;
}

QJsonObject TelemetrySetupInfo::toJson() const
{
    QJsonObject o;
    if (!maxConfig.isEmpty())
        o.insert(kMaxConfig, maxConfig.toJson());
    if (!minConfig.isEmpty())
        o.insert(kMinConfig, minConfig.toJson());
    if (!supportedUnitClasses.isEmpty()) {
        TelemetryConfiguration units;
        units.unitConfig = supportedUnitClasses;
        o.insert(kSupportedUnits, units.toJson());
    }
    if (!supportedQueryTypes.isEmpty()) {
        QJsonArray a;
        for (int q : supportedQueryTypes)
            a.append(QString::fromLatin1(codec::enums::queryType.nameOf(q)));
        o.insert(kQueryType, a);
    }
    if (!setups.isEmpty()) {
        QJsonArray a;
        for (const auto &s : setups)
            a.append(s.toEntryJson(true));
        o.insert(kTelemetry, a);
    }
    return QJsonObject{{telemetrySetupMemberName(), o}};
}

Parsed<TelemetrySetupInfo> TelemetrySetupInfo::fromJson(const QJsonObject &body)
{
    Parsed<TelemetrySetupInfo> result;
    const JsonReader root(result.errors);
    const auto setup = root.readObject(body, telemetrySetupMemberName());
    if (!setup) {
        if (!body.contains(telemetrySetupMemberName()))
            root.error(telemetrySetupMemberName(), QStringLiteral("is missing"));
        return result;
    }
    const JsonReader r = root.member(telemetrySetupMemberName());
    TelemetrySetupInfo &info = result.value;
    if (const auto c = r.readObject(*setup, kMaxConfig))
        info.maxConfig = TelemetryConfiguration::fromJson(*c, r.member(kMaxConfig));
    if (const auto c = r.readObject(*setup, kMinConfig))
        info.minConfig = TelemetryConfiguration::fromJson(*c, r.member(kMinConfig));
    if (const auto c = r.readObject(*setup, kSupportedUnits))
        info.supportedUnitClasses = TelemetryConfiguration::fromJson(*c, r.member(kSupportedUnits)).unitConfig;
    if (const auto arr = r.readArray(*setup, kQueryType)) {
        for (const auto &v : *arr)
            if (const auto q = codec::enums::queryType.valueOf(v.toString()))
                info.supportedQueryTypes << *q;
    }
    if (const auto arr = r.readArray(*setup, kTelemetry)) {
        for (qsizetype i = 0; i < arr->size(); ++i) {
            if (!arr->at(i).isObject()) {
                r.member(kTelemetry).at(i).error(QStringLiteral("must be an object"));
                continue;
            }
            info.setups << TelemetrySetup::fromEntryJson(arr->at(i).toObject(), r.member(kTelemetry).at(i));
        }
    }
    return result;
}

} // namespace dots::signal
