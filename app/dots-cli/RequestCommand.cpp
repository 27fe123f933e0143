#include "RequestCommand.h"

#include "signal/TargetText.h"

#include "CommandContext.h"
#include "ExitCode.h"
#include "RequestOptions.h"
#include "StatusFormat.h"

namespace dots::cli {

void RequestCommand::addOptions(QCommandLineParser &parser) const
{
    RequestOptions::addOptions(parser);
}

QString RequestCommand::readOptions(const QCommandLineParser &parser)
{
    m_request = {};
    return RequestOptions::read(parser, m_request).join(QLatin1Char('\n'));
}

QCoro::Task<int> RequestCommand::run(CommandContext &context)
{
    auto connecting = context.connect();
    if (const int code = co_await connecting; code != Success)
        co_return code;
    auto resultTask = context.channel().requestMitigation(m_request);
    auto result = co_await resultTask;
    if (!result.ok())
        co_return context.fail(result.error(), QStringLiteral("the mitigation request"));

    const signal::MitigationStatus &status = result.value();
    context.audit(store::AuditAction::Request, status.mid,
                  QStringLiteral("request mitigation for %1").arg(signal::describeTarget(m_request.target)), m_request.toJson());
    if (context.out().isJson()) {
        QJsonObject o = statusJson(status);
        o.insert(QStringLiteral("command"), name());
        context.out().json(o);
    } else {
        context.out().text(QStringLiteral("mid %1 accepted").arg(status.mid));
        context.out().text(describeStatus(status));
    }
    co_return Success;
}

} // namespace dots::cli
