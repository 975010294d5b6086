/**
 * The dialog behind each action-bar button: a time (now by default, editable when recording
 * afterwards) and the fields the step needs; on save, a password or key pasted into a text is
 * offered for masking (the access feature's secret check), then the events go into the log in one
 * transaction.
 */
import { Alert, Checkbox, Form, Input, Modal, Rate, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionKinds, type FaultRecord } from '@shared/schemas/fault';
import { isoToLocalInput, localInputToIso, useFieldSubmit, useRules, useTeam } from '../../core';
import { getActor } from '../../db';
import { useSecretCheck } from '../access';
import { closeReadiness, type FaultCommand } from './fault-model';
import { appendFaultEvents, type NewEvent } from './faults.repo';

export type DialogCommand = Exclude<FaultCommand, 'escalate' | 'report'>;

const simple: Partial<Record<DialogCommand, NewEvent['type']>> = {
  respond: 'responded',
  reply: 'replied',
  onsite: 'onsite-requested',
  arrived: 'arrived',
  pause: 'paused',
  resume: 'resumed',
  reopen: 'reopened',
};

type Values = Record<string, string | number | boolean | undefined>;
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const noteOf = (v: Values) => (str(v.note) ? { note: str(v.note) } : {});
/** The free texts of the dialogs, checked for secrets before they are saved. */
const textFields = ['note', 'what', 'result', 'rootCause', 'resolution', 'prevention', 'comment', 'waiveReason'];

/** The instant to record: the exact current time when the field was left at its default. */
function eventAt(value: string, initial: string): string {
  return value === initial ? new Date().toISOString() : localInputToIso(value);
}

function buildEvents(command: DialogCommand, v: Values, at: string, fault: FaultRecord): NewEvent[] {
  const type = simple[command];
  if (type) return [{ type, at, payload: noteOf(v) } as NewEvent];
  switch (command) {
    case 'action': {
      const payload = {
        kind: v.kind as (typeof actionKinds)[number],
        engineerId: String(v.engineerId ?? getActor()),
        what: str(v.what),
        result: str(v.result),
      };
      const part =
        v.kind === 'spare-part' ? { part: str(v.part), oldSerial: str(v.oldSerial), newSerial: str(v.newSerial) } : {};
      return [{ type: 'action', at, payload: { ...payload, ...part } }];
    }
    case 'resolve':
      return [
        {
          type: 'resolved',
          at,
          payload: { rootCause: str(v.rootCause), resolution: str(v.resolution), prevention: str(v.prevention) },
        },
      ];
    case 'confirm':
      return [
        {
          type: 'confirmation',
          at,
          payload: { satisfaction: Number(v.satisfaction), comment: str(v.comment), confirmedBy: str(v.confirmedBy) },
        },
      ];
    case 'close':
      return [
        ...(v.waive ? [{ type: 'report-waived', at, payload: { reason: str(v.waiveReason) } } as NewEvent] : []),
        { type: 'closed', at, payload: noteOf(v) },
      ];
    case 'reassign':
      return [
        { type: 'assignment', at, payload: { fromId: fault.assigneeId, toId: String(v.assigneeId), ...noteOf(v) } },
      ];
    default:
      return [];
  }
}

