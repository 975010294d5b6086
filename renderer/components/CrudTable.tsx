import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Modal, Popconfirm, Space, Table, type FormInstance } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveHandler } from './useSaveHandler';
import { useUndoMessage } from './useUndoMessage';
import { EmptyState } from './EmptyState';

export interface CrudTableProps<T extends { id: string }> {
  rows: T[] | undefined;
  columns: ColumnsType<T>;
  /** Text the search box matches against (lower-cased). */
  searchText: (row: T) => string;
  renderForm: (form: FormInstance, editing: T | null) => ReactNode;
  initialValues: (editing: T | null) => Record<string, unknown>;
  onSave: (values: Record<string, unknown>, editing: T | null) => Promise<unknown>;
  onDelete: (row: T) => Promise<unknown>;
  /** Re-creates a deleted row (undo). */
  onRestore?: (row: T) => Promise<unknown>;
  addLabel: string;
  modalTitle: (editing: T | null) => string;
  emptyTitle: string;
  emptyDescription?: string;
  testId: string;
}

/** A searchable, sortable list with add/edit in a modal, confirmed delete and undo. */
export function CrudTable<T extends { id: string }>(p: CrudTableProps<T>) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<T | null>(null);
  const [open, setOpen] = useState(false);
  const save = useSaveHandler();
  const undo = useUndoMessage();
  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (p.rows ?? []).filter((r) => !q || p.searchText(r).toLowerCase().includes(q));
  }, [p, query]);
  const columns: ColumnsType<T> = [
    ...p.columns.map((c) => {
      const di = (c as { dataIndex?: string }).dataIndex;
      return di && !c.sorter
        ? {
            ...c,
            sorter: (a: T, b: T) =>
              String((a as Record<string, unknown>)[di] ?? '').localeCompare(
                String((b as Record<string, unknown>)[di] ?? ''),
                'zh-CN',
              ),
          }
        : c;
    }),
    {
      key: 'actions',
      width: 110,
      render: (_: unknown, row: T) => (
        <Space>
          <Button size="small" icon={<EditOutlined />} aria-label={t('actions.edit')} onClick={() => start(row)} />
          <Popconfirm
            title={t('actions.confirmDelete')}
            okText={t('actions.delete')}
            cancelText={t('actions.cancel')}
            onConfirm={() => remove(row)}
          >
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('actions.delete')} />
          </Popconfirm>
        </Space>
      ),
    },
  ];
  function start(row: T | null) {
    setEditing(row);
    form.resetFields();
    form.setFieldsValue(p.initialValues(row));
    setOpen(true);
  }
  async function remove(row: T) {
    await save(async () => {
      await p.onDelete(row);
      if (p.onRestore) undo(`undo-${row.id}`, () => p.onRestore!(row));
    }, null);
  }
  async function submit() {
    const values = await form.validateFields();
    const ok = await save(() => p.onSave(values, editing));
    if (ok) setOpen(false);
  }
  return (
    <div data-testid={p.testId}>
      <Flex justify="space-between" gap={8} style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('actions.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          style={{ maxWidth: 320 }}
          aria-label={t('actions.search')}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => start(null)}>
          {p.addLabel}
        </Button>
      </Flex>
      {p.rows && p.rows.length === 0 ? (
        <EmptyState
          title={p.emptyTitle}
          description={p.emptyDescription}
          action={p.addLabel}
          onAction={() => start(null)}
        />
      ) : (
        <Table<T>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={filtered}
          loading={!p.rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
        />
      )}
      <Modal
        open={open}
        title={p.modalTitle(editing)}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        okText={t('actions.save')}
        cancelText={t('actions.cancel')}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={() => void submit()}>
          {p.renderForm(form, editing)}
          <button type="submit" hidden />
        </Form>
      </Modal>
    </div>
  );
}
