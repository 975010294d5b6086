/** Demo data for the training PDFs (`npm run reports:sample`, tests). */
import type { Language } from '../../i18n/resources';
import { reportFingerprint } from '../hash';
import { demoMeta } from './sample-demo';
import type { TrainingRecordData } from '../training-record-report';
import type { TrainingSummaryData } from '../training-summary-report';
import type { BuildOptions } from '../types';

export const demoAttendees = [
  { name: '陈镕', department: '信息技术部 系统运维组' },
  { name: '赵磊', department: '信息技术部 交易运维组' },
  { name: '刘婷', department: '信息安全部' },
  { name: '钱晓雯', department: '信息技术部 系统运维组' },
  { name: '孙浩然', department: '信息技术部 网络组' },
  { name: '周祎', department: '信息技术部 交易运维组' },
  { name: '吴昊', department: '信息技术部 系统运维组' },
  { name: '郑珺', department: '运营管理部' },
];

export function trainingRecordDemoData(): TrainingRecordData {
  return {
    type: 'inspection',
    topic: 'vSphere 数据存储容量管理与快照清理',
    startDate: '2026-11-18',
    endDate: '2026-11-18',
    hours: 2,
    trainer: '李喆',
    location: '申江证券大厦 18 层 1806 会议室',
    content:
      '1. 数据存储容量告警阈值与巡检检查项\n2. 快照堆积的识别（esxcli / PowerCLI）与合并操作\n3. Storage vMotion 迁移与注意事项\n4. 现场演示：清理测试集群孤立 VMDK',
    feedback: '内容贴合日常运维，演示清楚；希望下次增加 vSAN 容量规划内容。',
    rating: 5,
    attendees: demoAttendees,
    blankRows: 3,
    sessions: [{ date: '2026-11-18', start: '14:00', end: '16:00' }],
    materials: [
      '《vSphere 数据存储容量管理》讲义（PDF，24 页）',
      'PowerCLI 快照巡检脚本 snapshot-audit.ps1',
      '现场演示环境：测试集群 TEST-VC01',
    ],
  };
}

export function trainingSummaryDemoData(): TrainingSummaryData {
  const topics = [
    'vSphere 日常巡检要点',
    '堡垒机审计与会话回放',
    '备份作业失败排查',
    'vSphere 数据存储容量管理与快照清理',
  ];
  const dates = ['2026-03-18', '2026-06-17', '2026-09-16', '2026-11-18'];
  return {
    year: 2026,
    asOf: '2026-11-30',
    inspection: dates.map((d, i) => ({
      slot: i + 1,
      dueDate: i === 3 ? '2026-12-09' : d,
      state: 'met',
      topic: topics[i],
      heldOn: d,
    })),
    special: {
      state: 'met',
      period: { from: '2026-01-01', to: '2026-12-31' },
      dueDate: '2026-10-21',
      heldFrom: '2026-05-12',
      heldTo: '2026-05-14',
      topic: 'VMware vSAN 与私有云运维专项培训',
    },
    trainings: [
      {
        startDate: '2026-02-26',
        endDate: '2026-02-26',
        type: 'onsite',
        topic: '驻场服务体系与故障报修流程',
        trainer: '周海峰',
        hours: 1.5,
        attendees: 12,
        rating: 5,
      },
      {
        startDate: '2026-03-18',
        endDate: '2026-03-18',
        type: 'inspection',
        topic: topics[0],
        trainer: '李喆',
        hours: 2,
        attendees: 8,
        rating: 4,
      },
      {
        startDate: '2026-04-09',
        endDate: '2026-04-09',
        type: 'adhoc',
        topic: '防火墙 HA 脑裂故障复盘',
        trainer: '王堃',
        hours: 1,
        attendees: 5,
      },
      {
        startDate: '2026-05-12',
        endDate: '2026-05-14',
        type: 'special',
        topic: 'VMware vSAN 与私有云运维专项培训',
        trainer: '孙立',
        hours: 18,
        attendees: 10,
        rating: 5,
      },
      {
        startDate: '2026-06-17',
        endDate: '2026-06-17',
        type: 'inspection',
        topic: topics[1],
        trainer: '王堃',
        hours: 2,
        attendees: 7,
        rating: 4,
      },
      {
        startDate: '2026-08-20',
        endDate: '2026-08-20',
        type: 'vendor',
        topic: '深信服 AF 8.0 新特性',
        trainer: '深信服 技术支持',
        hours: 3,
        attendees: 6,
      },
      {
        startDate: '2026-09-16',
        endDate: '2026-09-16',
        type: 'inspection',
        topic: topics[2],
        trainer: '李喆',
        hours: 2,
        attendees: 9,
        rating: 5,
      },
      {
        startDate: '2026-11-18',
        endDate: '2026-11-18',
        type: 'inspection',
        topic: topics[3],
        trainer: '李喆',
        hours: 2,
        attendees: 8,
        rating: 5,
      },
    ],
    feedback: [
      {
        date: '2026-05-14',
        topic: 'VMware vSAN 与私有云运维专项培训',
        text: '三天安排紧凑，实验环境充分，希望提供课件电子版。',
      },
      { date: '2026-11-18', topic: topics[3], text: '内容贴合日常运维，演示清楚；希望下次增加 vSAN 容量规划内容。' },
    ],
  };
}

function options(
  language: Language,
  type: 'training-record' | 'training-summary',
  number: string,
  data: unknown,
  period?: { from: string; to: string },
): BuildOptions {
  const meta = demoMeta(language, {
    type,
    number,
    period,
    signers: [
      { role: 'engineer', name: '李喆' },
      { role: 'clientEngineer', name: '陈镕' },
    ],
  });
  return { meta, dataHash: reportFingerprint(data, meta), timeZone: 'Asia/Shanghai' };
}

export async function trainingRecordDemo(
  language: Language,
): Promise<{ data: TrainingRecordData; options: BuildOptions }> {
  const data = trainingRecordDemoData();
  return {
    data,
    options: options(language, 'training-record', 'PX-202611-A-01', data, { from: data.startDate, to: data.endDate }),
  };
}

export async function trainingSummaryDemo(
  language: Language,
): Promise<{ data: TrainingSummaryData; options: BuildOptions }> {
  const data = trainingSummaryDemoData();
  return {
    data,
    options: options(language, 'training-summary', 'PXZ-202611-A-01', data, { from: '2026-01-01', to: '2026-12-31' }),
  };
}
