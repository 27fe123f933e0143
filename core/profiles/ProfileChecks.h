// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "codec/ValueChecks.h"
#include "signal/ServerProfile.h"

#include <QList>
#include <QStringList>

// The checks of a server profile's fields, one per field so that a form can put each
// problem beside its field, and the console can refuse a broken profile in words before
// it tries to connect. Each returns std::nullopt when the value is fine.
namespace dots::profiles {

using codec::Problem;

// Not empty, not the name of another profile (names key the mid counter and history).
Problem checkProfileName(const QString &name, const QStringList &otherNames);
// A DNS name or an IP literal.
Problem checkHost(const QString &host);
// 1..65535 (0 would mean "any" to a socket, not a server's port).
Problem checkServerPort(qint64 port);
// The file exists and holds a certificate.
Problem checkCertificateFile(const QString &path);
// The file exists, holds a private key, and the key belongs to `certificatePath`'s
// certificate (when that one can be read).
Problem checkPrivateKeyFile(const QString &path, const QString &certificatePath);
// The file exists and holds at least one certificate.
Problem checkCaFile(const QString &path);
// Optional: empty, a DNS name, or an IP literal.
Problem checkExpectedServerName(const QString &name);
// Optional: empty, or an https URL with a host.
Problem checkDataChannelUrl(const QString &url);

struct FieldProblem
{
    enum class Field { Name, Host, Port, Certificate, PrivateKey, CaFile, ServerName, DataChannelUrl };
    Field field;
    QString text;
};
// Every problem of a profile (the name is checked for emptiness only).
QList<FieldProblem> checkProfile(const signal::ServerProfile &profile);
// The problems of checkProfile() in one sentence each, joined; empty when none.
QString describeProblems(const QList<FieldProblem> &problems);

} // namespace dots::profiles
