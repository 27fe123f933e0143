// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include <algorithm>
#include <cstddef>

namespace dots::models {

// A fixed-capacity FIFO: once full, each append drops the oldest element. Storage is
// allocated once, so hours of telemetry cost no more memory than the first `capacity`
// samples did.
template<typename T>
class RingBuffer
{
public:
    explicit RingBuffer(qsizetype capacity = 3600) : m_capacity(std::max<qsizetype>(1, capacity)) {}

    qsizetype capacity() const { return m_capacity; }
    qsizetype size() const { return m_items.size(); }
    bool isEmpty() const { return m_items.isEmpty(); }
    bool isFull() const { return size() == m_capacity; }

    // Returns true when the oldest element was dropped to make room.
    bool append(const T &item)
    {
        if (m_items.size() < m_capacity) {
            if (m_items.capacity() < m_capacity)
                m_items.reserve(m_capacity);
            m_items.append(item);
            return false;
        }
        m_items[m_head] = item;
        m_head = (m_head + 1) % m_capacity;
        return true;
    }
    // Oldest first.
    const T &at(qsizetype i) const { return m_items.at((m_head + i) % m_items.size()); }
    const T &last() const { return at(size() - 1); }
    T &last() { return m_items[(m_head + size() - 1) % m_items.size()]; }
    void clear()
    {
        m_items.clear();
        m_head = 0;
    }

private:
    qsizetype m_capacity;
    qsizetype m_head = 0; // index of the oldest element once full
    QList<T> m_items;
};

} // namespace dots::models
