import { Alert, Button, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '@shared/schemas/inspection';
import { useSaveHandler } from '../../components/useSaveHandler';
import { navigate } from '../../app/router';
import { finishInspection, runSystems } from './inspections.repo';
import { pick, type Problem } from '@shared/domain/inspection-judge';

/**
 * Finishing a run: either the list of what is still missing (each entry jumps to its item), or the
 * confirmation that ends the inspection and starts the report deadlines.
 */
export function FinishDialog({
  inspection,
  problems,
  onJump,
  onClose,
}: {
  inspection: Inspection;
  problems: Problem[];
  onJump: (systemId: string, itemId: string) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('inspections');
  const save = useSaveHandler();
  const [busy, setBusy] = useState(false);
  const items = new Map(
    runSystems(inspection).flatMap((s) => s.items.map((i) => [`${s.systemId}|${i.id}`, i] as const)),
  );
  const systemName = (id: string) => inspection.systems.find((s) => s.systemId === id)?.name ?? id;
  if (problems.length > 0) {
    return (
      <Modal
        open
        width={720}
        title={t('finish.blockedTitle', { count: problems.length })}
        onCancel={onClose}
        footer={<Button onClick={onClose}>{t('finish.back')}</Button>}
      >
        <Alert type="warning" showIcon title={t('finish.blockedIntro')} style={{ marginBottom: 12 }} />
        <List
          size="small"
          data-testid="finish-problems"
          style={{ maxHeight: 420, overflow: 'auto' }}
          dataSource={problems}
          renderItem={(p) => {
            const item = items.get(`${p.systemId}|${p.itemId}`);
            return (
              <List.Item
                actions={[
                  <Button key="go" size="small" type="link" onClick={() => onJump(p.systemId, p.itemId)}>
                    {t('finish.go')}
                  </Button>,
                ]}
              >
                <Typography.Text>
                  {systemName(p.systemId)} · {item ? pick(item.title, i18n.language) : p.itemId}
                </Typography.Text>
                <Tag color={p.kind === 'unanswered' ? 'default' : 'warning'} style={{ marginInlineStart: 8 }}>
                  {t(`finish.kind.${p.kind}`)}
                </Tag>
              </List.Item>
            );
          }}
        />
      </Modal>
    );
  }
  return (
    <Modal
      open
      title={t('finish.confirmTitle', { number: inspection.number })}
      okText={t('finish.ok')}
      cancelText={t('common:actions.cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={async () => {
        setBusy(true);
        const ok = await save(() => finishInspection(inspection.id), 'inspections:finish.done');
        setBusy(false);
        if (ok) navigate(`/inspections/${inspection.id}`);
      }}
    >
      <Typography.Paragraph>{t('finish.confirmText')}</Typography.Paragraph>
    </Modal>
  );
}
