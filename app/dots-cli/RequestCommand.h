#pragma once

#include "Command.h"

#include "signal/MitigationRequest.h"

namespace dots::cli {

// Sends a new mitigation request built from the options.
class RequestCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("request"); }
    QString summary() const override { return QStringLiteral("Request mitigation for a target."); }
    void addOptions(QCommandLineParser &parser) const override;
    QString readOptions(const QCommandLineParser &parser) override;
    QCoro::Task<int> run(CommandContext &context) override;

private:
    signal::MitigationRequest m_request;
};

} // namespace dots::cli
