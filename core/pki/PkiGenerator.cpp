// SPDX-License-Identifier: GPL-3.0-or-later
#include "PkiGenerator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <functional>
#include <memory>

namespace dots::pki {
namespace {

struct Deleter {
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(BIO *p) const { BIO_free(p); }
    void operator()(X509_EXTENSION *p) const { X509_EXTENSION_free(p); }
    void operator()(ASN1_INTEGER *p) const { ASN1_INTEGER_free(p); }
    void operator()(BIGNUM *p) const { BN_free(p); }
};
template <typename T> using Owned = std::unique_ptr<T, Deleter>;

QString opensslError(const char *what)
{
    const unsigned long code = ERR_get_error();
    char text[256] = {};
    if (code != 0)
        ERR_error_string_n(code, text, sizeof text);
    ERR_clear_error();
    return QStringLiteral("%1 failed%2").arg(QLatin1String(what),
        code ? QStringLiteral(": %1").arg(QLatin1String(text)) : QString());
}

Owned<EVP_PKEY> newKey()
{
    return Owned<EVP_PKEY>(EVP_EC_gen("P-256"));
}

// Adds one X.509v3 extension given in OpenSSL's configuration syntax.
bool addExtension(X509 *cert, X509 *issuer, int nid, const QString &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    Owned<X509_EXTENSION> ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.toLatin1().constData()));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

bool setRandomSerial(X509 *cert)
{
    Owned<BIGNUM> bn(BN_new());
    if (!bn || BN_rand(bn.get(), 120, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1)
        return false;
    Owned<ASN1_INTEGER> serial(BN_to_ASN1_INTEGER(bn.get(), nullptr));
    return serial && X509_set_serialNumber(cert, serial.get()) == 1;
}

struct CertificateSpec {
    QString commonName;
    bool isCa = false;
    QString subjectAltNames;   // e.g. "DNS:localhost,IP:127.0.0.1"; empty for none
    QString extendedKeyUsage;  // "serverAuth" / "clientAuth"; empty for a CA
    int validityDays = 730;
};

// Makes a certificate for `key`, signed by issuerKey (self-signed when issuer is null).
Owned<X509> makeCertificate(const CertificateSpec &spec, EVP_PKEY *key, X509 *issuer,
                            EVP_PKEY *issuerKey, QString *error)
{
    Owned<X509> cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1 || !setRandomSerial(cert.get())) {
        *error = opensslError("creating a certificate");
        return {};
    }
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600); // tolerate small clock skew
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(spec.validityDays) * 24 * 3600);
    X509_set_pubkey(cert.get(), key);

    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>("DOTS Console demo"), -1, -1, 0);
    const QByteArray cn = spec.commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509 *signer = issuer ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));

    bool ok = addExtension(cert.get(), signer, NID_subject_key_identifier, QStringLiteral("hash"))
              && addExtension(cert.get(), signer, NID_authority_key_identifier, QStringLiteral("keyid:always"));
    if (spec.isCa) {
        ok = ok && addExtension(cert.get(), signer, NID_basic_constraints, QStringLiteral("critical,CA:TRUE,pathlen:0"))
             && addExtension(cert.get(), signer, NID_key_usage, QStringLiteral("critical,keyCertSign,cRLSign"));
    } else {
        ok = ok && addExtension(cert.get(), signer, NID_basic_constraints, QStringLiteral("critical,CA:FALSE"))
             && addExtension(cert.get(), signer, NID_key_usage, QStringLiteral("critical,digitalSignature,keyAgreement"))
             && addExtension(cert.get(), signer, NID_ext_key_usage, spec.extendedKeyUsage);
        if (!spec.subjectAltNames.isEmpty())
            ok = ok && addExtension(cert.get(), signer, NID_subject_alt_name, spec.subjectAltNames);
    }
    if (!ok) {
        *error = opensslError("adding certificate extensions");
        return {};
    }
    if (X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) == 0) {
        *error = opensslError("signing a certificate");
        return {};
    }
    return cert;
}

QString writePem(const QString &path, const std::function<int(BIO *)> &write, bool secret)
{
    Owned<BIO> bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1)
        return opensslError("PEM encoding");
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    QFile file(path);
    // Keys are created private from the start, not narrowed after being written.
    const auto permissions = secret ? (QFile::ReadOwner | QFile::WriteOwner)
                                    : (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || !file.setPermissions(permissions)
        || file.write(data, size) != size)
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

