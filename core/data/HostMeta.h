// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QUrl>

#include <optional>

namespace dots::data {

// RFC 8040 section 3.1: GET /.well-known/host-meta answers an XRD document whose Link with
// rel="restconf" gives the RESTCONF root, e.g. <Link rel='restconf' href='/restconf'/>.
// The href may be relative (resolved against `base`) or absolute (go-dots sends one).
// nullopt when the document has no such link.
std::optional<QUrl> restconfRootFromHostMeta(const QByteArray &xrd, const QUrl &base);
QByteArray hostMetaDocument(const QString &restconfPath);

} // namespace dots::data
