import { Col, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '@shared/schemas/core';
import { credentialSchema, type Credential } from '@shared/schemas/credential';
import { AccessError } from './credentials.repo';
import { hashPin, pinProblem } from './pin';

/**
 * First-run setup, step “PINs”: each roster member may set their PIN on this laptop now (optional:
 * whoever leaves it empty sets it at the first unlock). Rendered inside the wizard's form, fields `pins[i]`.
 */
export function SetupPinFields({ names }: { names: string[] }) {
  const { t } = useTranslation('access');
  const rule = {
    validator: async (_: unknown, v: string | undefined) => {
      const p = v ? pinProblem(v) : null;
      if (p) throw new Error(t(`errors.${p}`));
    },
  };
  return (
    <>
      <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
      {names.map((name, i) => (
        <Row gutter={12} key={i}>
          <Col span={12}>
            <Form.Item
              name={['pins', i]}
              label={t('setup.pinOf', { name: name || t('setup.member', { n: i + 1 }) })}
              rules={[rule]}
              extra={i === 0 ? t('lock.pinRule') : undefined}
            >
              <Input.Password autoComplete="new-password" data-testid={`setup-pin-${i}`} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name={['pins2', i]}
              label={t('lock.newPin2')}
              dependencies={[['pins', i]]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_: unknown, v: string | undefined) => {
                    if ((getFieldValue(['pins', i]) ?? '') !== (v ?? '')) throw new Error(t('lock.mismatch'));
                  },
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" data-testid={`setup-pin2-${i}`} />
            </Form.Item>
          </Col>
        </Row>
      ))}
    </>
  );
}

/** The credential rows (hashed) for the PINs given at setup; empty ones are skipped. */
export async function setupCredentials(
  team: TeamMember[],
  pins: Array<string | undefined> = [],
): Promise<Credential[]> {
  const out: Credential[] = [];
  for (const [i, m] of team.entries()) {
    const pin = pins[i];
    if (!pin) continue;
    const problem = pinProblem(pin);
    if (problem) throw new AccessError(problem);
    out.push(
      credentialSchema.parse({
        memberId: m.id,
        ...(await hashPin(pin)),
        failures: 0,
        createdAt: m.createdAt,
        updatedAt: m.createdAt,
        updatedBy: m.id,
      }),
    );
  }
  return out;
}
