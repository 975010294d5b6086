import { CloudDownloadOutlined, CloudUploadOutlined, RollbackOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileTypes } from '@shared/ipc/file-types';
import type { SyncConflictRow, SyncPeerRow } from '@shared/schemas/sync';
import { formatDateTime, useContacts, useSystems, useTeam } from '../../core';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { getActor, getDb } from '../../db';
import {
  lastActorOf,
  listConflicts,
  listPeers,
  resolveConflict,
  shownDevice,
  type SyncReceipt,
} from '../../db/sync-store';
import { NoDeviceCodeError } from '../../db/sync-capture';
import { platform, PlatformError } from '../../platform';
import {
  NoTeamKeyError,
  readWithUndo,
  refusalMessage,
  relativeTime,
  undoImport,
  writeSyncBundle,
} from './sync.service';
import { fieldLabel, recordName, referenceFields } from './field-labels';

interface PeerView extends SyncPeerRow {
  actor?: string;
}

/** Team member id → name. */
function useNames(): (id: string | undefined) => string {
  const team = useTeam();
  const names = new Map((team ?? []).map((m) => [m.id, m.name]));
  return (id) => (id ? (names.get(id) ?? id) : '');
}

/** How people call a laptop: by who last wrote on it, with its device code. */
export function usePeerLabel(): (p: { device: string; actor?: string }) => string {
  const { t } = useTranslation('sync');
  const name = useNames();
  return (p) =>
    p.actor ? t('peerName', { name: name(p.actor), device: p.device }) : t('peerDevice', { device: p.device });
}

export function usePeers(): PeerView[] | undefined {
  return useLiveQuery(async () => {
    const peers = await listPeers();
    return Promise.all(peers.map(async (p) => ({ ...p, actor: await lastActorOf(p.device) })));
  }, []);
}

