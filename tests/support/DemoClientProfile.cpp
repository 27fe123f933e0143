// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoClientProfile.h"

#include "pki/PkiGenerator.h"

namespace dots::test {

signal::ServerProfile demoClientProfile(const QString &pkiDirectory, quint16 port, transport::Transport transport)
{
    const auto files = pki::PkiFiles::inDirectory(pkiDirectory);
    signal::ServerProfile profile;
    profile.name = QStringLiteral("simulator");
    profile.host = QStringLiteral("127.0.0.1");
    profile.port = port;
    profile.preference = transport == transport::Transport::Dtls ? transport::TransportPreference::DtlsOnly
                                                                 : transport::TransportPreference::TlsOnly;
    profile.pki = {files.clientCertificate, files.clientKey, files.caCertificate, {}};
    return profile;
}

signal::MitigationRequest sampleRequest(const QString &prefix)
{
    signal::MitigationRequest request;
    request.target.prefixes = {prefix};
    request.target.portRanges = {dots::PortRange{443, std::nullopt}};
    request.target.protocols = {6};
    request.lifetime = 600;
    return request;
}

} // namespace dots::test
