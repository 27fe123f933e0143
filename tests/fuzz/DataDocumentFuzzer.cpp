// SPDX-License-Identifier: GPL-3.0-or-later
// Data-channel bodies (RFC 8783): ACL and alias documents in both decode modes (a client reading
// a server's answer, the simulator checking a client's request), capabilities, RESTCONF error
// documents and host-meta. Oracle: what the strict decoder accepts, written out again, reads
// back to the same entries.
#include "FuzzTarget.h"

#include "data/Acl.h"
#include "data/Alias.h"
#include "data/Capabilities.h"
#include "data/HostMeta.h"
#include "data/RestconfError.h"
#include "data/YangJson.h"

#include <QJsonDocument>
#include <QUrl>

using namespace dots::data;

namespace {

template<typename Entry, typename Parse, typename Write>
void checkRoundTrip(const QJsonObject &document, Parse parse, Write write, const char *what)
{
    const auto strict = parse(document, DecodeMode::Strict);
    if (!strict.ok())
        return;
    const QJsonObject written = write(strict.value);
    const auto again = parse(written, DecodeMode::Strict);
    if (!again.ok())
        dots::fuzz::invariantBroken(what, QJsonDocument(written).toJson(QJsonDocument::Compact) + '\n'
                                              + again.errorString().toUtf8());
    if (again.value != strict.value)
        dots::fuzz::invariantBroken(what, QJsonDocument(written).toJson(QJsonDocument::Compact));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = dots::fuzz::bytesOf(data, size);
    (void)parseRestconfErrors(bytes);
    (void)restconfRootFromHostMeta(bytes, QUrl(QStringLiteral("https://127.0.0.1:4443/")));

    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !json.isObject())
        return 0;
    const QJsonObject document = withoutNulls(json.object());
    (void)parseAcls(document, DecodeMode::Lenient);
    (void)parseAliases(document, DecodeMode::Lenient);
    (void)Capabilities::fromDocument(document);
    checkRoundTrip<Acl>(document, parseAcls, [](const QList<Acl> &acls) { return aclsDocument(acls); },
                        "an ACL document the strict decoder accepted does not read back the same");
    checkRoundTrip<Alias>(document, parseAliases, aliasesDocument,
                          "an alias document the strict decoder accepted does not read back the same");
    return 0;
}