export function CommandDialog({
  command,
  fault,
  onClose,
}: {
  command: DialogCommand;
  fault: FaultRecord;
  onClose: () => void;
}) {
  const { t } = useTranslation('faults');
  const r = useRules();
  const team = useTeam();
  const [form] = Form.useForm<Values>();
  const submit = useFieldSubmit(form);
  const [busy, setBusy] = useState(false);
  const initialAt = useMemo(() => isoToLocalInput(new Date().toISOString()), []);
  const kind = Form.useWatch('kind', form);
  const waive = Form.useWatch('waive', form);
  const readiness = closeReadiness(fault);
  const blocked = command === 'close' && readiness === 'needs-report';

  const checkSecrets = useSecretCheck();

  const ok = async () => {
    const typed = await form.validateFields();
    const v = await checkSecrets(typed, textFields);
    if (!v) return;
    if (v !== typed) form.setFieldsValue(v);
    setBusy(true);
    const at = command === 'reassign' ? new Date().toISOString() : eventAt(String(v.at), initialAt);
    const done = await submit(() => appendFaultEvents(fault.id, buildEvents(command, v, at, fault)));
    setBusy(false);
    if (done) onClose();
  };
  const required = r.required;
  return (
    <Modal
      open
      title={t(`commands.${command}`)}
      onOk={() => void ok()}
      onCancel={onClose}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      okButtonProps={{ disabled: blocked, loading: busy, 'data-testid': 'dialog-ok' }}
      destroyOnHidden
      width={command === 'action' || command === 'resolve' ? 640 : 520}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          at: initialAt,
          kind: 'phone-guidance',
          engineerId: getActor(),
          confirmedBy: fault.reporter.name,
          satisfaction: 5,
          assigneeId: undefined,
        }}
        onFinish={() => void ok()}
      >
        {t(`commandHints.${command}`, { defaultValue: '' }) && (
          <Typography.Paragraph type="secondary">{t(`commandHints.${command}`)}</Typography.Paragraph>
        )}
        {command !== 'reassign' && (
          <Form.Item
            name="at"
            label={t('form.at')}
            extra={t('form.timeHint')}
            rules={[{ required: true, message: t('errors.timeRequired') }]}
          >
            <Input type="datetime-local" data-testid="event-at" />
          </Form.Item>
        )}
        {command === 'action' && (
          <>
            <Form.Item name="kind" label={t('form.kind')} rules={[required]}>
              <Select
                options={actionKinds.map((k) => ({ value: k, label: t(`actionKinds.${k}`) }))}
                data-testid="action-kind"
              />
            </Form.Item>
            <Form.Item name="engineerId" label={t('form.engineer')} rules={[required]}>
              <Select options={(team ?? []).map((m) => ({ value: m.id, label: m.name }))} />
            </Form.Item>
            <Form.Item name="what" label={t('form.what')} rules={[required, r.max(4000)]}>
              <Input.TextArea rows={3} autoFocus placeholder={t('form.whatPlaceholder')} data-testid="action-what" />
            </Form.Item>
            <Form.Item
              name="result"
              label={t('form.result')}
              rules={kind === 'note' ? [r.max(4000)] : [required, r.max(4000)]}
            >
              <Input.TextArea rows={2} data-testid="action-result" />
            </Form.Item>
            {kind === 'spare-part' && (
              <>
                <Form.Item name="part" label={t('form.part')} rules={[required, r.max(120)]}>
                  <Input />
                </Form.Item>
                <Form.Item name="oldSerial" label={t('form.oldSerial')} rules={[required, r.max(80)]}>
                  <Input />
                </Form.Item>
                <Form.Item name="newSerial" label={t('form.newSerial')} rules={[required, r.max(80)]}>
                  <Input />
                </Form.Item>
              </>
            )}
          </>
        )}
        {command === 'resolve' && (
          <>
            <Form.Item name="rootCause" label={t('form.rootCause')} rules={[required, r.max(4000)]}>
              <Input.TextArea rows={3} autoFocus data-testid="root-cause" />
            </Form.Item>
            <Form.Item name="resolution" label={t('form.resolution')} rules={[required, r.max(4000)]}>
              <Input.TextArea rows={3} data-testid="resolution" />
            </Form.Item>
            <Form.Item name="prevention" label={t('form.prevention')} rules={[r.max(4000)]}>
              <Input.TextArea rows={2} data-testid="prevention" />
            </Form.Item>
          </>
        )}
        {command === 'confirm' && (
          <>
            <Form.Item
              name="satisfaction"
              label={t('form.satisfaction')}
              rules={[
                {
                  validator: (_r, v: unknown) =>
                    typeof v === 'number' && v >= 1 ? Promise.resolve() : Promise.reject(new Error()),
                  message: t('common:validation.required'),
                },
              ]}
            >
              {/* A click on the chosen star keeps it (cleared, it would be 0: no rating at all). */}
              <Rate data-testid="satisfaction" allowClear={false} />
            </Form.Item>
            <Form.Item name="confirmedBy" label={t('form.confirmedBy')} rules={[r.max(60)]}>
              <Input />
            </Form.Item>
            <Form.Item name="comment" label={t('form.comment')} rules={[r.max(2000)]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
        {command === 'close' && (
          <>
            <Alert
              style={{ marginBottom: 12 }}
              showIcon
              type={readiness === 'ready' ? 'success' : readiness === 'needs-waiver' ? 'warning' : 'error'}
              title={t(
                readiness === 'ready'
                  ? 'form.closeReady'
                  : readiness === 'needs-waiver'
                    ? 'form.closeNeedsWaiver'
                    : 'form.closeNeedsReport',
              )}
              data-testid="close-readiness"
            />
            {readiness === 'needs-waiver' && (
              <Form.Item
                name="waive"
                valuePropName="checked"
                rules={[
                  {
                    validator: (_, v) =>
                      v ? Promise.resolve() : Promise.reject(new Error(t('errors.closeNeedsReport'))),
                  },
                ]}
              >
                <Checkbox>{t('form.waive')}</Checkbox>
              </Form.Item>
            )}
            {waive && (
              <Form.Item
                name="waiveReason"
                label={t('form.waiveReason')}
                rules={[{ ...required, message: t('errors.reasonRequired') }, r.max(1000)]}
              >
                <Input.TextArea rows={2} />
              </Form.Item>
            )}
          </>
        )}
        {command === 'reassign' && (
          <Form.Item name="assigneeId" label={t('form.assignee')} rules={[required]}>
            <Select
              options={(team ?? [])
                .filter((m) => m.id !== fault.assigneeId)
                .map((m) => ({ value: m.id, label: m.name }))}
              data-testid="reassign-to"
            />
          </Form.Item>
        )}
        {command !== 'action' && command !== 'resolve' && command !== 'confirm' && (
          <Form.Item name="note" label={t('form.note')} rules={[r.max(2000)]}>
            <Input.TextArea
              rows={2}
              autoFocus={command !== 'close' && command !== 'reassign'}
              data-testid="event-note"
            />
          </Form.Item>
        )}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
