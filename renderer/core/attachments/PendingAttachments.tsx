/**
 * Attachments chosen before the record exists (intake): kept in memory, written with the record in
 * its transaction. A file over the size limit is refused at once with a clear message.
 */
import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Flex, List, Typography } from 'antd';
import { useState, type ClipboardEvent, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { maxAttachmentBytes } from '@shared/schemas/attachment';
import { describeFilters, filterFor } from '@shared/ipc/file-types';
import { platform } from '../../platform';
import { mimeOf } from './mime';

export interface PendingFile {
  name: string;
  mime: string;
  data: Uint8Array;
}

export function PendingAttachments({
  value,
  onChange,
  maxBytes = maxAttachmentBytes,
}: {
  value: PendingFile[];
  onChange: (files: PendingFile[]) => void;
  maxBytes?: number;
}) {
  const { t } = useTranslation('attachments');
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [isOver, setOver] = useState(false);
  const limit = (maxBytes / 1048576).toFixed(0);
  const add = (incoming: PendingFile[]) => {
    const ok: PendingFile[] = [];
    let refused: string | null = null;
    for (const f of incoming) {
      if (f.data.byteLength > maxBytes)
        refused = t('pending.tooLarge', { name: f.name, size: (f.data.byteLength / 1048576).toFixed(1), limit });
      else ok.push(f);
    }
    setError(refused);
    if (refused) message.error(refused);
    if (ok.length) onChange([...value, ...ok]);
  };
  const fromFiles = async (files: FileList | File[]) =>
    add(
      await Promise.all(
        Array.from(files).map(async (f) => ({
          name: f.name || `${t('pending.pasted')}.png`,
          mime: f.type || mimeOf(f.name),
          data: new Uint8Array(await f.arrayBuffer()),
        })),
      ),
    );
  const pick = async () => {
    try {
      const file = await platform.openFile({ maxBytes, filters: filterFor('evidence', t('files')) });
      if (file) add([{ name: file.name, mime: mimeOf(file.name), data: file.data }]);
    } catch (err) {
      // The platform refuses a file over the limit before reading it (no copy of a huge file in memory).
      const text =
        (err as { code?: string }).code === 'too-large'
          ? t('tooLarge', { limit })
          : (err as { code?: string }).code === 'unsupported'
            ? t('safety:file.wrongType', { types: describeFilters(filterFor('evidence', '')) })
            : t('openFailed');
      setError(text);
      message.error(text);
    }
  };
  return (
    <div
      data-testid="pending-attachments"
      tabIndex={0}
      onPaste={(e: ClipboardEvent) => e.clipboardData.files.length > 0 && void fromFiles(e.clipboardData.files)}
      onDragOver={(e: DragEvent) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e: DragEvent) => {
        e.preventDefault();
        setOver(false);
        void fromFiles(e.dataTransfer.files);
      }}
      style={{ border: `1px dashed ${isOver ? '#1f5fae' : '#d9d9d9'}`, borderRadius: 4, padding: 8 }}
    >
      {value.length > 0 && (
        <List
          size="small"
          dataSource={value}
          renderItem={(f, i) => (
            <List.Item
              actions={[
                <Button
                  key="rm"
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t('pending.remove')}
                  onClick={() => onChange(value.filter((_, j) => j !== i))}
                />,
              ]}
            >
              <Flex gap={8} align="center">
                <PaperClipOutlined /> {f.name}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('pending.size', { kb: (f.data.byteLength / 1024).toFixed(0) })}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0', fontSize: 12 }}>
        {t('pending.hint', { limit })}
      </Typography.Paragraph>
      {error && (
        <Typography.Paragraph type="danger" style={{ margin: '4px 0' }} data-testid="attachment-error" role="alert">
          {error}
        </Typography.Paragraph>
      )}
      <Button size="small" icon={<PaperClipOutlined />} onClick={() => void pick()}>
        {t('pending.add')}
      </Button>
    </div>
  );
}
