import { Alert, Button, Flex, Form, Input, Modal, Radio, Select, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSystem } from '@shared/schemas/core';
import type { Inspection, InspectionMode } from '@shared/schemas/inspection';
import { useSaveHandler } from '../../components/useSaveHandler';
import { useSite, useSystems, useTeam } from '../../core';
import { monthEnd, shanghaiMonth } from './deadlines';
import { createPlan, updatePlan, useInspections } from './inspections.repo';
import { pick } from '@shared/domain/inspection-judge';
import { defaultTemplateFor, useTemplateEntries } from './templates.repo';

interface Row {
  engineerId?: string;
  templateId?: string;
}

/** Plans a month's inspection (or changes an unfinished plan): month, mode, systems, engineer and checklist per system. */
export function PlanDialog({
  inspection,
  onClose,
  onSaved,
}: {
  inspection?: Inspection;
  onClose: () => void;
  onSaved?: (i: Inspection) => void;
}) {
  const { t, i18n } = useTranslation('inspections');
  const save = useSaveHandler();
  const systems = useSystems();
  const team = useTeam();
  const site = useSite();
  const entries = useTemplateEntries();
  const existing = useInspections();
  const engineers = (team ?? []).filter((m) => m.active);
  const [month, setMonth] = useState(inspection?.month ?? shanghaiMonth(new Date()));
  const [mode, setMode] = useState<InspectionMode>(inspection?.mode ?? 'routine');
  const [dueDate, setDueDate] = useState(inspection?.dueDate ?? monthEnd(month));
  const [note, setNote] = useState(inspection?.note ?? '');
  const [selected, setSelected] = useState<string[]>(inspection?.systems.map((s) => s.systemId) ?? []);
  const [config, setConfig] = useState<Record<string, Row>>({});
  const [error, setError] = useState<string | null>(null);

  // Defaults once the lists load: the plan's own choices, else the current user and the family's template.
  useEffect(() => {
    if (!systems || !entries || !site) return;
    setConfig((prev) => {
      const next = { ...prev };
      for (const s of systems) {
        if (next[s.id]) continue;
        const planned = inspection?.systems.find((x) => x.systemId === s.id);
        const plannedTemplate =
          planned && entries.find((e) => `${e.template.templateKey}@${e.template.version}` === planned.templateRef);
        next[s.id] = {
          engineerId: planned?.engineerId ?? site.currentUserId,
          templateId: plannedTemplate?.id ?? defaultTemplateFor(s.family, entries)?.id,
        };
      }
      return next;
    });
  }, [systems, entries, site, inspection]);

  const active = useMemo(() => (systems ?? []).filter((s) => s.active || selected.includes(s.id)), [systems, selected]);
  const planElsewhere = (existing ?? [])
    .filter((i) => i.month === month && i.id !== inspection?.id)
    .flatMap((i) => i.systems.map((s) => s.systemId));
  const set = (id: string, patch: Row) => setConfig((c) => ({ ...c, [id]: { ...c[id], ...patch } }));
  const engineerOptions = engineers.map((m) => ({
    value: m.id,
    label: t('plan.engineerOption', { name: m.name, role: t(`common:roles.${m.role}`) }),
  }));

  /** Splits the selected systems between the two resident engineers, family by family, alternating. */
  const split = () => {
    const pair = engineers.filter((m) => m.role === 'engineer').slice(0, 2);
    if (pair.length < 2) return;
    const ordered = active
      .filter((s) => selected.includes(s.id))
      .sort((a, b) => a.family.localeCompare(b.family) || a.name.localeCompare(b.name, 'zh-CN'));
    setConfig((c) =>
      Object.fromEntries(
        Object.entries(c).map(([id, row]) => [
          id,
          {
            ...row,
            engineerId:
              ordered.findIndex((s) => s.id === id) >= 0
                ? pair[ordered.findIndex((s) => s.id === id) % 2].id
                : row.engineerId,
          },
        ]),
      ),
    );
  };

  const submit = async () => {
    setError(null);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return setError(t('plan.errors.month'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate) || dueDate < `${month}-01`) return setError(t('plan.errors.dueDate'));
    if (selected.length === 0) return setError(t('plan.errors.noSystems'));
    const missing = selected.filter((id) => !config[id]?.engineerId || !config[id]?.templateId);
    if (missing.length)
      return setError(
        t('plan.errors.incomplete', { names: missing.map((id) => systems?.find((s) => s.id === id)?.name).join('、') }),
      );
    const input = {
      month,
      mode,
      dueDate,
      note,
      systems: selected.map((id) => ({
        systemId: id,
        engineerId: config[id].engineerId!,
        templateId: config[id].templateId!,
      })),
    };
    let saved: Inspection | undefined;
    const ok = await save(async () => {
      saved = inspection ? await updatePlan(inspection.id, input) : await createPlan(input);
    }, 'inspections:plan.saved');
    if (ok && saved) {
      onClose();
      onSaved?.(saved);
    }
  };

  const columns = [
    {
      title: t('col.system'),
      dataIndex: 'name',
      sorter: (a: ClientSystem, b: ClientSystem) => a.name.localeCompare(b.name, 'zh-CN'),
    },
    {
      title: t('col.family'),
      dataIndex: 'family',
      render: (f: string) => t(`common:families.${f}`),
      sorter: (a: ClientSystem, b: ClientSystem) => a.family.localeCompare(b.family),
    },
    {
      title: t('col.engineer'),
      key: 'engineer',
      width: 170,
      render: (_: unknown, s: ClientSystem) => (
        <Select
          size="small"
          style={{ width: 160 }}
          value={config[s.id]?.engineerId}
          options={engineerOptions}
          onChange={(v) => set(s.id, { engineerId: v })}
          aria-label={t('plan.engineerFor', { name: s.name })}
          data-testid={`plan-engineer-${s.id}`}
        />
      ),
    },
    {
      title: t('col.template'),
      key: 'template',
      width: 280,
      render: (_: unknown, s: ClientSystem) => {
        const options = (entries ?? [])
          .filter((e) => e.template.family === s.family)
          .map((e) => ({
            value: e.id,
            label: `${pick(e.template.title, i18n.language)} · v${e.template.version}${e.isBuiltIn ? ` · ${t('templates.builtIn')}` : ''}`,
          }));
        if (!options.length) return <Typography.Text type="warning">{t('plan.noTemplate')}</Typography.Text>;
        return (
          <Select
            size="small"
            style={{ width: 270 }}
            value={config[s.id]?.templateId}
            options={options}
            onChange={(v) => set(s.id, { templateId: v })}
            aria-label={t('plan.templateFor', { name: s.name })}
          />
        );
      },
    },
  ];

  return (
    <Modal
      open
      width={960}
      title={inspection ? t('plan.editTitle', { number: inspection.number }) : t('plan.new')}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      data-testid="plan-dialog"
    >
      <Form layout="vertical" onFinish={() => void submit()}>
        <Flex gap={16} wrap>
          <Form.Item label={t('plan.month')} required>
            <Input
              type="month"
              value={month}
              onChange={(e) => {
                setMonth(e.target.value);
                if (e.target.value && !inspection) setDueDate(monthEnd(e.target.value));
              }}
              data-testid="plan-month"
            />
          </Form.Item>
          <Form.Item label={t('plan.dueDate')} required tooltip={t('plan.dueDateHint')}>
            <Input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} data-testid="plan-due" />
          </Form.Item>
          <Form.Item label={t('plan.mode')}>
            <Radio.Group
              value={mode}
              onChange={(e) => setMode(e.target.value)}
              optionType="button"
              options={(['routine', 'deep'] as const).map((m) => ({ value: m, label: t(`mode.${m}`) }))}
            />
          </Form.Item>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t(`plan.modeHint.${mode}`)}
        </Typography.Paragraph>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Text strong>{t('plan.systems', { count: selected.length })}</Typography.Text>
          <Button size="small" onClick={split} disabled={selected.length < 2} data-testid="plan-split">
            {t('plan.split')}
          </Button>
        </Flex>
        <Table<ClientSystem>
          rowKey="id"
          size="small"
          dataSource={active}
          columns={columns}
          pagination={false}
          scroll={{ y: 320 }}
          loading={!systems}
          locale={{ emptyText: t('plan.noSystems') }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as string[]),
            getCheckboxProps: (s) => ({
              disabled: !(entries ?? []).some((e) => e.template.family === s.family),
              'aria-label': s.name,
            }),
          }}
          data-testid="plan-systems"
        />
        {selected.some((id) => planElsewhere.includes(id)) && (
          <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('plan.alreadyPlanned')} />
        )}
        <Form.Item label={t('plan.note')} style={{ marginTop: 12, marginBottom: 0 }}>
          <Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
        </Form.Item>
        {error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={error} data-testid="plan-error" />}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