QString writeCertificate(const QString &path, X509 *cert)
{
    return writePem(path, [cert](BIO *b) { return PEM_write_bio_X509(b, cert); }, false);
}

QString writeKey(const QString &path, EVP_PKEY *key)
{
    return writePem(path, [key](BIO *b) {
        return PEM_write_bio_PrivateKey(b, key, nullptr, nullptr, 0, nullptr, nullptr);
    }, true);
}

template <typename T>
Owned<T> readPem(const QString &path, T *(*read)(BIO *, T **, pem_password_cb *, void *))
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray pem = file.readAll();
    Owned<BIO> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return Owned<T>(bio ? read(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

} // namespace

PkiFiles PkiFiles::inDirectory(const QString &directory)
{
    const QDir dir(directory);
    return {dir.filePath(QStringLiteral("ca.crt")),     dir.filePath(QStringLiteral("ca.key")),
            dir.filePath(QStringLiteral("server.crt")), dir.filePath(QStringLiteral("server.key")),
            dir.filePath(QStringLiteral("client.crt")), dir.filePath(QStringLiteral("client.key"))};
}

bool PkiFiles::allExist() const
{
    for (const QString &path : {caCertificate, caKey, serverCertificate, serverKey, clientCertificate, clientKey})
        if (!QFileInfo::exists(path))
            return false;
    return true;
}

QString PkiGenerator::generate(const QString &directory, const ServerIdentity &server,
                               const QString &clientCommonName, int validityDays)
{
    if (!QDir().mkpath(directory))
        return QStringLiteral("cannot create directory %1").arg(directory);

    QString error;
    const auto caKey = newKey(), serverKey = newKey(), clientKey = newKey();
    if (!caKey || !serverKey || !clientKey)
        return opensslError("generating an EC P-256 key");

    const auto ca = makeCertificate({QStringLiteral("DOTS Console demo CA"), true, {}, {}, validityDays},
                                    caKey.get(), nullptr, nullptr, &error);
    if (!ca)
        return error;

    QStringList altNames;
    for (const QString &dns : server.dnsNames)
        altNames << QStringLiteral("DNS:%1").arg(dns);
    for (const QString &ip : server.ipAddresses)
        altNames << QStringLiteral("IP:%1").arg(ip);
    const auto serverCert = makeCertificate({server.commonName, false, altNames.join(u','),
                                             QStringLiteral("serverAuth"), validityDays},
                                            serverKey.get(), ca.get(), caKey.get(), &error);
    if (!serverCert)
        return error;
    const auto clientCert = makeCertificate({clientCommonName, false, {}, QStringLiteral("clientAuth"), validityDays},
                                            clientKey.get(), ca.get(), caKey.get(), &error);
    if (!clientCert)
        return error;

    const PkiFiles files = PkiFiles::inDirectory(directory);
    for (const QString &result : {writeCertificate(files.caCertificate, ca.get()),
                                  writeKey(files.caKey, caKey.get()),
                                  writeCertificate(files.serverCertificate, serverCert.get()),
                                  writeKey(files.serverKey, serverKey.get()),
                                  writeCertificate(files.clientCertificate, clientCert.get()),
                                  writeKey(files.clientKey, clientKey.get())})
        if (!result.isEmpty())
            return result;
    return {};
}

QString PkiGenerator::issueClient(const QString &directory, const QString &name, int validityDays)
{
    const PkiFiles files = PkiFiles::inDirectory(directory);
    const auto ca = readPem<X509>(files.caCertificate, PEM_read_bio_X509);
    const auto caKey = readPem<EVP_PKEY>(files.caKey, PEM_read_bio_PrivateKey);
    if (!ca || !caKey)
        return QStringLiteral("cannot read the CA certificate and key in %1").arg(directory);
    const auto key = newKey();
    if (!key)
        return opensslError("generating an EC P-256 key");
    QString error;
    const auto cert = makeCertificate({name, false, {}, QStringLiteral("clientAuth"), validityDays}, key.get(),
                                      ca.get(), caKey.get(), &error);
    if (!cert)
        return error;
    const QDir dir(directory);
    if (QString e = writeCertificate(dir.filePath(name + QStringLiteral(".crt")), cert.get()); !e.isEmpty())
        return e;
    return writeKey(dir.filePath(name + QStringLiteral(".key")), key.get());
}

QString PkiGenerator::ensure(const QString &directory, const ServerIdentity &server,
                             const QString &clientCommonName)
{
    if (PkiFiles::inDirectory(directory).allExist())
        return {};
    return generate(directory, server, clientCommonName);
}

} // namespace dots::pki
