// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/HostMeta.h"

#include <QXmlStreamReader>

namespace dots::data {

std::optional<QUrl> restconfRootFromHostMeta(const QByteArray &xrd, const QUrl &base)
{
    QXmlStreamReader xml(xrd);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != QLatin1String("Link"))
            continue;
        const auto attributes = xml.attributes();
        if (attributes.value(QLatin1String("rel")) != QLatin1String("restconf"))
            continue;
        const QUrl href(attributes.value(QLatin1String("href")).toString());
        if (!href.isValid() || href.isEmpty())
            return std::nullopt;
        return base.resolved(href);
    }
    return std::nullopt;
}

QByteArray hostMetaDocument(const QString &restconfPath)
{
    return QByteArrayLiteral("<XRD xmlns='http://docs.oasis-open.org/ns/xri/xrd-1.0'>\n  <Link rel='restconf' href='")
        + restconfPath.toHtmlEscaped().toUtf8() + QByteArrayLiteral("'/>\n</XRD>\n");
}

} // namespace dots::data
