/**
 * Every contract clock of a fault at `now`: due time, time left or overdue (business or calendar time), state.
 * A clock that no longer applies (stopped by an upgrade, a level set by hand or a track move:
 * `superseded` from shared/domain/fault-engine.ts) is listed last, grey, tagged with the instant it stopped applying.
 */
import { Flex, Table, Tag, Typography } from 'antd';
import { useMemo, type HTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClockState } from '@shared/domain/fault-clock';
import type { FaultEventRow } from '@shared/schemas/fault';
import { formatDateTime, formatDeadline, useNow } from '../../core';
import { formatShortDateTime } from '../../core/faults/duration';
import type { ClockConfig } from './fault-model';
import { faultView, minutesLeft } from './fault-view';
import { ClockTag, formatMinutes } from './tags';

/** Live clocks first (in the engine's order), then the superseded ones. */
export function panelClocks(clocks: ClockState[]): ClockState[] {
  return [...clocks.filter((c) => !c.superseded), ...clocks.filter((c) => c.superseded)];
}

function SupersededTag({ c }: { c: ClockState }) {
  const { t, i18n } = useTranslation('faults');
  const s = c.superseded!;
  const reason = t(`clockPanel.superseded.${s.by}`);
  return (
    <Tag
      data-testid={`clock-${c.kind}`}
      data-state="superseded"
      title={t('clockPanel.supersededHint', { time: formatDateTime(s.at, i18n.language), reason })}
      style={{ marginInlineEnd: 0 }}
    >
      {`${reason} · ${formatShortDateTime(s.at, i18n.language)}`}
    </Tag>
  );
}

/** The notes under the table: why grey rows are there, and which first-reply rule an e-mail fault follows. */
function PanelNotes({ clocks, cfg }: { clocks: ClockState[]; cfg: ClockConfig }) {
  const { t } = useTranslation('faults');
  const notes: ReactNode[] = [];
  if (clocks.some((c) => c.superseded)) notes.push(t('clockPanel.supersededNote'));
  if (clocks.some((c) => c.kind === 'reply')) {
    const values = {
      general: formatMinutes(t, cfg.policy.email.generalReplyMinutes),
      complex: formatMinutes(t, cfg.policy.email.complexReplyMinutes),
    };
    const both = clocks.some((c) => c.kind === 'response');
    notes.push(t(both ? 'clockPanel.emailOnsiteNote' : 'clockPanel.emailNote', values));
  }
  if (!notes.length) return null;
  return (
    <Flex vertical gap={2} style={{ marginTop: 6 }} data-testid="clock-panel-notes">
      {notes.map((n, i) => (
        <Typography.Text key={i} type="secondary" style={{ fontSize: 12 }}>
          {n}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** Re-evaluates the log every second on its own, so only this panel re-renders at that pace. */
export function ClockPanel({ rows, cfg }: { rows: FaultEventRow[]; cfg: ClockConfig }) {
  const { t, i18n } = useTranslation('faults');
  const now = useNow(1000);
  const clocks = useMemo(() => panelClocks(faultView(rows, cfg, now).clocks), [rows, cfg, now]);
  // Compact in the table; the full date and time on hover. Superseded rows are grey. A deadline reads
  // as the time alone today, else with its weekday (renderer/core/format.ts formatDeadline).
  const cell = (v: string | undefined, c: ClockState, text: (v: string) => string) =>
    v ? (
      <Typography.Text type={c.superseded ? 'secondary' : undefined} title={formatDateTime(v, i18n.language)}>
        {text(v)}
      </Typography.Text>
    ) : (
      '—'
    );
  const dt = (v: string | undefined, c: ClockState) => cell(v, c, (x) => formatShortDateTime(x, i18n.language));
  const due = (v: string | undefined, c: ClockState) => cell(v, c, (x) => formatDeadline(x, now, i18n.language));
  return (
    <>
      <Table<ClockState>
        data-testid="clock-panel"
        rowKey="kind"
        size="small"
        pagination={false}
        dataSource={clocks}
        locale={{ emptyText: t('clockPanel.none') }}
        onRow={(c) =>
          ({
            'data-clock': c.kind,
            'data-state': c.state,
            'data-superseded': c.superseded ? 'true' : undefined,
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('clockPanel.kind'),
            dataIndex: 'kind',
            render: (k: string, c) =>
              c.superseded ? (
                <Typography.Text type="secondary" delete>
                  {t(`clocks.${k}`)}
                </Typography.Text>
              ) : (
                <Typography.Text strong>{t(`clocks.${k}`)}</Typography.Text>
              ),
          },
          {
            title: t('clockPanel.target'),
            key: 'target',
            render: (_: unknown, c) => (
              <Typography.Text type={c.superseded ? 'secondary' : undefined} title={t(`calendars.${c.calendar}`)}>
                {`${formatMinutes(t, c.targetMinutes)} · ${t(`calendarShort.${c.calendar}`)}`}
              </Typography.Text>
            ),
          },
          { title: t('clockPanel.started'), dataIndex: 'startedAt', render: dt },
          { title: t('clockPanel.due'), dataIndex: 'dueAt', render: due },
          { title: t('clockPanel.stopped'), dataIndex: 'stoppedAt', render: dt },
          {
            title: t('clockPanel.left'),
            key: 'left',
            render: (_: unknown, c) => {
              if (c.superseded) return <SupersededTag c={c} />;
              const left = minutesLeft(c, cfg, now);
              return <ClockTag state={c.state} leftMinutes={left} calendar={c.calendar} testId={`clock-${c.kind}`} />;
            },
          },
        ]}
      />
      <PanelNotes clocks={clocks} cfg={cfg} />
    </>
  );
}
