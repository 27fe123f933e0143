// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConfigCommand.h"

#include "CommandContext.h"
#include "ExitCode.h"
#include "StatusFormat.h"

namespace dots::cli {

namespace {

const QString kHeartbeatInterval = QStringLiteral("heartbeat-interval");
const QString kMissingHbAllowed = QStringLiteral("missing-hb-allowed");
const QString kMaxRetransmit = QStringLiteral("max-retransmit");
const QString kAckTimeout = QStringLiteral("ack-timeout");
const QString kAckRandomFactor = QStringLiteral("ack-random-factor");
const QString kIdle = QStringLiteral("idle");
const QString kMitigating = QStringLiteral("mitigating");

// "3 s (15..240)" style: the value in force and the server's range.
template<typename T>
QString withRange(const signal::ConfigValue<T> &value)
{
    const auto str = [](const T &v) {
        if constexpr (std::is_same_v<T, dots::Decimal64>)
            return v.toString();
        else
            return QString::number(v);
    };
    QString text = value.currentValue ? str(*value.currentValue) : QStringLiteral("-");
    if (value.minValue || value.maxValue)
        text += QStringLiteral(" (%1..%2)").arg(value.minValue ? str(*value.minValue) : QStringLiteral("?"),
                                              value.maxValue ? str(*value.maxValue) : QStringLiteral("?"));
    return text;
}

QStringList describeWithRanges(const QString &title, const signal::ConfigParameters &p)
{
    return {
        title,
        QStringLiteral("  heartbeat-interval  %1").arg(withRange(p.heartbeatInterval)),
        QStringLiteral("  missing-hb-allowed  %1").arg(withRange(p.missingHbAllowed)),
        QStringLiteral("  max-retransmit      %1").arg(withRange(p.maxRetransmit)),
        QStringLiteral("  ack-timeout         %1").arg(withRange(p.ackTimeout)),
        QStringLiteral("  ack-random-factor   %1").arg(withRange(p.ackRandomFactor)),
    };
}

void print(const Output &out, const QString &command, const signal::SessionConfig &config)
{
    const auto idle = config.idleConfig.value_or(signal::ConfigParameters::rfcDefaults());
    const auto mitigating = config.mitigatingConfig.value_or(signal::ConfigParameters::rfcDefaults());
    for (const QString &line : describeWithRanges(QStringLiteral("idle-config"), idle) +
                                   describeWithRanges(QStringLiteral("mitigating-config"), mitigating))
        out.text(line);
    out.json({
        {QStringLiteral("command"), command},
        {QStringLiteral("idle-config"), configJson(idle)},
        {QStringLiteral("mitigating-config"), configJson(mitigating)},
        {QStringLiteral("signal-config"), config.toJson()}, // with the server's ranges, YANG names
    });
}

void overlay(signal::ConfigParameters &into, const signal::ConfigParameters &changes)
{
    const auto take = [](auto &target, const auto &change) {
        if (change.currentValue)
            target.currentValue = change.currentValue;
    };
    take(into.heartbeatInterval, changes.heartbeatInterval);
    take(into.missingHbAllowed, changes.missingHbAllowed);
    take(into.maxRetransmit, changes.maxRetransmit);
    take(into.ackTimeout, changes.ackTimeout);
    take(into.ackRandomFactor, changes.ackRandomFactor);
}

} // namespace

void ConfigCommand::addOptions(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("get, set or reset."));
    parser.addOptions({
        {kHeartbeatInterval, QStringLiteral("set: seconds between heartbeats (0 turns them off)."), QStringLiteral("N")},
        {kMissingHbAllowed, QStringLiteral("set: unanswered heartbeats before the session counts as lost."),
         QStringLiteral("N")},
        {kMaxRetransmit, QStringLiteral("set: CoAP MAX_RETRANSMIT."), QStringLiteral("N")},
        {kAckTimeout, QStringLiteral("set: CoAP ACK_TIMEOUT in seconds, e.g. 2.5."), QStringLiteral("S")},
        {kAckRandomFactor, QStringLiteral("set: CoAP ACK_RANDOM_FACTOR, e.g. 1.5."), QStringLiteral("F")},
        {kIdle, QStringLiteral("set: change idle-config only.")},
        {kMitigating, QStringLiteral("set: change mitigating-config only.")},
    });
}

