// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionConfig.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace dots::simulator {

const std::array<ConfigParameterSpec, kConfigParameterCount> kConfigParameters = {{
    {"heartbeat-interval", false},
    {"missing-hb-allowed", false},
    {"max-retransmit", false},
    {"ack-timeout", true},
    {"ack-random-factor", true},
    {"probing-rate", false},
    {"ietf-dots-robust-trans:max-payloads", false},
    {"ietf-dots-robust-trans:non-max-retransmit", false},
    {"ietf-dots-robust-trans:non-timeout", true},
    {"ietf-dots-robust-trans:non-receive-timeout", true},
    {"ietf-dots-robust-trans:non-probing-wait", true},
    {"ietf-dots-robust-trans:non-partial-wait", true},
}};

namespace {

QStringView withoutPrefix(QStringView name)
{
    const auto colon = name.indexOf(QLatin1Char(':'));
    return colon < 0 ? name : name.mid(colon + 1);
}

constexpr qint64 kUint16Max = 65535;

} // namespace

std::optional<std::size_t> configParameterIndex(QStringView name)
{
    for (std::size_t i = 0; i < kConfigParameters.size(); ++i) {
        const QString full = QString::fromLatin1(kConfigParameters[i].name);
        if (name == full || withoutPrefix(name) == withoutPrefix(full))
            return i;
    }
    return std::nullopt;
}

SessionConfigPolicy SessionConfigPolicy::standard()
{
    SessionConfigPolicy p;
    // Order follows kConfigParameters; decimals in hundredths.
    const std::array<ParameterRange, kConfigParameterCount> ranges = {{
        {15, 240, 30},      // heartbeat-interval
        {3, 20, 15},        // missing-hb-allowed
        {2, 15, 3},         // max-retransmit
        {100, 3000, 200},   // ack-timeout 1.0-30.0, 2.0
        {110, 400, 150},    // ack-random-factor 1.1-4.0, 1.5
        {1, 1000, 5},       // probing-rate (byte/second)
        {1, 20, 10},        // max-payloads
        {1, 20, 4},         // non-max-retransmit
        {100, 3000, 200},   // non-timeout 1.0-30.0, 2.0
        {100, 6000, 400},   // non-receive-timeout 1.0-60.0, 4.0
        {100, 30000, 24700},// non-probing-wait 1.0-300.0, 247.0
        {100, 30000, 24700},// non-partial-wait 1.0-300.0, 247.0
    }};
    p.m_mitigating = ranges;
    p.m_idle = ranges;
    return p;
}

const ParameterRange &SessionConfigPolicy::range(ConfigKind kind, std::size_t index) const
{
    return kind == ConfigKind::Mitigating ? m_mitigating.at(index) : m_idle.at(index);
}

void SessionConfigPolicy::setRange(ConfigKind kind, std::size_t index, ParameterRange r)
{
    (kind == ConfigKind::Mitigating ? m_mitigating : m_idle).at(index) = r;
}

SessionConfigValues SessionConfigPolicy::defaults() const
{
    SessionConfigValues v;
    for (std::size_t i = 0; i < kConfigParameterCount; ++i) {
        v.mitigating[i] = m_mitigating[i].defaultValue;
        v.idle[i] = m_idle[i].defaultValue;
    }
    return v;
}

namespace {

std::optional<qint64> scaledValue(const QJsonValue &v, bool decimal)
{
    if (decimal)
        return sessionconfig::parseDecimal(v);
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d != std::floor(d) || d < 0 || d > kUint16Max)
        return std::nullopt;
    return qint64(d);
}

QString checkRange(const char *name, const ParameterRange &r, bool decimal)
{
    const auto fmt = [decimal](qint64 v) { return decimal ? sessionconfig::formatDecimal(v) : QString::number(v); };
    if (r.min > r.max)
        return QStringLiteral("%1: min %2 is greater than max %3").arg(QLatin1String(name), fmt(r.min), fmt(r.max));
    if (!r.contains(r.defaultValue))
        return QStringLiteral("%1: default %2 is outside %3..%4")
            .arg(QLatin1String(name), fmt(r.defaultValue), fmt(r.min), fmt(r.max));
    return {};
}

} // namespace

