import { LeftOutlined, RightOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Space, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveHandler } from '../../components/useSaveHandler';
import { shanghaiDate, useTeam } from '../../core';
import { ConflictMark } from '../sync';
import { monthDates } from './roster';
import { RotationDialog } from './RotationDialog';
import { setDuty, useRosterMonth } from './team.repo';

const palette = ['#1677ff', '#13a8a8', '#d46b08', '#722ed1', '#389e0d', '#c41d7f'];

function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** On-call roster (7×24): a month grid, one duty engineer a day, with a quick fill by rotation. */
export function RosterPanel() {
  const { t, i18n } = useTranslation('team');
  const save = useSaveHandler();
  const today = shanghaiDate(new Date());
  const [month, setMonth] = useState(today.slice(0, 7));
  const [rotating, setRotating] = useState(false);
  const entries = useRosterMonth(month);
  const team = useTeam();
  const members = useMemo(
    () => (team ?? []).filter((m) => m.active).sort((a, b) => (a.role === b.role ? 0 : a.role === 'engineer' ? -1 : 1)),
    [team],
  );
  const color = (id: string) =>
    palette[
      Math.max(
        0,
        members.findIndex((m) => m.id === id),
      ) % palette.length
    ];
  const dates = monthDates(month);
  // Monday-first weeks: blank cells before the 1st.
  const lead = (new Date(`${dates[0]}T00:00:00Z`).getUTCDay() + 6) % 7;
  const cells: Array<string | null> = [...Array(lead).fill(null), ...dates];
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' });
  const heads = Array.from({ length: 7 }, (_, i) => weekday.format(new Date(Date.UTC(2024, 0, 1 + i))));
  const counts = new Map<string, number>();
  for (const e of entries?.values() ?? []) counts.set(e.memberId, (counts.get(e.memberId) ?? 0) + 1);
  const unassigned = dates.filter((d) => !entries?.has(d)).length;

  return (
    <div data-testid="roster">
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space>
          <Button
            icon={<LeftOutlined />}
            aria-label={t('roster.prev')}
            onClick={() => setMonth(shiftMonth(month, -1))}
          />
          <Input
            type="month"
            aria-label={t('roster.month')}
            value={month}
            onChange={(e) => e.target.value && setMonth(e.target.value)}
            style={{ width: 160 }}
          />
          <Button
            icon={<RightOutlined />}
            aria-label={t('roster.next')}
            onClick={() => setMonth(shiftMonth(month, 1))}
          />
          {month !== today.slice(0, 7) && (
            <Button onClick={() => setMonth(today.slice(0, 7))}>{t('roster.thisMonth')}</Button>
          )}
        </Space>
        <Button
          type="primary"
          icon={<ThunderboltOutlined />}
          onClick={() => setRotating(true)}
          disabled={members.length === 0}
          data-testid="roster-rotate"
        >
          {t('roster.quickFill')}
        </Button>
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        {members.map((m) => (
          <Tag key={m.id} color={color(m.id)}>
            {t('roster.legend', { name: m.name, phone: m.phone || '—', count: counts.get(m.id) ?? 0 })}
          </Tag>
        ))}
        {unassigned > 0 && (
          <Typography.Text type="warning">{t('roster.unassigned', { count: unassigned })}</Typography.Text>
        )}
      </Flex>
      {!entries ? (
        <Spin />
      ) : (
        <div
          role="grid"
          aria-label={t('roster.gridLabel', { month })}
          style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(110px, 1fr))', gap: 4 }}
        >
          {heads.map((h, i) => (
            <Typography.Text
              key={h}
              strong
              style={{ textAlign: 'center', color: i >= 5 ? '#cf1322' : undefined }}
              role="columnheader"
            >
              {h}
            </Typography.Text>
          ))}
          {cells.map((d, i) =>
            d === null ? (
              <div key={`pad-${i}`} />
            ) : (
              <Card
                key={d}
                size="small"
                role="gridcell"
                data-testid={`roster-day-${d}`}
                styles={{ body: { padding: 6 } }}
                style={{
                  background: d === today ? '#e6f4ff' : i % 7 >= 5 ? '#fafafa' : undefined,
                  borderColor: d === today ? '#1677ff' : undefined,
                }}
              >
                <Typography.Text strong={d === today} type={i % 7 >= 5 ? 'danger' : undefined}>
                  {Number(d.slice(8))}
                  {d === today && ` · ${t('roster.today')}`}
                </Typography.Text>
                <ConflictMark table="roster" recordId={entries.get(d)?.id} compact />
                <Select
                  size="small"
                  allowClear
                  variant="borderless"
                  aria-label={t('roster.dutyOn', { date: d })}
                  placeholder={t('roster.nobody')}
                  value={entries.get(d)?.memberId}
                  onChange={(v?: string) => void save(() => setDuty(d, v ?? null), null)}
                  options={members.map((m) => ({
                    value: m.id,
                    label: <span style={{ color: color(m.id) }}>{m.name}</span>,
                  }))}
                  style={{ width: '100%', marginTop: 2 }}
                />
              </Card>
            ),
          )}
        </div>
      )}
      <RotationDialog open={rotating} month={month} members={members} onClose={() => setRotating(false)} />
    </div>
  );
}