function show(v: unknown): string {
  if (v === undefined || v === null) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function ReceiptCard({ receipt, onUndo, undone }: { receipt: SyncReceipt; onUndo?: () => void; undone: boolean }) {
  const { t } = useTranslation('sync');
  const table = (name: string) => t(`backup:tables.${name}`, { defaultValue: name });
  const tables = [
    ...new Set([...Object.keys(receipt.created), ...Object.keys(receipt.updated), ...Object.keys(receipt.deleted)]),
  ];
  return (
    <Card
      title={t('receipt.title', { from: receipt.from })}
      data-testid="sync-receipt"
      extra={
        onUndo && (
          <Button icon={<RollbackOutlined />} onClick={onUndo} disabled={undone} data-testid="sync-undo">
            {undone ? t('receipt.undone') : t('receipt.undo')}
          </Button>
        )
      }
    >
      {receipt.merged === 0 ? (
        <Typography.Paragraph>{t('receipt.nothingNew')}</Typography.Paragraph>
      ) : (
        <Descriptions column={1} size="small" bordered>
          {tables.map((name) => (
            <Descriptions.Item key={name} label={table(name)}>
              {t('receipt.counts', {
                created: receipt.created[name] ?? 0,
                updated: receipt.updated[name] ?? 0,
                deleted: receipt.deleted[name] ?? 0,
              })}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('receipt.blobs')}>{receipt.blobs}</Descriptions.Item>
          <Descriptions.Item label={t('receipt.conflicts')}>
            {receipt.conflicts.length ? <Tag color="orange">{receipt.conflicts.length}</Tag> : 0}
          </Descriptions.Item>
        </Descriptions>
      )}
      {receipt.deferred > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title={t('receipt.deferred', { count: receipt.deferred })}
        />
      )}
      {receipt.duplicates > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('receipt.duplicates', { count: receipt.duplicates })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** A field's value as people read it: a member, contact or system by its name, not its id. */
function useValueText(field: string): (v: unknown) => string {
  const team = useTeam();
  const contacts = useContacts();
  const systems = useSystems();
  const ref = referenceFields[field];
  const rows: Array<{ id: string; name: string }> =
    (ref === 'team' ? team : ref === 'contacts' ? contacts : ref === 'systems' ? systems : undefined) ?? [];
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return (v) => (typeof v === 'string' && names.has(v) ? names.get(v)! : show(v));
}

function ConflictItem({ c }: { c: SyncConflictRow }) {
  const { t, i18n } = useTranslation('sync');
  const name = useNames();
  const valueText = useValueText(c.field);
  const record = useLiveQuery(
    async () => recordName((await getDb().table(c.table).get(c.recordId)) as Record<string, unknown> | undefined),
    [c.table, c.recordId],
  );
  const { message } = AntApp.useApp();
  const [merged, setMerged] = useState<string | null>(null);
  const decide = async (value: unknown) => {
    await resolveConflict(c, value, getActor());
    message.success(t('conflicts.decided'));
  };
  const writes = [c.shown, ...c.others];
  // Text to merge by hand; not an id that names a member, contact or system.
  const isText = !referenceFields[c.field] && writes.every((w) => typeof w.value === 'string');
  const isDelete = c.field === '_deleted';
  return (
    <Card size="small" data-testid="sync-conflict" style={{ marginBottom: 8 }}>
      <Typography.Text strong>
        {t(`backup:tables.${c.table}`, { defaultValue: c.table })} · {record ?? c.recordId} ·{' '}
        {fieldLabel(t, c.table, c.field)}
      </Typography.Text>
      <Table
        size="small"
        pagination={false}
        rowKey="stamp"
        dataSource={writes}
        style={{ marginTop: 8 }}
        columns={[
          {
            title: t('conflicts.value'),
            render: (_, w) => (
              <Space>
                {isDelete ? (w.value === true ? t('conflicts.deleted') : t('conflicts.edited')) : valueText(w.value)}
                {w === c.shown && <Tag color="blue">{t('conflicts.shown')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('conflicts.who'),
            render: (_, w) =>
              t('conflicts.byOn', { name: name(w.actor), device: w.device, at: formatDateTime(w.at, i18n.language) }),
          },
          {
            title: '',
            width: 120,
            render: (_, w) => (
              <Button size="small" onClick={() => void decide(isDelete ? w.value === true : w.value)}>
                {t('conflicts.pick')}
              </Button>
            ),
          },
        ]}
      />
      {isText &&
        (merged === null ? (
          <Button type="link" onClick={() => setMerged(String(c.shown.value))}>
            {t('conflicts.editMerged')}
          </Button>
        ) : (
          <Flex gap={8} style={{ marginTop: 8 }}>
            <Input.TextArea
              value={merged}
              onChange={(e) => setMerged(e.target.value)}
              autoSize
              aria-label={t('conflicts.editMerged')}
            />
            <Button type="primary" onClick={() => void decide(merged)}>
              {t('conflicts.saveMerged')}
            </Button>
          </Flex>
        ))}
    </Card>
  );
}

/** /sync: peers and when we last heard from them, write and read bundles, the receipt, the conflicts. */
export function SyncPage() {
  const { t, i18n } = useTranslation('sync');
  const { message } = AntApp.useApp();
  const peers = usePeers();
  const conflicts = useLiveQuery(() => listConflicts(), []);
  const device = useLiveQuery(() => shownDevice(), []);
  const label = usePeerLabel();
  const [target, setTarget] = useState<string>('all');
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<SyncReceipt | null>(null);
  const [undo, setUndo] = useState<Uint8Array | null>(null);
  const [undone, setUndone] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const fail = (err: unknown) => {
    if (err instanceof PlatformError && err.code === 'cancelled') return;
    message.error(
      err instanceof NoTeamKeyError
        ? t('noKey')
        : err instanceof NoDeviceCodeError
          ? t(`common:${err.messageKey}`)
          : t('failed', { message: (err as Error)?.message ?? String(err) }),
    );
  };

  const write = async () => {
    setBusy(true);
    try {
      const peer = target === 'all' ? undefined : target;
      const b = await writeSyncBundle(peer);
      const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
      const res = await platform.saveFile({
        defaultName: `onsite-desk-sync-${b.from}-to-${peer ?? 'all'}-${stamp}.odsync`,
        data: b.bytes,
        filters: [{ name: t('fileType'), extensions: [...fileTypes.sync] }],
      });
      if (res.saved) message.success(t('written', { changes: b.changes, blobs: b.blobs }));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const read = async () => {
    try {
      const file = await platform.openFile({ filters: [{ name: t('fileType'), extensions: [...fileTypes.sync] }] });
      if (!file) return;
      setBusy(true);
      setRefusal(null);
      const { outcome, undo: snap } = await readWithUndo(file.data);
      if (!outcome.ok) {
        const m = refusalMessage(outcome.refusal);
        setRefusal(t(m.key, m.values));
        setReceipt(null);
        return;
      }
      setReceipt(outcome.receipt);
      setUndo(snap);
      setUndone(false);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const undoIt = async () => {
    if (!undo || !receipt) return;
    setBusy(true);
    try {
      await undoImport(undo, receipt.from);
      setUndone(true);
      message.success(t('receipt.undoneMessage'));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="sync-page">
      <PageHeader
        title={t('title')}
        sub={device ? t('subtitleDevice', { device }) : t('subtitle')}
        extra={
          <>
            <Select
              value={target}
              onChange={setTarget}
              style={{ minWidth: 200 }}
              aria-label={t('target')}
              data-testid="sync-target"
              options={[
                { value: 'all', label: t('allPeers') },
                ...(peers ?? []).map((p) => ({ value: p.device, label: label(p) })),
              ]}
            />
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              loading={busy}
              onClick={() => void write()}
              data-testid="sync-write"
            >
              {t('write')}
            </Button>
            <Button icon={<CloudDownloadOutlined />} loading={busy} onClick={() => void read()} data-testid="sync-read">
              {t('read')}
            </Button>
          </>
        }
      />
      {refusal && (
        <Alert
          type="error"
          showIcon
          title={t('refused.title')}
          description={refusal}
          closable
          style={{ marginBottom: 16 }}
          data-testid="sync-refused"
        />
      )}
      {receipt && (
        <div style={{ marginBottom: 16 }}>
          <ReceiptCard receipt={receipt} onUndo={undo ? () => void undoIt() : undefined} undone={undone} />
        </div>
      )}
      <Card title={t('peers.title')} style={{ marginBottom: 16 }}>
        {peers && peers.length === 0 ? (
          <EmptyState testId="sync-no-peers" title={t('peers.emptyTitle')} description={t('peers.emptyBody')} />
        ) : (
          <Table
            size="small"
            rowKey="device"
            pagination={false}
            loading={!peers}
            dataSource={peers ?? []}
            data-testid="sync-peers"
            columns={[
              { title: t('peers.laptop'), render: (_, p) => label(p) },
              {
                title: t('peers.lastReceived'),
                render: (_, p) => (
                  <span title={formatDateTime(p.receivedAt, i18n.language)}>
                    {relativeTime(p.receivedAt, i18n.language)}
                  </span>
                ),
              },
              {
                title: t('peers.holds'),
                render: (_, p) => Object.values(p.vv).reduce((a, b) => a + b, 0),
              },
            ]}
          />
        )}
      </Card>
      <Card title={t('conflicts.title')}>
        {conflicts && conflicts.length === 0 ? (
          <EmptyState
            testId="sync-no-conflicts"
            title={t('conflicts.emptyTitle')}
            description={t('conflicts.emptyBody')}
          />
        ) : (
          (conflicts ?? []).map((c) => <ConflictItem key={c.id} c={c} />)
        )}
      </Card>
    </div>
  );
}