QString SessionConfigPolicy::applyJson(const QJsonObject &overrides)
{
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        QList<ConfigKind> kinds;
        if (it.key() == QLatin1String("mitigating-config"))
            kinds = {ConfigKind::Mitigating};
        else if (it.key() == QLatin1String("idle-config"))
            kinds = {ConfigKind::Idle};
        else if (it.key() == QLatin1String("all"))
            kinds = {ConfigKind::Mitigating, ConfigKind::Idle};
        else
            return QStringLiteral("session-config: unknown member \"%1\" (expected mitigating-config, idle-config or all)")
                .arg(it.key());
        if (!it.value().isObject())
            return QStringLiteral("session-config.%1: must be an object").arg(it.key());
        const QJsonObject params = it.value().toObject();
        for (auto p = params.begin(); p != params.end(); ++p) {
            const auto index = configParameterIndex(p.key());
            if (!index)
                return QStringLiteral("session-config.%1: unknown parameter \"%2\"").arg(it.key(), p.key());
            const auto &spec = kConfigParameters[*index];
            if (!p.value().isObject())
                return QStringLiteral("session-config.%1.%2: must be an object with min, max and default")
                    .arg(it.key(), p.key());
            const QJsonObject o = p.value().toObject();
            for (ConfigKind kind : kinds) {
                ParameterRange r = range(kind, *index);
                for (const char *field : {"min", "max", "default"}) {
                    const QJsonValue v = o.value(QLatin1String(field));
                    if (v.isUndefined())
                        continue;
                    const auto scaled = scaledValue(v, spec.decimal);
                    if (!scaled)
                        return QStringLiteral("session-config.%1.%2.%3: %4 expected")
                            .arg(it.key(), p.key(), QLatin1String(field),
                                 spec.decimal ? QStringLiteral("a decimal with at most 2 fraction digits")
                                              : QStringLiteral("an integer 0..65535"));
                    (qstrcmp(field, "min") == 0 ? r.min : qstrcmp(field, "max") == 0 ? r.max : r.defaultValue) = *scaled;
                }
                if (const QString e = checkRange(spec.name, r, spec.decimal); !e.isEmpty())
                    return QStringLiteral("session-config.%1: %2").arg(it.key(), e);
                setRange(kind, *index, r);
            }
        }
    }
    return {};
}

QString SessionConfigPolicy::applySpec(const QString &spec)
{
    static const QRegularExpression re(QStringLiteral("^([a-z:-]+)=([0-9.]+):([0-9.]+):([0-9.]+)$"));
    const auto m = re.match(spec);
    if (!m.hasMatch())
        return QStringLiteral("\"%1\": expected NAME=MIN:MAX:DEFAULT, e.g. heartbeat-interval=15:240:30").arg(spec);
    const auto index = configParameterIndex(m.captured(1));
    if (!index)
        return QStringLiteral("\"%1\": unknown session-config parameter \"%2\"").arg(spec, m.captured(1));
    const auto &ps = kConfigParameters[*index];
    ParameterRange r;
    qint64 *fields[] = {&r.min, &r.max, &r.defaultValue};
    for (int i = 0; i < 3; ++i) {
        const QString text = m.captured(i + 2);
        const auto v = ps.decimal ? sessionconfig::parseDecimal(QJsonValue(text))
                                  : scaledValue(QJsonValue(text.toDouble()), false);
        if (!v || (!ps.decimal && text.contains(QLatin1Char('.'))))
            return QStringLiteral("\"%1\": bad number \"%2\"").arg(spec, text);
        *fields[i] = *v;
    }
    if (const QString e = checkRange(ps.name, r, ps.decimal); !e.isEmpty())
        return e;
    setRange(ConfigKind::Mitigating, *index, r);
    setRange(ConfigKind::Idle, *index, r);
    return {};
}

