import { Button, Descriptions, Drawer, Empty, List, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbArticleContent } from '@shared/schemas/kb';
import { useSaveHandler } from '../../components/useSaveHandler';
import { formatDateTime, useTeam } from '../../core';
import { ArticleBody } from './ArticleBody';
import { restoreVersion, useVersions, type KbArticle } from './kb.repo';

const compared = ['title', 'family', 'systemId', 'symptoms', 'cause', 'steps', 'commands', 'tags', 'faultIds'] as const;

/** Fields of `v` that differ from `current` (shown as "changed since" marks). */
function changedFields(v: KbArticleContent, current: KbArticleContent): Set<string> {
  return new Set(compared.filter((k) => JSON.stringify(v[k] ?? null) !== JSON.stringify(current[k] ?? null)));
}

/** Every saved version of an article: who saved it and when, its content, and restore. */
export function VersionHistory({ article, open, onClose }: { article: KbArticle; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation('kb');
  const versions = useVersions(open ? article.id : undefined);
  const team = useTeam();
  const save = useSaveHandler();
  const [selected, setSelected] = useState<number | null>(null);
  const shown = versions?.find((v) => v.version === selected) ?? versions?.[0];
  const name = (uid: string) => team?.find((m) => m.id === uid)?.name ?? uid;
  const changed = shown ? changedFields(shown.content, article) : new Set<string>();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('history.title', { number: article.number })}
      size="large"
      destroyOnHidden
      data-testid="kb-history"
    >
      <List
        size="small"
        dataSource={versions ?? []}
        loading={!versions}
        locale={{ emptyText: <Empty description={t('history.empty')} /> }}
        renderItem={(v) => (
          <List.Item
            data-testid="kb-version"
            onClick={() => setSelected(v.version)}
            style={{ cursor: 'pointer', background: shown?.id === v.id ? '#e6f4ff' : undefined, paddingInline: 8 }}
            actions={
              v.version === article.version
                ? [
                    <Tag key="cur" color="green">
                      {t('history.current')}
                    </Tag>,
                  ]
                : [
                    <Popconfirm
                      key="restore"
                      title={t('history.confirmRestore', { version: v.version })}
                      okText={t('history.restore')}
                      cancelText={t('common:actions.cancel')}
                      onConfirm={() => void save(() => restoreVersion(article.id, v.version), 'kb:history.restored')}
                    >
                      <Button size="small" onClick={(e) => e.stopPropagation()} data-testid={`kb-restore-${v.version}`}>
                        {t('history.restore')}
                      </Button>
                    </Popconfirm>,
                  ]
            }
          >
            <List.Item.Meta
              title={t('history.versionTitle', {
                version: v.version,
                note: t(`history.notes.${v.note}`, { version: v.restoredFrom }),
              })}
              description={`${formatDateTime(v.createdAt, i18n.language)} · ${name(v.updatedBy)}`}
            />
          </List.Item>
        )}
      />
      {shown && (
        <div style={{ marginTop: 16, borderTop: '1px solid #f0f0f0', paddingTop: 12 }} data-testid="kb-version-preview">
          <Typography.Title level={5}>
            {t('history.preview', { version: shown.version })}
            {shown.version !== article.version && changed.size > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                {t('history.changedHint')}
              </Typography.Text>
            )}
          </Typography.Title>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('fields.title')}>
              {shown.content.title}
              {shown.version !== article.version && changed.has('title') && (
                <Tag color="orange" style={{ marginInlineStart: 8 }}>
                  {t('history.changed')}
                </Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.tags')}>{shown.content.tags.join('、') || '—'}</Descriptions.Item>
          </Descriptions>
          <ArticleBody content={shown.content} changed={shown.version !== article.version ? changed : undefined} />
        </div>
      )}
    </Drawer>
  );
}
