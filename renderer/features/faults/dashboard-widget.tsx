/** Dashboard card: open faults by level, breached / at-risk counts, the most urgent clocks. */
import { Card, Col, List, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import { useClockConfig, useNow } from '../../core';
import { rowClock } from './fault-view';
import { useOpenFaults } from './faults.repo';
import { useCheckedFaults } from './projection-check';
import { ClockTag, LevelTag } from './tags';

const levelHex: Record<number, string> = { 1: '#cf1322', 2: '#d4380d', 3: '#d48806', 4: '#0958d9' };

export const order = 10;
export const span = 12;

export function Widget() {
  const { t } = useTranslation('faults');
  const { rows: open } = useCheckedFaults(useOpenFaults());
  const cfg = useClockConfig();
  const now = useNow(30_000);
  const live = useMemo(() => (open ?? []).map((f) => ({ f, live: rowClock(f, cfg, now) })), [open, cfg, now]);
  const byLevel = [1, 2, 3, 4].map((l) => live.filter((x) => x.f.level === l).length);
  const breached = live.filter((x) => x.live?.state === 'breached').length;
  const atRisk = live.filter((x) => x.live?.state === 'at-risk').length;
  const urgent = live
    .filter((x) => x.f.urgent?.dueAt)
    .sort((a, b) => Date.parse(a.f.urgent!.dueAt!) - Date.parse(b.f.urgent!.dueAt!))
    .slice(0, 5);
  return (
    <Card
      size="small"
      title={t('widget.title')}
      extra={<Typography.Link onClick={() => navigate('/faults')}>{t('widget.viewAll')}</Typography.Link>}
      data-testid="faults-widget"
    >
      <Typography.Text type="secondary">{t('widget.openByLevel')}</Typography.Text>
      <Row gutter={8} style={{ margin: '8px 0 12px' }}>
        {byLevel.map((n, i) => (
          <Col span={4} key={i}>
            <Statistic
              title={t(`levels.${i + 1}`)}
              value={n}
              styles={{ content: { color: n ? levelHex[i + 1] : undefined } }}
            />
          </Col>
        ))}
        <Col span={4}>
          <Statistic
            title={t('widget.atRisk')}
            value={atRisk}
            styles={{ content: { color: atRisk ? '#d48806' : undefined } }}
            data-testid="widget-at-risk"
          />
        </Col>
        <Col span={4}>
          <Statistic
            title={t('widget.breached')}
            value={breached}
            styles={{ content: { color: breached ? '#cf1322' : undefined } }}
            data-testid="widget-breached"
          />
        </Col>
      </Row>
      <Typography.Text type="secondary">{t('widget.urgent')}</Typography.Text>
      <List
        size="small"
        dataSource={urgent}
        locale={{ emptyText: t('widget.none') }}
        renderItem={({ f, live: l }) => (
          <List.Item
            style={{ cursor: 'pointer' }}
            onClick={() => navigate(`/faults/${f.id}`)}
            extra={
              l && f.urgent ? (
                <ClockTag
                  kind={f.urgent.kind}
                  state={l.state}
                  leftMinutes={l.leftMinutes}
                  calendar={f.urgent.calendar}
                />
              ) : null
            }
          >
            <Typography.Text ellipsis style={{ maxWidth: 320 }}>
              <LevelTag level={f.level} /> <a href={`#/faults/${f.id}`}>{f.number}</a> {f.symptoms}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
