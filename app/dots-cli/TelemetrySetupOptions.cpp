// SPDX-License-Identifier: GPL-3.0-or-later
#include "TelemetrySetupOptions.h"

#include "TargetOptions.h"
#include "TrafficOptions.h"

#include "codec/Enumerations.h"

#include <algorithm>

namespace dots::cli {

namespace {

const QString kInterval = QStringLiteral("measurement-interval");
const QString kSample = QStringLiteral("measurement-sample");
const QString kLow = QStringLiteral("low-percentile");
const QString kMid = QStringLiteral("mid-percentile");
const QString kHigh = QStringLiteral("high-percentile");
const QString kUnitClass = QStringLiteral("unit-class");
const QString kServerOriginated = QStringLiteral("server-originated-telemetry");
const QString kNotifyInterval = QStringLiteral("telemetry-notify-interval");
const QString kPipe = QStringLiteral("pipe");
const QString kBaselineId = QStringLiteral("baseline-id");
const QString kNormal = QStringLiteral("total-traffic-normal");

const QStringList kConfigOptions{kInterval, kSample, kLow, kMid, kHigh, kUnitClass, kServerOriginated, kNotifyInterval};
const QStringList kBaselineOptions{kBaselineId, kNormal, QStringLiteral("prefix"), QStringLiteral("port-range"),
                                   QStringLiteral("protocol"), QStringLiteral("fqdn"), QStringLiteral("uri")};

bool anySet(const QCommandLineParser &parser, const QStringList &options)
{
    return std::any_of(options.begin(), options.end(), [&parser](const QString &o) { return parser.isSet(o); });
}

std::optional<int> readEnum(const QCommandLineParser &parser, const QString &option, const codec::Enumeration &e,
                            QStringList &problems)
{
    if (!parser.isSet(option))
        return std::nullopt;
    const auto v = e.valueOf(parser.value(option));
    if (!v)
        problems << QStringLiteral("--%1 %2: use one of %3").arg(option, parser.value(option), e.allowedNames());
    return v;
}

std::optional<dots::Decimal64> readPercentile(const QCommandLineParser &parser, const QString &option, QStringList &problems)
{
    if (!parser.isSet(option))
        return std::nullopt;
    const auto v = dots::Decimal64::fromString(parser.value(option));
    if (!v)
        problems << QStringLiteral("--%1 %2: not a decimal number like 90 or 99.5").arg(option, parser.value(option));
    return v;
}

void readConfiguration(const QCommandLineParser &parser, signal::TelemetryConfiguration &c, QStringList &problems)
{
    c.measurementInterval = readEnum(parser, kInterval, codec::enums::interval, problems);
    c.measurementSample = readEnum(parser, kSample, codec::enums::sample, problems);
    c.lowPercentile = readPercentile(parser, kLow, problems);
    c.midPercentile = readPercentile(parser, kMid, problems);
    c.highPercentile = readPercentile(parser, kHigh, problems);
    // As the console's check boxes: the classes named are on, the others off.
    if (parser.isSet(kUnitClass)) {
        QList<int> on;
        for (const QString &name : parser.values(kUnitClass)) {
            if (const auto v = codec::enums::unitClass.valueOf(name))
                on << *v;
            else
                problems << QStringLiteral("--%1 %2: use one of %3").arg(kUnitClass, name, codec::enums::unitClass.allowedNames());
        }
        for (const auto &v : codec::enums::unitClass.values)
            c.unitConfig << signal::UnitConfig{signal::UnitClass(v.value), on.contains(v.value)};
    }
    if (parser.isSet(kServerOriginated)) {
        const QString text = parser.value(kServerOriginated);
        if (text == QLatin1String("on") || text == QLatin1String("true"))
            c.serverOriginatedTelemetry = true;
        else if (text == QLatin1String("off") || text == QLatin1String("false"))
            c.serverOriginatedTelemetry = false;
        else
            problems << QStringLiteral("--%1 %2: use on or off").arg(kServerOriginated, text);
    }
    if (parser.isSet(kNotifyInterval)) {
        bool ok = false;
        const uint seconds = parser.value(kNotifyInterval).toUInt(&ok);
        if (!ok || seconds < 1 || seconds > 3600)
            problems << QStringLiteral("--%1 %2: not a number of seconds 1..3600").arg(kNotifyInterval, parser.value(kNotifyInterval));
        else
            c.notifyInterval = quint16(seconds);
    }
}

// "LINK-ID:CAPACITY:UNIT"; the link id may itself hold colons.
void readPipes(const QCommandLineParser &parser, QList<signal::PipeCapacity> &pipes, QStringList &problems)
{
    for (const QString &text : parser.values(kPipe)) {
        const QStringList parts = text.split(QLatin1Char(':'));
        const auto bad = [&](const QString &why) { problems << QStringLiteral("--%1 %2: %3").arg(kPipe, text, why); };
        if (parts.size() < 3) {
            bad(QStringLiteral("not LINK-ID:CAPACITY:UNIT, e.g. transit-1:10:gigabit-ps"));
            continue;
        }
        signal::PipeCapacity pipe;
        pipe.linkId = parts.mid(0, parts.size() - 2).join(QLatin1Char(':'));
        bool ok = false;
        pipe.capacity = parts.at(parts.size() - 2).toULongLong(&ok);
        const auto unit = signal::TrafficUnit::fromYangName(parts.last());
        if (pipe.linkId.isEmpty())
            bad(QStringLiteral("the link id is missing (it is the list key)"));
        else if (!ok || pipe.capacity == 0)
            bad(QStringLiteral("the capacity must be a whole number above 0"));
        else if (!unit)
            bad(QStringLiteral("\"%1\" is not a unit; use one of %2").arg(parts.last(), codec::enums::unit.allowedNames()));
        else {
            pipe.unit = *unit;
            pipes << pipe;
        }
    }
}

void readBaseline(const QCommandLineParser &parser, signal::TelemetryBaseline &b, QStringList &problems)
{
    if (parser.isSet(kBaselineId)) {
        bool ok = false;
        const qulonglong id = parser.value(kBaselineId).toULongLong(&ok);
        if (!ok || id == 0 || id > 0xFFFFFFFFull)
            problems << QStringLiteral("--%1 %2: not a number 1..4294967295").arg(kBaselineId, parser.value(kBaselineId));
        else
            b.id = quint32(id);
    }
    TargetOptions::read(parser, b.target, problems);
    for (const QString &text : parser.values(kNormal)) {
        QString error;
        if (const auto traffic = TrafficOptions::parse(text, false, &error))
            b.totalTrafficNormal << *traffic;
        else
            problems << QStringLiteral("--%1 %2: %3").arg(kNormal, text, error);
    }
}

} // namespace

void TelemetrySetupOptions::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {kInterval, QStringLiteral("setup set: measurement-interval of the configuration: %1.").arg(codec::enums::interval.allowedNames()),
         QStringLiteral("NAME")},
        {kSample, QStringLiteral("setup set: measurement-sample of the configuration: %1.").arg(codec::enums::sample.allowedNames()),
         QStringLiteral("NAME")},
        {kLow, QStringLiteral("setup set: low-percentile of the configuration, e.g. 10."), QStringLiteral("P")},
        {kMid, QStringLiteral("setup set: mid-percentile of the configuration, e.g. 50."), QStringLiteral("P")},
        {kHigh, QStringLiteral("setup set: high-percentile of the configuration, e.g. 90."), QStringLiteral("P")},
        {kUnitClass, QStringLiteral("setup set: a unit class telemetry may use: packet-ps, bit-ps or byte-ps (repeatable; "
                                    "the classes not named are switched off)."),
         QStringLiteral("CLASS")},
        {kServerOriginated, QStringLiteral("setup set: whether the server sends its own telemetry: on or off."),
         QStringLiteral("on|off")},
        {kNotifyInterval, QStringLiteral("setup set: seconds between the server's telemetry notifications, 1..3600."),
         QStringLiteral("S")},
        {kPipe, QStringLiteral("setup set: the capacity of a link, e.g. transit-1:10:gigabit-ps (repeatable; units as in "
                               "RFC 9244: bit-ps, kilobit-ps ... packet-ps, kilopacket-ps ...)."),
         QStringLiteral("LINK-ID:CAPACITY:UNIT")},
        {kBaselineId, QStringLiteral("setup set: the id of the baseline (default 1); the baseline's target is given with "
                                     "--prefix, --port-range, --protocol, --fqdn, --uri."),
         QStringLiteral("N")},
        {kNormal, QStringLiteral("setup set: normal traffic of the baseline's target, %1, e.g. megabit-ps:mid=100,peak=400 "
                                 "(repeatable, one per unit).").arg(TrafficOptions::syntax(false)),
         QStringLiteral("TRAFFIC")},
    });
}

