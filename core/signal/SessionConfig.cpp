// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/SessionConfig.h"

namespace dots::signal {

namespace {
const QString kMitigating = QStringLiteral("mitigating-config");
const QString kIdle = QStringLiteral("idle-config");
const QString kSid = QStringLiteral("sid");
const QString kMax = QStringLiteral("max-value");
const QString kMin = QStringLiteral("min-value");
const QString kCurrent = QStringLiteral("current-value");
const QString kMaxDec = QStringLiteral("max-value-decimal");
const QString kMinDec = QStringLiteral("min-value-decimal");
const QString kCurrentDec = QStringLiteral("current-value-decimal");

struct IntegerField
{
    const char *name;
    IntegerConfigValue ConfigParameters::*member;
    quint16 defaultValue;
};
struct DecimalField
{
    const char *name;
    DecimalConfigValue ConfigParameters::*member;
    Decimal64 defaultValue;
    Decimal64 lowest; // smallest sensible current value
    bool lowestInclusive;
};

const IntegerField kIntegerFields[] = {
    {"heartbeat-interval", &ConfigParameters::heartbeatInterval, defaults::kHeartbeatInterval},
    {"missing-hb-allowed", &ConfigParameters::missingHbAllowed, defaults::kMissingHbAllowed},
    {"max-retransmit", &ConfigParameters::maxRetransmit, defaults::kMaxRetransmit},
    {"probing-rate", &ConfigParameters::probingRate, defaults::kProbingRate},
    {"ietf-dots-robust-trans:max-payloads", &ConfigParameters::maxPayloads, defaults::kMaxPayloads},
    {"ietf-dots-robust-trans:non-max-retransmit", &ConfigParameters::nonMaxRetransmit, defaults::kNonMaxRetransmit},
};

// RFC 7252 §4.8: ACK_TIMEOUT must be positive, ACK_RANDOM_FACTOR at least 1.0.
const DecimalField kDecimalFields[] = {
    {"ack-timeout", &ConfigParameters::ackTimeout, defaults::kAckTimeout, Decimal64::fromHundredths(0), false},
    {"ack-random-factor", &ConfigParameters::ackRandomFactor, defaults::kAckRandomFactor, Decimal64::fromHundredths(100), true},
    {"ietf-dots-robust-trans:non-timeout", &ConfigParameters::nonTimeout, defaults::kNonTimeout, Decimal64::fromHundredths(0), false},
    {"ietf-dots-robust-trans:non-receive-timeout", &ConfigParameters::nonReceiveTimeout, defaults::kNonReceiveTimeout, Decimal64::fromHundredths(0), false},
    {"ietf-dots-robust-trans:non-probing-wait", &ConfigParameters::nonProbingWait, defaults::kNonProbingWait, Decimal64::fromHundredths(0), false},
    {"ietf-dots-robust-trans:non-partial-wait", &ConfigParameters::nonPartialWait, defaults::kNonPartialWait, Decimal64::fromHundredths(0), false},
};

QString str(quint16 v) { return QString::number(v); }
QString str(Decimal64 v) { return v.toString(); }

template<typename T>
void checkOrder(const ConfigValue<T> &v, const JsonReader &r, const QString &minName, const QString &curName)
{
    if (v.minValue && v.maxValue && *v.minValue > *v.maxValue)
        r.error(minName, QStringLiteral("%1 is above max-value %2").arg(str(*v.minValue), str(*v.maxValue)));
    if (v.currentValue && v.minValue && *v.currentValue < *v.minValue)
        r.error(curName, QStringLiteral("%1 is below min-value %2").arg(str(*v.currentValue), str(*v.minValue)));
    if (v.currentValue && v.maxValue && *v.currentValue > *v.maxValue)
        r.error(curName, QStringLiteral("%1 is above max-value %2").arg(str(*v.currentValue), str(*v.maxValue)));
}

template<typename T>
void checkServerRange(const ConfigValue<T> &proposed, const ConfigValue<T> &offered, const JsonReader &r, const QString &curName)
{
    if (!proposed.currentValue)
        return;
    if (offered.isEmpty()) {
        r.error(curName, QStringLiteral("the server does not offer this parameter"));
        return;
    }
    const T v = *proposed.currentValue;
    if (offered.minValue && v < *offered.minValue)
        r.error(curName, QStringLiteral("%1 is below the server's min-value %2").arg(str(v), str(*offered.minValue)));
    if (offered.maxValue && v > *offered.maxValue)
        r.error(curName, QStringLiteral("%1 is above the server's max-value %2").arg(str(v), str(*offered.maxValue)));
}

void validateParameters(const ConfigParameters &p, const JsonReader &r)
{
    for (const auto &f : kIntegerFields)
        checkOrder(p.*f.member, r.member(QString::fromLatin1(f.name)), kMin, kCurrent);
    for (const auto &f : kDecimalFields) {
        const JsonReader fr = r.member(QString::fromLatin1(f.name));
        const DecimalConfigValue &v = p.*f.member;
        checkOrder(v, fr, kMinDec, kCurrentDec);
        if (v.currentValue) {
            const bool tooLow = f.lowestInclusive ? *v.currentValue < f.lowest : *v.currentValue <= f.lowest;
            if (tooLow)
                fr.error(kCurrentDec, QStringLiteral("%1 must be %2 %3").arg(v.currentValue->toString(),
                                                                             f.lowestInclusive ? QStringLiteral(">=") : QStringLiteral(">"),
                                                                             f.lowest.toString()));
        }
    }
}

void checkSet(const std::optional<ConfigParameters> &proposed, const std::optional<ConfigParameters> &offered,
              const JsonReader &r)
{
    if (!proposed)
        return;
    if (!offered) {
        r.error(QStringLiteral("the server did not announce this configuration set"));
        return;
    }
    for (const auto &f : kIntegerFields)
        checkServerRange((*proposed).*f.member, (*offered).*f.member, r.member(QString::fromLatin1(f.name)), kCurrent);
    for (const auto &f : kDecimalFields)
        checkServerRange((*proposed).*f.member, (*offered).*f.member, r.member(QString::fromLatin1(f.name)), kCurrentDec);
}
} // namespace

ConfigParameters ConfigParameters::rfcDefaults()
{
    ConfigParameters p;
    for (const auto &f : kIntegerFields)
        (p.*f.member).currentValue = f.defaultValue;
    for (const auto &f : kDecimalFields)
        (p.*f.member).currentValue = f.defaultValue;
    return p;
}

ConfigParameters ConfigParameters::withDefaults() const
{
    ConfigParameters p = *this;
    for (const auto &f : kIntegerFields) {
        if (!(p.*f.member).currentValue)
            (p.*f.member).currentValue = f.defaultValue;
    }
    for (const auto &f : kDecimalFields) {
        if (!(p.*f.member).currentValue)
            (p.*f.member).currentValue = f.defaultValue;
    }
    return p;
}

ConfigParameters ConfigParameters::currentValuesOnly() const
{
    ConfigParameters p;
    for (const auto &f : kIntegerFields)
        (p.*f.member).currentValue = (this->*f.member).currentValue;
    for (const auto &f : kDecimalFields)
        (p.*f.member).currentValue = (this->*f.member).currentValue;
    return p;
}

bool ConfigParameters::isEmpty() const
{
    for (const auto &f : kIntegerFields) {
        if (!(this->*f.member).isEmpty())
            return false;
    }
    for (const auto &f : kDecimalFields) {
        if (!(this->*f.member).isEmpty())
            return false;
    }
    return true;
}

QJsonObject ConfigParameters::toJson() const
{
    QJsonObject o;
    for (const auto &f : kIntegerFields) {
        const IntegerConfigValue &v = this->*f.member;
        if (v.isEmpty())
            continue;
        QJsonObject c;
        if (v.maxValue)
            c.insert(kMax, int(*v.maxValue));
        if (v.minValue)
            c.insert(kMin, int(*v.minValue));
        if (v.currentValue)
            c.insert(kCurrent, int(*v.currentValue));
        o.insert(QString::fromLatin1(f.name), c);
    }
    for (const auto &f : kDecimalFields) {
        const DecimalConfigValue &v = this->*f.member;
        if (v.isEmpty())
            continue;
        QJsonObject c;
        if (v.maxValue)
            c.insert(kMaxDec, v.maxValue->toJson());
        if (v.minValue)
            c.insert(kMinDec, v.minValue->toJson());
        if (v.currentValue)
            c.insert(kCurrentDec, v.currentValue->toJson());
        o.insert(QString::fromLatin1(f.name), c);
    }
    return o;
}

ConfigParameters ConfigParameters::fromJson(const QJsonObject &o, const JsonReader &r)
{
    ConfigParameters p;
    for (const auto &f : kIntegerFields) {
        const auto c = r.readObject(o, QString::fromLatin1(f.name));
        if (!c)
            continue;
        const JsonReader fr = r.member(QString::fromLatin1(f.name));
        IntegerConfigValue &v = p.*f.member;
        if (auto x = fr.readUnsigned(*c, kMax, 0xFFFF))
            v.maxValue = quint16(*x);
        if (auto x = fr.readUnsigned(*c, kMin, 0xFFFF))
            v.minValue = quint16(*x);
        if (auto x = fr.readUnsigned(*c, kCurrent, 0xFFFF))
            v.currentValue = quint16(*x);
    }
    for (const auto &f : kDecimalFields) {
        const auto c = r.readObject(o, QString::fromLatin1(f.name));
        if (!c)
            continue;
        const JsonReader fr = r.member(QString::fromLatin1(f.name));
        DecimalConfigValue &v = p.*f.member;
        v.maxValue = fr.readDecimal(*c, kMaxDec);
        v.minValue = fr.readDecimal(*c, kMinDec);
        v.currentValue = fr.readDecimal(*c, kCurrentDec);
    }
    return p;
}

SessionConfig SessionConfig::rfcDefaults()
{
    SessionConfig c;
    c.mitigatingConfig = ConfigParameters::rfcDefaults();
    c.idleConfig = ConfigParameters::rfcDefaults();
    return c;
}

SessionConfig SessionConfig::currentValuesOnly() const
{
    SessionConfig c;
    c.sid = sid;
    if (mitigatingConfig)
        c.mitigatingConfig = mitigatingConfig->currentValuesOnly();
    if (idleConfig)
        c.idleConfig = idleConfig->currentValuesOnly();
    return c;
}

QJsonObject SessionConfig::toJson() const
{
    QJsonObject inner;
    if (mitigatingConfig)
        inner.insert(kMitigating, mitigatingConfig->toJson());
    if (idleConfig)
        inner.insert(kIdle, idleConfig->toJson());
    return QJsonObject {{signalConfigMemberName(), inner}};
}

Parsed<SessionConfig> SessionConfig::fromJson(const QJsonObject &body)
{
    Parsed<SessionConfig> result;
    const JsonReader root(result.errors);
    const auto inner = root.readObject(body, signalConfigMemberName());
    if (!inner) {
        if (!body.contains(signalConfigMemberName()))
            root.error(signalConfigMemberName(), QStringLiteral("is missing"));
        return result;
    }
    if (auto sid = root.readUnsigned(*inner, kSid, 0xFFFFFFFFu))
        result.value.sid = quint32(*sid);
    if (auto m = root.readObject(*inner, kMitigating)) {
        result.value.mitigatingConfig = ConfigParameters::fromJson(*m, root.member(kMitigating));
        // go-dots still writes sid inside mitigating-config.
        if (!result.value.sid) {
            if (auto sid = root.member(kMitigating).readUnsigned(*m, kSid, 0xFFFFFFFFu))
                result.value.sid = quint32(*sid);
        }
    }
    if (auto i = root.readObject(*inner, kIdle))
        result.value.idleConfig = ConfigParameters::fromJson(*i, root.member(kIdle));
    if (result.ok())
        result.errors += result.value.validate();
    return result;
}

ValidationErrors SessionConfig::validate() const
{
    ValidationErrors errors;
    const JsonReader root(errors);
    if (mitigatingConfig)
        validateParameters(*mitigatingConfig, root.member(kMitigating));
    if (idleConfig)
        validateParameters(*idleConfig, root.member(kIdle));
    return errors;
}

ValidationErrors checkAgainstServerRanges(const SessionConfig &proposal, const SessionConfig &server)
{
    ValidationErrors errors;
    const JsonReader root(errors);
    checkSet(proposal.mitigatingConfig, server.mitigatingConfig, root.member(kMitigating));
    checkSet(proposal.idleConfig, server.idleConfig, root.member(kIdle));
    // Values that no server range could excuse (ack-random-factor < 1.0 and the like).
    errors += proposal.currentValuesOnly().validate();
    return errors;
}

} // namespace dots::signal
