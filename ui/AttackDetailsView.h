// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/AttackDetail.h"

#include <QTableWidget>

namespace dots::ui {

// The attacks on a target as the latest telemetry describes them: attack-id, description,
// severity (coloured), start and end, number of sources.
class AttackDetailsView : public QTableWidget
{
    Q_OBJECT
public:
    explicit AttackDetailsView(QWidget *parent = nullptr);
    void setAttackDetails(const QList<signal::AttackDetail> &details);
    static QString severityText(std::optional<signal::AttackSeverity> severity);
};

} // namespace dots::ui
