import { ArrowLeftOutlined, CheckCircleOutlined, CloudSyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Flex, Progress, Row, Switch, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionAnswer } from '@shared/schemas/inspection';
import { PageHeader } from '../../components/PageHeader';
import { useSaveHandler } from '../../components/useSaveHandler';
import { formatDateTime, useSite, useTeam } from '../../core';
import { navigate } from '../../app/router';
import { EscalateDialog } from './EscalateDialog';
import { FinishDialog } from './FinishDialog';
import {
  answerId,
  resumePoint,
  runSystems,
  saveAnswer,
  useAnswers,
  useEvidenceCounts,
  useInspection,
  type AnswerPatch,
} from './inspections.repo';
import { ItemCard, type ItemCardHandle } from './ItemCard';
import { answerKey, finishProblems, isAnswered, pick, progressOf, sumProgress } from '@shared/domain/inspection-judge';
import { StatusTag } from './tags';
import { useTrends } from './trends.repo';

/** Running an inspection: system by system, item by item, every answer saved as it is given. */
export function RunPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation('inspections');
  const { message } = App.useApp();
  const save = useSaveHandler();
  const insp = useInspection(id);
  const answers = useAnswers(id);
  const evidence = useEvidenceCounts(id);
  const trends = useTrends(insp);
  const team = useTeam();
  const site = useSite();
  const [systemId, setSystemId] = useState<string>();
  const [mineOnly, setMineOnly] = useState(false);
  const [saving, setSaving] = useState(0);
  const [savedAt, setSavedAt] = useState<string>();
  const [escalating, setEscalating] = useState<string>();
  const [finishing, setFinishing] = useState(false);
  const cards = useRef(new Map<string, ItemCardHandle>());
  const pendingFocus = useRef<string | undefined>(undefined);

  const systems = useMemo(() => (insp ? runSystems(insp) : []), [insp]);
  const byKey = useMemo(() => new Map((answers ?? []).map((a) => [answerKey(a.systemId, a.itemId), a])), [answers]);
  const answerOf = (s: string, item: string): InspectionAnswer | undefined => byKey.get(answerKey(s, item));
  const readOnly = insp?.status === 'finished';

  // Resume where the run stopped: the system last worked on, at its first open item.
  useEffect(() => {
    if (!insp || !answers || systemId) return;
    const point = resumePoint(insp, answers, (s, itemId) => {
      const item = systems.find((x) => x.systemId === s)?.items.find((i) => i.id === itemId);
      return !!item && isAnswered(item, answerOf(s, itemId));
    });
    if (point) {
      setSystemId(point.systemId);
      pendingFocus.current = point.itemId;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [insp, answers, systemId, systems]);
  useEffect(() => {
    const item = pendingFocus.current;
    if (!item) return;
    const timer = setTimeout(() => {
      cards.current.get(item)?.focus();
      pendingFocus.current = undefined;
    }, 50);
    return () => clearTimeout(timer);
  });

  if (insp === null) return <Empty description={t('errors.notFound')} />;
  if (!insp || !answers) return null;
  const nameOf = (uid: string) => team?.find((m) => m.id === uid)?.name ?? uid;
  const progressOfSystem = (sid: string) =>
    progressOf(systems.find((s) => s.systemId === sid)?.items ?? [], (item) => answerOf(sid, item));
  const overall = sumProgress(systems.map((s) => progressOfSystem(s.systemId)));
  const visible = insp.systems.filter((s) => !mineOnly || s.engineerId === site?.currentUserId);
  const current = insp.systems.find((s) => s.systemId === systemId) ?? visible[0];
  const items = systems.find((s) => s.systemId === current?.systemId)?.items ?? [];
  const template = current ? insp.templates[current.templateRef] : undefined;

  const onSave = (sid: string, itemId: string) => (patch: AnswerPatch) => {
    setSaving((n) => n + 1);
    void save(() => saveAnswer(insp.id, sid, itemId, patch), null)
      .then((ok) => ok && setSavedAt(new Date().toISOString()))
      .finally(() => setSaving((n) => n - 1));
  };
  const next = (index: number) => () => {
    const following = items[index + 1];
    if (following) cards.current.get(following.id)?.focus();
    else message.info(t('run.systemDone', { name: current?.name }));
  };
  const problems = () => finishProblems(systems, byKey, (s, item) => evidence?.get(answerId(insp.id, s, item)) ?? 0);
  const jump = (sid: string, itemId: string) => {
    setFinishing(false);
    setSystemId(sid);
    pendingFocus.current = itemId;
  };
  const escalatingItem = escalating ? items.find((i) => i.id === escalating) : undefined;
  const escalatingAnswer = escalating && current ? answerOf(current.systemId, escalating) : undefined;

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              aria-label={t('common:actions.cancel')}
              onClick={() => navigate(`/inspections/${insp.id}`)}
            />
            {t('run.title', { number: insp.number })}
            <StatusTag status={insp.status} />
            <Tag>{t(`mode.${insp.mode}`)}</Tag>
          </Flex>
        }
        sub={t('run.keyboardHint')}
        extra={
          <>
            <Typography.Text type="secondary" data-testid="autosave-status">
              <CloudSyncOutlined />{' '}
              {saving > 0
                ? t('run.saving')
                : savedAt
                  ? t('run.savedAt', { time: formatDateTime(savedAt, i18n.language).slice(-5) })
                  : t('run.autosave')}
            </Typography.Text>
            {!readOnly && (
              <Button
                type="primary"
                icon={<CheckCircleOutlined />}
                onClick={() => setFinishing(true)}
                data-testid="run-finish"
              >
                {t('run.finish')}
              </Button>
            )}
          </>
        }
      />
      {readOnly && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('run.finishedReadOnly')} />}
      <Flex align="center" gap={12} style={{ marginBottom: 12 }}>
        <Typography.Text strong>{t('run.overall')}</Typography.Text>
        <Progress percent={overall.percent} style={{ flex: 1, margin: 0 }} data-testid="overall-progress" />
        <Typography.Text type="secondary">
          {t('thisMonth.counts', { answered: overall.answered, total: overall.total, abnormal: overall.abnormal })}
        </Typography.Text>
      </Flex>
      <Row gutter={16}>
        <Col xs={24} lg={7}>
          <Card
            size="small"
            title={t('run.systems')}
            extra={
              <Switch
                size="small"
                checked={mineOnly}
                onChange={setMineOnly}
                checkedChildren={t('run.mine')}
                unCheckedChildren={t('run.all')}
                aria-label={t('run.mineOnly')}
              />
            }
          >
            <Flex vertical gap={6} data-testid="run-systems">
              {visible.map((s) => {
                const p = progressOfSystem(s.systemId);
                const isCurrent = s.systemId === current?.systemId;
                return (
                  <Button
                    key={s.systemId}
                    type={isCurrent ? 'primary' : 'default'}
                    ghost={isCurrent}
                    onClick={() => setSystemId(s.systemId)}
                    style={{ height: 'auto', textAlign: 'start', padding: '6px 10px' }}
                    data-testid={`run-system-${s.systemId}`}
                  >
                    <Flex vertical style={{ width: '100%' }}>
                      <Flex justify="space-between" gap={8}>
                        <Typography.Text ellipsis style={{ maxWidth: 190 }}>
                          {s.name}
                        </Typography.Text>
                        {p.abnormal > 0 && <Tag color="error">{t('run.abnormalCount', { count: p.abnormal })}</Tag>}
                      </Flex>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {nameOf(s.engineerId)} ·{' '}
                        {t('thisMonth.counts', { answered: p.answered, total: p.total, abnormal: p.abnormal })}
                      </Typography.Text>
                      <Progress percent={p.percent} size="small" showInfo={false} style={{ margin: 0 }} />
                    </Flex>
                  </Button>
                );
              })}
              {visible.length === 0 && <Typography.Text type="secondary">{t('run.noMine')}</Typography.Text>}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={17}>
          {current && (
            <Flex vertical gap={12} data-testid="run-items">
              <Card size="small">
                <Flex justify="space-between" wrap gap={8}>
                  <div>
                    <Typography.Title level={5} style={{ margin: 0 }} data-testid="run-system-title">
                      {current.name}
                    </Typography.Title>
                    <Typography.Text type="secondary">
                      {t('run.systemLine', {
                        family: t(`common:families.${current.family}`),
                        model: `${current.vendor} ${current.model} ${current.version}`.trim(),
                        engineer: nameOf(current.engineerId),
                        template: template ? `${pick(template.title, i18n.language)} v${template.version}` : '',
                      })}
                    </Typography.Text>
                  </div>
                  <Progress type="circle" size={48} percent={progressOfSystem(current.systemId).percent} />
                </Flex>
              </Card>
              {items.map((item, index) => (
                <ItemCard
                  key={`${current.systemId}|${item.id}`}
                  ref={(h) => {
                    if (h) cards.current.set(item.id, h);
                    else cards.current.delete(item.id);
                  }}
                  index={index}
                  item={item}
                  answer={answerOf(current.systemId, item.id)}
                  answerId={answerId(insp.id, current.systemId, item.id)}
                  readOnly={readOnly}
                  history={trends?.get(current.systemId)?.get(item.id) ?? []}
                  month={insp.month}
                  evidenceCount={evidence?.get(answerId(insp.id, current.systemId, item.id)) ?? 0}
                  onSave={onSave(current.systemId, item.id)}
                  onNext={next(index)}
                  onEscalate={() => setEscalating(item.id)}
                />
              ))}
            </Flex>
          )}
        </Col>
      </Row>
      {finishing && (
        <FinishDialog inspection={insp} problems={problems()} onJump={jump} onClose={() => setFinishing(false)} />
      )}
      {escalatingItem && escalatingAnswer && current && (
        <EscalateDialog
          inspectionId={insp.id}
          inspectionNumber={insp.number}
          system={current}
          item={escalatingItem}
          answer={escalatingAnswer}
          onClose={() => setEscalating(undefined)}
        />
      )}
    </>
  );
}
