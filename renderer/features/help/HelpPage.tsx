import { Card, Flex, Menu, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { navigate } from '../../app/router';
import { useClockConfig } from '../../core';
import { helpAreas, spokenMinutes, type HelpArea } from './help-areas';

/** The contract's rules as the app applies them, with the numbers in force: the areas on the left, one shown. */
export function HelpPage({ area }: { area: HelpArea }) {
  const { t, i18n } = useTranslation('help');
  const { calendar, policy } = useClockConfig();
  const d = (m: number) => spokenMinutes(m, i18n.language);
  const values = {
    rResp: d(policy.remote.responseMinutes),
    rRes: d(policy.remote.resolutionMinutes),
    rRep: d(policy.remote.reportMinutes),
    oResp: d(policy.onsite.responseMinutes),
    oArr: d(policy.onsite.arrivalMinutes),
    oFix: d(policy.onsite.fixMinutes),
    oRep: d(policy.onsite.reportMinutes),
    eGen: d(policy.email.generalReplyMinutes),
    eCx: d(policy.email.complexReplyMinutes),
    sr: d(policy.serviceRequest.responseMinutes),
    risk: Math.round(policy.atRiskRatio * 100),
    hours: calendar.workHours.map((w) => `${w.start}–${w.end}`).join(', '),
    interpolation: { escapeValue: false },
  };

  return (
    <>
      <PageHeader title={t('title')} sub={t('sub')} />
      <Flex gap={16} align="flex-start">
        <Menu
          aria-label={t('title')}
          selectedKeys={[area]}
          style={{ width: 220, flex: 'none' }}
          items={helpAreas.map((a) => ({ key: a, label: t(`areas.${a}.title`) }))}
          onClick={(e) => navigate(`/help/${e.key}`)}
        />
        <Flex vertical gap={16} style={{ flex: 1, maxWidth: 900 }}>
          {[area].map((a) => (
            <Card key={a} size="small" title={t(`areas.${a}.title`)} data-testid={`help-${a}`}>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {(t(`areas.${a}.points`, { returnObjects: true, ...values }) as string[]).map((p, i) => (
                  <li key={i}>
                    <Typography.Paragraph style={{ marginBottom: 6 }}>{p}</Typography.Paragraph>
                  </li>
                ))}
              </ul>
            </Card>
          ))}
        </Flex>
      </Flex>
    </>
  );
}
