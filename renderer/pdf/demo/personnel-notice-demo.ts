/** Demo data for the personnel change notice (`npm run reports:sample`, tests). */
import type { Language } from '../../i18n/resources';
import { reportFingerprint } from '../hash';
import { demoMeta } from './sample-demo';
import type { PersonnelNoticeData } from '../personnel-notice-report';
import type { BuildOptions } from '../types';

export function personnelNoticeDemoData(): PersonnelNoticeData {
  return {
    client: '申江证券股份有限公司',
    project: '申江证券 信息系统驻场运维服务项目（2026 年度）',
    leaving: '王堃',
    replacement: '张明远',
    replacementPhone: '136 1188 5207',
    replacementProfile:
      '8 年数据中心运维经验，VMware VCP-DCV、华为 HCIP-Security 认证，曾驻场服务两家券商客户，熟悉堡垒机与备份系统运维。',
    reason: '原驻场工程师王堃因公司内部岗位调整调回总部技术服务中心。',
    noticeDate: '2026-11-16',
    plannedDate: '2026-12-21',
    noticeDays: 35,
    handover:
      '12 月 7 日至 12 月 18 日两人同时在场交接：在办故障 3 项、12 月巡检计划、堡垒机与虚拟化平台账号权限、运维文档；交接清单由客户运维负责人签字确认。',
    pm: { name: '周海峰', phone: '138 1762 4409' },
    addressee: { name: '陈镕', department: '信息技术部 系统运维组' },
  };
}

export async function personnelNoticeDemo(
  language: Language,
): Promise<{ data: PersonnelNoticeData; options: BuildOptions }> {
  const data = personnelNoticeDemoData();
  const meta = demoMeta(language, {
    type: 'personnel-notice',
    number: 'RY-202611-A-001',
    period: undefined,
    // The PM's letter, issued on the notice date, to the client's named contact.
    issuedAt: '2026-11-16T10:00:00+08:00',
    issuedBy: data.pm.name,
    signers: [
      { role: 'projectManager', name: data.pm.name },
      { role: 'clientEngineer', name: data.addressee?.name },
    ],
  });
  return { data, options: { meta, dataHash: reportFingerprint(data, meta), timeZone: 'Asia/Shanghai' } };
}
