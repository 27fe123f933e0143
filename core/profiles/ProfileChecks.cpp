// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/ProfileChecks.h"

#include "profiles/CertificateDetails.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QUrl>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace dots::profiles {

namespace {

struct BioFree { void operator()(BIO *b) const { BIO_free(b); } };
struct X509Free { void operator()(X509 *x) const { X509_free(x); } };
struct KeyFree { void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); } };

// The context this file's texts are translated in (a free function cannot have tr()).
struct ProfileChecks
{
    Q_DECLARE_TR_FUNCTIONS(dots::profiles::ProfileChecks)
};

// The file's content, or a problem in words.
Problem readFile(const QString &path, QByteArray *content)
{
    if (path.trimmed().isEmpty())
        return ProfileChecks::tr("choose a file");
    QFile file(path);
    if (!QFileInfo(path).isFile())
        return ProfileChecks::tr("%1 does not exist").arg(path);
    if (!file.open(QIODevice::ReadOnly))
        return ProfileChecks::tr("%1 cannot be read: %2").arg(path, file.errorString());
    *content = file.readAll();
    return std::nullopt;
}

std::unique_ptr<EVP_PKEY, KeyFree> readKey(const QByteArray &data)
{
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(data.constData(), int(data.size())));
    std::unique_ptr<EVP_PKEY, KeyFree> key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!key) {
        const auto *p = reinterpret_cast<const unsigned char *>(data.constData());
        key.reset(d2i_AutoPrivateKey(nullptr, &p, long(data.size())));
    }
    ERR_clear_error();
    return key;
}

std::unique_ptr<X509, X509Free> readCertificate(const QByteArray &data)
{
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(data.constData(), int(data.size())));
    std::unique_ptr<X509, X509Free> cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert) {
        const auto *p = reinterpret_cast<const unsigned char *>(data.constData());
        cert.reset(d2i_X509(nullptr, &p, long(data.size())));
    }
    ERR_clear_error();
    return cert;
}

Problem hostProblem(const QString &host)
{
    if (QHostAddress(host).isNull() == false)
        return std::nullopt;
    if (auto p = codec::checkFqdn(host))
        return ProfileChecks::tr("neither an IP address nor a host name: %1").arg(*p);
    return std::nullopt;
}

} // namespace

Problem checkProfileName(const QString &name, const QStringList &otherNames)
{
    if (name.trimmed().isEmpty())
        return ProfileChecks::tr("give the profile a name");
    if (otherNames.contains(name.trimmed(), Qt::CaseInsensitive))
        return ProfileChecks::tr("another profile is called %1").arg(name.trimmed());
    return std::nullopt;
}

Problem checkHost(const QString &host)
{
    if (host.trimmed().isEmpty())
        return ProfileChecks::tr("enter the server's host name or IP address");
    if (host.trimmed() != host)
        return ProfileChecks::tr("remove the spaces around the name");
    return hostProblem(host);
}

Problem checkServerPort(qint64 port)
{
    if (port < 1 || port > 65535)
        return ProfileChecks::tr("%1 is not a port: use 1 to 65535 (DOTS uses 4646)").arg(port);
    return std::nullopt;
}

Problem checkCertificateFile(const QString &path)
{
    QByteArray data;
    if (auto p = readFile(path, &data))
        return p;
    QString error;
    if (!CertificateDetails::fromData(data, &error))
        return error;
    return std::nullopt;
}

Problem checkPrivateKeyFile(const QString &path, const QString &certificatePath)
{
    QByteArray data;
    if (auto p = readFile(path, &data))
        return p;
    const auto key = readKey(data);
    if (!key)
        return ProfileChecks::tr("the file holds no private key that can be read without a passphrase (PEM or DER expected)");
    QFile certFile(certificatePath);
    if (certificatePath.isEmpty() || !certFile.open(QIODevice::ReadOnly))
        return std::nullopt; // the certificate field says what is wrong with it
    const auto cert = readCertificate(certFile.readAll());
    if (cert && X509_check_private_key(cert.get(), key.get()) != 1) {
        ERR_clear_error();
        return ProfileChecks::tr("this key does not belong to the certificate");
    }
    return std::nullopt;
}

Problem checkCaFile(const QString &path)
{
    QByteArray data;
    if (auto p = readFile(path, &data))
        return p;
    QString error;
    if (!CertificateDetails::fromData(data, &error))
        return error;
    return std::nullopt;
}

Problem checkExpectedServerName(const QString &name)
{
    if (name.isEmpty())
        return std::nullopt;
    if (name.trimmed() != name)
        return ProfileChecks::tr("remove the spaces around the name");
    return hostProblem(name);
}

Problem checkDataChannelUrl(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return ProfileChecks::tr("not a URL: %1").arg(url.errorString());
    if (url.scheme() != QLatin1String("https"))
        return ProfileChecks::tr("the data channel needs https:// (RFC 8783 runs RESTCONF over TLS)");
    if (url.host().isEmpty())
        return ProfileChecks::tr("the URL names no host");
    return std::nullopt;
}

QList<FieldProblem> checkProfile(const signal::ServerProfile &profile)
{
    using F = FieldProblem::Field;
    QList<FieldProblem> out;
    const auto add = [&out](F field, const Problem &p) {
        if (p)
            out.append({field, *p});
    };
    add(F::Name, checkProfileName(profile.name, {}));
    add(F::Host, checkHost(profile.host));
    add(F::Port, checkServerPort(profile.port));
    add(F::Certificate, checkCertificateFile(profile.pki.certificateFile));
    add(F::PrivateKey, checkPrivateKeyFile(profile.pki.privateKeyFile, profile.pki.certificateFile));
    add(F::CaFile, checkCaFile(profile.pki.caFile));
    add(F::ServerName, checkExpectedServerName(profile.pki.peerName));
    add(F::DataChannelUrl, checkDataChannelUrl(profile.dataChannelUrl.toString()));
    return out;
}

QString describeProblems(const QList<FieldProblem> &problems)
{
    using F = FieldProblem::Field;
    QStringList parts;
    for (const auto &p : problems) {
        QString field;
        switch (p.field) {
        case F::Name: field = ProfileChecks::tr("name"); break;
        case F::Host: field = ProfileChecks::tr("server"); break;
        case F::Port: field = ProfileChecks::tr("port"); break;
        case F::Certificate: field = ProfileChecks::tr("client certificate"); break;
        case F::PrivateKey: field = ProfileChecks::tr("private key"); break;
        case F::CaFile: field = ProfileChecks::tr("CA certificate"); break;
        case F::ServerName: field = ProfileChecks::tr("expected server name"); break;
        case F::DataChannelUrl: field = ProfileChecks::tr("data channel URL"); break;
        }
        parts << ProfileChecks::tr("%1: %2").arg(field, p.text);
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace dots::profiles