const QStringList &TelemetrySetupOptions::names()
{
    static const QStringList all = kConfigOptions + QStringList{kPipe, kBaselineId, kNormal};
    return all;
}

QStringList TelemetrySetupOptions::read(const QCommandLineParser &parser, signal::TelemetrySetup &out)
{
    QStringList problems;
    const bool config = anySet(parser, kConfigOptions);
    const bool pipe = parser.isSet(kPipe);
    const bool baseline = anySet(parser, kBaselineOptions);
    // go-dots refuses a setup that mixes them (4.00); say so before anything is sent.
    if (int(config) + int(pipe) + int(baseline) != 1) {
        problems << QStringLiteral("telemetry setup set takes one of: configuration options (--%1 ...), --%2, or a baseline "
                                   "(--prefix ... --%3 ...), or --file")
                        .arg(kInterval, kPipe, kNormal);
        return problems;
    }
    if (config) {
        signal::TelemetryConfiguration c;
        readConfiguration(parser, c, problems);
        out.currentConfig = c;
    } else if (pipe) {
        readPipes(parser, out.pipes, problems);
    } else {
        signal::TelemetryBaseline b;
        readBaseline(parser, b, problems);
        out.baselines << b;
    }
    if (problems.isEmpty())
        problems = describe(out.validate());
    return problems;
}

QString TelemetrySetupOptions::optionForPath(const QString &path)
{
    if (const QString option = TargetOptions::optionForPath(path); !option.isEmpty())
        return option;
    // The last member of the path names the leaf; "total-pipe-capacity[0].unit" is --pipe.
    static const QList<std::pair<QString, QString>> map = {
        {QStringLiteral("total-pipe-capacity"), kPipe}, {kNormal, kNormal},     {kInterval, kInterval},
        {kSample, kSample},                             {kLow, kLow},           {kMid, kMid},
        {kHigh, kHigh},                                 {QStringLiteral("unit-config"), kUnitClass},
        {kServerOriginated, kServerOriginated},         {kNotifyInterval, kNotifyInterval},
    };
    if (path.contains(QStringLiteral("baseline")) && path.endsWith(QStringLiteral(".id")))
        return QStringLiteral("--") + kBaselineId;
    for (const auto &[member, option] : map) {
        if (path.contains(member))
            return QStringLiteral("--") + option;
    }
    return {};
}

QStringList TelemetrySetupOptions::describe(const dots::ValidationErrors &errors)
{
    QStringList lines;
    for (const auto &e : errors) {
        const QString option = optionForPath(e.path);
        lines << (option.isEmpty() ? e.toString() : QStringLiteral("%1: %2").arg(option, e.toString()));
    }
    return lines;
}

} // namespace dots::cli