QString ConfigCommand::readOptions(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return QStringLiteral("config needs exactly one of get, set, reset");
    const QString action = positional.first();
    if (action == QLatin1String("get"))
        m_action = Action::Get;
    else if (action == QLatin1String("set"))
        m_action = Action::Set;
    else if (action == QLatin1String("reset"))
        m_action = Action::Reset;
    else
        return QStringLiteral("config: \"%1\" is not get, set or reset").arg(action);

    const QStringList valueOptions{kHeartbeatInterval, kMissingHbAllowed, kMaxRetransmit, kAckTimeout, kAckRandomFactor};
    bool anyValue = false;
    for (const QString &option : valueOptions)
        anyValue = anyValue || parser.isSet(option);
    if (m_action != Action::Set) {
        if (anyValue || parser.isSet(kIdle) || parser.isSet(kMitigating))
            return QStringLiteral("config %1 takes no values; use config set").arg(action);
        return {};
    }
    if (!anyValue)
        return QStringLiteral("config set needs at least one value, e.g. --heartbeat-interval 60");

    m_changes = {};
    const auto integer = [&parser](const QString &option, signal::IntegerConfigValue &into) -> QString {
        if (!parser.isSet(option))
            return {};
        bool ok = false;
        const uint v = parser.value(option).toUInt(&ok);
        if (!ok || v > 65535)
            return QStringLiteral("--%1: \"%2\" is not a number 0..65535").arg(option, parser.value(option));
        into.currentValue = quint16(v);
        return {};
    };
    const auto decimal = [&parser](const QString &option, signal::DecimalConfigValue &into) -> QString {
        if (!parser.isSet(option))
            return {};
        const auto v = dots::Decimal64::fromString(parser.value(option));
        if (!v)
            return QStringLiteral("--%1: \"%2\" is not a decimal number like 2.5").arg(option, parser.value(option));
        into.currentValue = *v;
        return {};
    };
    for (const QString &e : {integer(kHeartbeatInterval, m_changes.heartbeatInterval),
                             integer(kMissingHbAllowed, m_changes.missingHbAllowed),
                             integer(kMaxRetransmit, m_changes.maxRetransmit),
                             decimal(kAckTimeout, m_changes.ackTimeout),
                             decimal(kAckRandomFactor, m_changes.ackRandomFactor)}) {
        if (!e.isEmpty())
            return e;
    }
    // Neither flag (or both): change both sets.
    m_idle = parser.isSet(kIdle) || !parser.isSet(kMitigating);
    m_mitigating = parser.isSet(kMitigating) || !parser.isSet(kIdle);
    return {};
}

QCoro::Task<int> ConfigCommand::run(CommandContext &context)
{
    auto connecting = context.connect();
    if (const int code = co_await connecting; code != Success)
        co_return code;
    signal::SignalChannel &channel = context.channel();

    if (m_action == Action::Get) {
        auto resultTask = channel.fetchSessionConfig();
        auto result = co_await resultTask;
        if (!result.ok())
            co_return context.fail(result.error(), QStringLiteral("reading the session configuration"));
        print(context.out(), QStringLiteral("config get"), result.value());
        co_return Success;
    }

    if (m_action == Action::Reset) {
        auto resultTask = channel.resetSessionConfig();
        auto result = co_await resultTask;
        if (!result.ok())
            co_return context.fail(result.error(), QStringLiteral("the session configuration reset"));
        context.audit(store::AuditAction::ConfigReset, std::nullopt, QStringLiteral("session configuration reset to the server's defaults"));
        print(context.out(), QStringLiteral("config reset"), result.value());
        co_return Success;
    }

    // Start from what is in force so that only the named values change.
    const signal::SessionConfig server = channel.serverConfig().value_or(signal::SessionConfig::rfcDefaults());
    signal::SessionConfig proposal = server.currentValuesOnly();
    proposal.sid.reset();
    if (!proposal.idleConfig)
        proposal.idleConfig = signal::ConfigParameters::rfcDefaults();
    if (!proposal.mitigatingConfig)
        proposal.mitigatingConfig = signal::ConfigParameters::rfcDefaults();
    if (m_idle)
        overlay(*proposal.idleConfig, m_changes);
    if (m_mitigating)
        overlay(*proposal.mitigatingConfig, m_changes);
    if (const auto problems = proposal.validate(); !problems.isEmpty()) {
        QStringList lines;
        for (const auto &p : problems)
            lines << p.toString();
        Output::error(QStringLiteral("the proposed configuration is not valid: %1").arg(lines.join(QStringLiteral("; "))));
        co_return UsageError;
    }
    auto resultTask = channel.proposeSessionConfig(proposal);
    auto result = co_await resultTask;
    if (!result.ok())
        co_return context.fail(result.error(), QStringLiteral("the session configuration proposal"));
    context.audit(store::AuditAction::ConfigChange, std::nullopt,
                  QStringLiteral("session configuration changed (%1)")
                      .arg(m_idle && m_mitigating ? QStringLiteral("idle and mitigating") : m_idle ? kIdle : kMitigating),
                  proposal.toJson());
    print(context.out(), QStringLiteral("config set"), result.value());
    co_return Success;
}

} // namespace dots::cli