namespace sessionconfig {

QString formatDecimal(qint64 hundredths)
{
    const bool negative = hundredths < 0;
    const qint64 a = negative ? -hundredths : hundredths;
    QString frac = QStringLiteral("%1").arg(a % 100, 2, 10, QLatin1Char('0'));
    if (frac.endsWith(QLatin1Char('0')))
        frac.chop(1);
    return (negative ? QStringLiteral("-") : QString()) + QString::number(a / 100) + QLatin1Char('.') + frac;
}

std::optional<qint64> parseDecimal(const QJsonValue &v)
{
    if (v.isDouble()) {
        const double scaled = v.toDouble() * 100.0;
        const double rounded = std::round(scaled);
        if (std::fabs(scaled - rounded) > 1e-6 || std::fabs(rounded) > 9e15)
            return std::nullopt;
        return qint64(rounded);
    }
    if (!v.isString())
        return std::nullopt;
    static const QRegularExpression re(QStringLiteral("^(-?)([0-9]+)(?:\\.([0-9]{1,2}))?$"));
    const auto m = re.match(v.toString());
    if (!m.hasMatch() || m.captured(2).size() > 15)
        return std::nullopt;
    QString frac = m.captured(3);
    while (frac.size() < 2)
        frac.append(QLatin1Char('0'));
    const qint64 value = m.captured(2).toLongLong() * 100 + frac.toLongLong();
    return m.captured(1).isEmpty() ? value : -value;
}

namespace {

QJsonObject parameterJson(const ConfigParameterSpec &spec, const ParameterRange &r, qint64 current)
{
    QJsonObject o;
    if (spec.decimal) {
        o.insert(QStringLiteral("max-value-decimal"), formatDecimal(r.max));
        o.insert(QStringLiteral("min-value-decimal"), formatDecimal(r.min));
        o.insert(QStringLiteral("current-value-decimal"), formatDecimal(current));
    } else {
        o.insert(QStringLiteral("max-value"), r.max);
        o.insert(QStringLiteral("min-value"), r.min);
        o.insert(QStringLiteral("current-value"), current);
    }
    return o;
}

QJsonObject setJson(const SessionConfigPolicy &policy, ConfigKind kind, const ConfigValues &values)
{
    QJsonObject o;
    for (std::size_t i = 0; i < kConfigParameterCount; ++i)
        o.insert(QLatin1String(kConfigParameters[i].name),
                 parameterJson(kConfigParameters[i], policy.range(kind, i), values[i]));
    return o;
}

// Reads one set of a proposal into `out`; returns false with `p.error` set on failure.
bool readSet(const QJsonObject &set, const QString &setName, ConfigKind kind,
             const SessionConfigPolicy &policy, ConfigValues &out, Proposal &p)
{
    for (auto it = set.begin(); it != set.end(); ++it) {
        const QString path = setName + QLatin1Char('.') + it.key();
        const auto index = configParameterIndex(it.key());
        if (!index) {
            p.errorCode = CoapCode::BadRequest;
            p.error = QStringLiteral("%1: unknown parameter").arg(path);
            return false;
        }
        const auto &spec = kConfigParameters[*index];
        if (!it.value().isObject()) {
            p.errorCode = CoapCode::BadRequest;
            p.error = QStringLiteral("%1: must be a container").arg(path);
            return false;
        }
        const QJsonObject o = it.value().toObject();
        const QString member = spec.decimal ? QStringLiteral("current-value-decimal") : QStringLiteral("current-value");
        for (auto m = o.begin(); m != o.end(); ++m) {
            if (m.key() != member) {
                p.errorCode = CoapCode::BadRequest;
                p.error = QStringLiteral("%1.%2: not allowed in a request (only %3)").arg(path, m.key(), member);
                return false;
            }
        }
        if (!o.contains(member))
            continue;
        const auto v = scaledValue(o.value(member), spec.decimal);
        if (!v) {
            p.errorCode = CoapCode::BadRequest;
            p.error = QStringLiteral("%1.%2: %3 expected").arg(path, member,
                spec.decimal ? QStringLiteral("decimal64 with 2 fraction digits") : QStringLiteral("uint16"));
            return false;
        }
        const ParameterRange &r = policy.range(kind, *index);
        if (!r.contains(*v)) {
            const auto fmt = [&spec](qint64 x) { return spec.decimal ? formatDecimal(x) : QString::number(x); };
            p.errorCode = CoapCode::UnprocessableEntity;
            p.error = QStringLiteral("%1: %2 is outside the acceptable range %3..%4")
                .arg(path, fmt(*v), fmt(r.min), fmt(r.max));
            return false;
        }
        out[*index] = *v;
    }
    return true;
}

} // namespace

QJsonObject toJson(const SessionConfigPolicy &policy, const SessionConfigValues &values)
{
    QJsonObject config;
    config.insert(QStringLiteral("mitigating-config"), setJson(policy, ConfigKind::Mitigating, values.mitigating));
    config.insert(QStringLiteral("idle-config"), setJson(policy, ConfigKind::Idle, values.idle));
    QJsonObject root;
    root.insert(QStringLiteral("ietf-dots-signal-channel:signal-config"), config);
    return root;
}

Proposal parseProposal(const QJsonObject &body, const SessionConfigPolicy &policy)
{
    Proposal p;
    p.values = policy.defaults();
    const QString rootName = QStringLiteral("ietf-dots-signal-channel:signal-config");
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != rootName) {
            p.errorCode = CoapCode::BadRequest;
            p.error = QStringLiteral("%1: unexpected member (expected %2)").arg(it.key(), rootName);
            return p;
        }
    }
    if (!body.value(rootName).isObject()) {
        p.errorCode = CoapCode::BadRequest;
        p.error = QStringLiteral("missing %1").arg(rootName);
        return p;
    }
    const QJsonObject config = body.value(rootName).toObject();
    for (auto it = config.begin(); it != config.end(); ++it) {
        const QString path = rootName + QLatin1Char('.') + it.key();
        ConfigKind kind;
        if (it.key() == QLatin1String("mitigating-config")) {
            kind = ConfigKind::Mitigating;
        } else if (it.key() == QLatin1String("idle-config")) {
            kind = ConfigKind::Idle;
        } else if (it.key() == QLatin1String("sid")) {
            p.errorCode = CoapCode::BadRequest;
            p.error = QStringLiteral("%1: sid belongs in the Uri-Path, not in the body (RFC 9132)").arg(path);
            return p;
        } else {
            p.errorCode = CoapCode::BadRequest;
            p.error = QStringLiteral("%1: unknown member").arg(path);
            return p;
        }
        if (!it.value().isObject()) {
            p.errorCode = CoapCode::BadRequest;
            p.error = QStringLiteral("%1: must be a container").arg(path);
            return p;
        }
        ConfigValues &out = kind == ConfigKind::Mitigating ? p.values.mitigating : p.values.idle;
        if (!readSet(it.value().toObject(), path, kind, policy, out, p))
            return p;
    }
    return p;
}

} // namespace sessionconfig

} // namespace dots::simulator
