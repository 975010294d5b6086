import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, Inspection, InspectionAnswer, InspectionSystem } from '@shared/schemas/inspection';
import { navigate } from '../../app/router';
import { EscalateDialog } from './EscalateDialog';
import { answerKey, pick, resultFor } from '@shared/domain/inspection-judge';
import { runSystems } from './inspections.repo';
import { findingText } from './report-data';
import { SeverityTag } from './tags';

interface Row {
  key: string;
  system: InspectionSystem;
  item: ChecklistItem;
  answer: InspectionAnswer;
}

/** The anomalies of an inspection with their notes, countermeasures, and what became of them. */
export function AnomalyList({ inspection, answers }: { inspection: Inspection; answers: InspectionAnswer[] }) {
  const { t, i18n } = useTranslation('inspections');
  const lng = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [escalating, setEscalating] = useState<Row>();
  const byKey = new Map(answers.map((a) => [answerKey(a.systemId, a.itemId), a]));
  const rows: Row[] = runSystems(inspection).flatMap((s) =>
    s.items.flatMap((item) => {
      const answer = byKey.get(answerKey(s.systemId, item.id));
      const system = inspection.systems.find((x) => x.systemId === s.systemId)!;
      return answer && resultFor(item, answer) === 'abnormal' ? [{ key: answer.id, system, item, answer }] : [];
    }),
  );
  const approvalOf = (r: Row) =>
    inspection.events.find((e) => e.type === 'approval' && e.systemId === r.system.systemId && e.itemId === r.item.id);
  return (
    <Card
      size="small"
      title={t('detail.anomalies', { count: rows.length })}
      style={{ marginBottom: 16 }}
      data-testid="anomaly-list"
    >
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('detail.noAnomalies')}</Typography.Text>
      ) : (
        <Table<Row>
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            {
              title: t('col.system'),
              key: 's',
              render: (_, r) => r.system.name,
              sorter: (a, b) => a.system.name.localeCompare(b.system.name, 'zh-CN'),
            },
            { title: t('col.item'), key: 'i', render: (_, r) => pick(r.item.title, lng) },
            { title: t('col.finding'), key: 'f', render: (_, r) => findingText(r.item, r.answer, lng, t) },
            {
              title: t('col.severity'),
              key: 'v',
              render: (_, r) => <SeverityTag severity={r.item.severity} />,
              sorter: (a, b) =>
                ['low', 'medium', 'high', 'critical'].indexOf(a.item.severity) -
                ['low', 'medium', 'high', 'critical'].indexOf(b.item.severity),
            },
            { title: t('col.note'), key: 'n', render: (_, r) => r.answer.note },
            {
              title: t('col.countermeasure'),
              key: 'c',
              render: (_, r) =>
                r.answer.countermeasure ?? (
                  <Typography.Text type="warning">{t('finish.kind.countermeasureMissing')}</Typography.Text>
                ),
            },
            {
              title: t('col.status'),
              key: 'st',
              render: (_, r) => {
                const approval = approvalOf(r);
                return (
                  <Flex vertical gap={4} align="flex-start">
                    {r.answer.solved && <Tag color="success">{t('run.solved')}</Tag>}
                    {r.answer.faultNumber && (
                      <Tag
                        color="red"
                        style={{ cursor: 'pointer' }}
                        onClick={() => navigate(`/faults/${r.answer.faultId}`)}
                      >
                        {t('run.faultLinked', { number: r.answer.faultNumber })}
                      </Tag>
                    )}
                    {r.answer.followUp && (
                      <Tag color="blue">{t('run.followUpLinked', { text: r.answer.followUp.text })}</Tag>
                    )}
                    {approval?.type === 'approval' && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('detail.approvedBy', { who: approval.approverName })}
                      </Typography.Text>
                    )}
                    {!r.answer.faultNumber && !approval && (
                      <Button
                        size="small"
                        onClick={() => setEscalating(r)}
                        disabled={!r.answer.note?.trim() || !r.answer.countermeasure?.trim()}
                      >
                        {t('run.escalate')}
                      </Button>
                    )}
                  </Flex>
                );
              },
            },
          ]}
        />
      )}
      {escalating && (
        <EscalateDialog
          inspectionId={inspection.id}
          inspectionNumber={inspection.number}
          system={escalating.system}
          item={escalating.item}
          answer={escalating.answer}
          onClose={() => setEscalating(undefined)}
        />
      )}
    </Card>
  );
}
