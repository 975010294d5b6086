import { EditOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, List, Rate, Row, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Training } from '@shared/schemas/training';
import { DetailPage, RecordGate } from '../../components/DetailPage';
import { useSaveHandler } from '../../components/useSaveHandler';
import { formatDateTime, AttachmentList, issueReport, saveReportPdf, useReportsFor } from '../../core';
import { usePrintReport } from '../reports';
import { trainingRecordData } from './report-data';
import { TrainingDates } from './TrainingDates';
import { TrainingForm } from './TrainingForm';
import { typeColors } from './TrainingRecords';
import { deleteTraining, trainingOwnerType, undoDeleteTraining, useTraining } from './training.repo';
import { ConflictMark } from '../sync';

/** One training: particulars, attendees, materials, feedback, and its record with the sign-in sheet (PDF). */
export function TrainingDetail({ id }: { id: string }) {
  const { t } = useTranslation('training');
  const save = useSaveHandler();
  const training = useTraining(id);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  if (training == null)
    return (
      <RecordGate
        record={training}
        notFound={t('detail.notFound')}
        backTo="/training/records"
        backLabel={t('detail.back')}
      />
    );

  const exportRecord = async () => {
    setBusy(true);
    await save(async () => {
      const { report } = await issueReport({
        type: 'training-record',
        subjectType: 'training',
        subjectId: training.id,
        data: trainingRecordData(training),
        title: t('pdf.record.title'),
        ...(training.endDate !== training.startDate
          ? { period: { from: training.startDate, to: training.endDate } }
          : {}),
        signers: [{ role: 'engineer', name: training.trainer }, { role: 'clientEngineer' }],
      });
      await saveReportPdf(report);
    }, 'training:detail.exported');
    setBusy(false);
  };

  return (
    <DetailPage
      backTo="/training/records"
      backLabel={t('detail.back')}
      title={training.topic}
      titleTestId="training-title"
      sub={
        <>
          <Tag color={typeColors[training.type]}>{t(`types.${training.type}`)}</Tag>
          <ConflictMark table="trainings" recordId={training.id} />
          <TrainingDates t={training} />
        </>
      }
      remove={{
        confirm: t('detail.confirmDelete'),
        remove: () => deleteTraining(training.id),
        restore: undoDeleteTraining,
        undoKey: `training-undo-${training.id}`,
      }}
      primary={
        <>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('common:actions.edit')}
          </Button>
          <Button
            type="primary"
            icon={<FilePdfOutlined />}
            loading={busy}
            onClick={() => void exportRecord()}
            data-testid="training-export-record"
          >
            {t('detail.exportRecord')}
          </Button>
        </>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <TrainingParticulars training={training} />
          <TrainingAttendees training={training} />
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('detail.materials')}>
            <AttachmentList ownerType={trainingOwnerType} ownerId={training.id} testId="training-materials" />
          </Card>
          <TrainingReports trainingId={training.id} />
        </Col>
      </Row>
      <TrainingForm open={editing} draft={training} onClose={() => setEditing(false)} />
    </DetailPage>
  );
}

function TrainingParticulars({ training }: { training: Training }) {
  const { t } = useTranslation('training');
  return (
    <Card size="small" title={t('detail.particulars')}>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('fields.hours')}>
          {t('detail.hoursValue', { hours: training.hours })}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.trainer')}>{training.trainer}</Descriptions.Item>
        <Descriptions.Item label={t('fields.location')} span={2}>
          {training.location || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.content')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{training.content || '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.feedback')} span={2}>
          {training.rating ? (
            <Rate disabled value={training.rating} style={{ fontSize: 14, display: 'block' }} />
          ) : null}
          <span style={{ whiteSpace: 'pre-wrap' }}>{training.feedback || t('detail.noFeedback')}</span>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function TrainingAttendees({ training }: { training: Training }) {
  const { t } = useTranslation('training');
  return (
    <Card size="small" title={t('detail.attendees', { count: training.attendees.length })} style={{ marginTop: 16 }}>
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        dataSource={training.attendees.map((a, i) => ({ ...a, no: i + 1 }))}
        pagination={false}
        locale={{ emptyText: t('detail.noAttendees') }}
        columns={[
          { title: t('pdf.col.no'), dataIndex: 'no', width: 60, sorter: (a, b) => a.no - b.no },
          {
            title: t('pdf.col.name'),
            dataIndex: 'name',
            sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
          },
          {
            title: t('fields.department'),
            dataIndex: 'department',
            sorter: (a, b) => a.department.localeCompare(b.department, 'zh-CN'),
          },
        ]}
      />
    </Card>
  );
}

/** The training records issued for this training: save or print each again. */
function TrainingReports({ trainingId }: { trainingId: string }) {
  const { t, i18n } = useTranslation('training');
  const save = useSaveHandler();
  const print = usePrintReport();
  const reports = useReportsFor('training', trainingId);
  return (
    <Card size="small" title={t('detail.reports')} style={{ marginTop: 16 }}>
      <List
        size="small"
        dataSource={reports ?? []}
        locale={{ emptyText: t('detail.noReports') }}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Button
                key="s"
                size="small"
                icon={<FilePdfOutlined />}
                aria-label={t('detail.savePdf')}
                onClick={() => void save(() => saveReportPdf(r), null)}
              />,
              <Button
                key="p"
                size="small"
                icon={<PrinterOutlined />}
                aria-label={t('detail.print')}
                onClick={() => void print(r)}
              />,
            ]}
          >
            <Typography.Text>
              {r.number} V{r.version}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(r.issuedAt, i18n.language)}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
