import { DeleteOutlined, DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Flex, Image, List, Popconfirm, Typography } from 'antd';
import { useState, type ClipboardEvent, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { maxAttachmentBytes, type Attachment } from '@shared/schemas/attachment';
import { describeFilters, filterFor, ownTypeFilter } from '@shared/ipc/file-types';
import { platform } from '../../platform';
import { useSaveHandler } from '../../components/useSaveHandler';
import { addAttachment, deleteAttachment, toDataUrl, useAttachments } from './attachments.repo';
import { mimeOf } from './mime';

export interface AttachmentListProps {
  ownerType: string;
  ownerId: string;
  maxBytes?: number;
  /** File extensions offered in the picker, e.g. ['png', 'jpg']; empty = any. */
  extensions?: string[];
  readOnly?: boolean;
  testId?: string;
}

const isImage = (a: Pick<Attachment, 'mime'>) => a.mime.startsWith('image/');

/** A record's attachments: add by file pick, paste or drag-and-drop; each hashed (SHA-256) at capture. */
export function AttachmentList({
  ownerType,
  ownerId,
  maxBytes = maxAttachmentBytes,
  extensions = [],
  readOnly,
  testId,
}: AttachmentListProps) {
  const { t } = useTranslation('attachments');
  const { message } = App.useApp();
  const items = useAttachments(ownerType, ownerId);
  const save = useSaveHandler();
  const [isOver, setOver] = useState(false);
  const add = async (name: string, mime: string, data: Uint8Array) => {
    if (data.byteLength > maxBytes) {
      message.error(
        t('tooLargeDetail', {
          name,
          size: (data.byteLength / 1048576).toFixed(1),
          limit: (maxBytes / 1048576).toFixed(0),
        }),
      );
      return;
    }
    await save(
      () => addAttachment({ ownerType, ownerId, name, mime: mime || mimeOf(name), data }, maxBytes),
      'attachments:added',
    );
  };
  const addFiles = async (files: FileList | File[]) => {
    for (const f of Array.from(files))
      await add(f.name || `${t('pasted')}.png`, f.type, new Uint8Array(await f.arrayBuffer()));
  };
  /** Saved under its own type only; a file of a type the app does not save is refused with a message. */
  const download = async (a: Attachment) => {
    const filters = ownTypeFilter(a.name, t('files'));
    try {
      if (!filters) throw Object.assign(new Error(a.name), { code: 'unsupported' });
      await platform.saveFile({ defaultName: a.name, data: a.data, filters });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'cancelled') return;
      message.error(
        code === 'unsupported' || code === 'invalid-payload'
          ? t('safety:file.wrongType', { types: describeFilters(filters ?? filterFor('evidence', '')) })
          : t('openFailed'),
      );
    }
  };
  const pick = async () => {
    try {
      const file = await platform.openFile({
        filters: extensions.length ? [{ name: t('files'), extensions }] : filterFor('evidence', t('files')),
        maxBytes,
      });
      if (file) await add(file.name, mimeOf(file.name), file.data);
    } catch (err) {
      message.error(
        (err as { code?: string }).code === 'too-large'
          ? t('tooLarge', { limit: (maxBytes / 1048576).toFixed(0) })
          : (err as { code?: string }).code === 'unsupported'
            ? t('safety:file.wrongType', {
                types: describeFilters(extensions.length ? [{ name: '', extensions }] : filterFor('evidence', '')),
              })
            : t('openFailed'),
      );
    }
  };
  return (
    <div
      data-testid={testId ?? 'attachments'}
      tabIndex={readOnly ? undefined : 0}
      onPaste={(e: ClipboardEvent) =>
        !readOnly && e.clipboardData.files.length > 0 && void addFiles(e.clipboardData.files)
      }
      onDragOver={(e: DragEvent) => {
        if (readOnly) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e: DragEvent) => {
        e.preventDefault();
        setOver(false);
        if (!readOnly) void addFiles(e.dataTransfer.files);
      }}
      style={{ border: `1px dashed ${isOver ? '#1f5fae' : '#d9d9d9'}`, borderRadius: 4, padding: 8 }}
    >
      <List
        size="small"
        dataSource={items ?? []}
        locale={{ emptyText: readOnly ? t('none') : t('emptyHint') }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button
                key="dl"
                size="small"
                icon={<DownloadOutlined />}
                aria-label={t('download')}
                onClick={() => void download(a)}
              />,
              ...(readOnly
                ? []
                : [
                    <Popconfirm
                      key="rm"
                      title={t('confirmDelete')}
                      okText={t('common:actions.delete')}
                      cancelText={t('common:actions.cancel')}
                      onConfirm={() => void save(() => deleteAttachment(a), null)}
                    >
                      <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common:actions.delete')} />
                    </Popconfirm>,
                  ]),
            ]}
          >
            <Flex gap={8} align="center">
              {isImage(a) ? (
                <Image src={toDataUrl(a)} width={48} height={36} style={{ objectFit: 'cover' }} alt={a.name} />
              ) : (
                <PaperClipOutlined />
              )}
              <span>
                {a.name}
                <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }} title={a.sha256}>
                  {t('sizeLine', { kb: (a.size / 1024).toFixed(0), hash: a.sha256.slice(0, 10) })}
                </Typography.Text>
              </span>
            </Flex>
          </List.Item>
        )}
      />
      {!readOnly && (
        <Button size="small" icon={<PaperClipOutlined />} onClick={() => void pick()} style={{ marginTop: 4 }}>
          {t('add')}
        </Button>
      )}
    </div>
  );
}
