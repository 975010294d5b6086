import { Alert, Col, Empty, Row } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, InspectionTemplate, LocalizedText } from '@shared/schemas/inspection';
import { useSaveHandler } from '../../components/useSaveHandler';
import { navigate } from '../../app/router';
import { blankItem, TemplateItemForm } from './TemplateItemForm';
import { CopyDialog } from './CopyDialog';
import {
  ChangeNoteCard,
  NamesCard,
  OldVersionAlert,
  replaced,
  swapped,
  TemplateItemList,
  TemplateHeader,
  VersionPicker,
} from './TemplateEditorParts';
import { saveTemplateVersion, useTemplate, useTemplateVersions } from './templates.repo';

interface Draft {
  title: LocalizedText;
  description: LocalizedText;
  items: ChecklistItem[];
}

/** What the editor changes of a template (the draft). */
const namesAndItems = ({ title, description, items }: Draft): Draft => ({ title, description, items });

/**
 * Views a built-in template, or edits a team template: names, and items added, removed, edited and
 * reordered (up/down buttons, keyboard-reachable). Saving writes a new version; runs keep theirs.
 */
export function TemplateEditor({ id }: { id: string }) {
  const { t } = useTranslation('inspections');
  const save = useSaveHandler();
  const entry = useTemplate(id);
  const stored = entry && !entry.isBuiltIn ? (entry.template as InspectionTemplate) : undefined;
  const versions = useTemplateVersions(stored?.templateKey);
  const [draft, setDraft] = useState<Draft>();
  const [editing, setEditing] = useState<{ index: number; item: ChecklistItem }>();
  const [changeNote, setChangeNote] = useState('');
  const [copying, setCopying] = useState(false);
  useEffect(() => {
    if (entry) setDraft(namesAndItems(entry.template));
  }, [entry]);
  if (entry === null) return <Empty description={t('templates.notFound')} />;
  if (!entry || !draft) return null;
  const readOnly = entry.isBuiltIn;
  const latest = versions?.[0];
  const isOld = !!stored && !!latest && latest.version > stored.version;
  const dirty = JSON.stringify(draft) !== JSON.stringify(namesAndItems(entry.template));
  const move = (i: number, d: -1 | 1) => setDraft({ ...draft, items: swapped(draft.items, i, i + d) });
  const remove = (i: number) => setDraft({ ...draft, items: draft.items.filter((_, n) => n !== i) });
  const keep = (item: ChecklistItem) => {
    setDraft({ ...draft, items: replaced(draft.items, editing!.index, item) });
    setEditing(undefined);
  };
  const submit = async () => {
    let next: InspectionTemplate | undefined;
    const ok = await save(async () => {
      next = await saveTemplateVersion(stored!, { ...draft, changeNote });
    }, 'inspections:templates.savedVersion');
    if (ok && next) {
      setChangeNote('');
      navigate(`/inspections/templates/${next.id}`);
    }
  };
  return (
    <>
      <TemplateHeader
        template={entry.template}
        builtIn={readOnly}
        nextVersion={(latest?.version ?? entry.template.version) + 1}
        canSave={dirty && draft.items.length > 0}
        onCopy={() => setCopying(true)}
        onSave={() => void submit()}
      />
      {readOnly && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('templates.builtInReadOnly')} />}
      {isOld && <OldVersionAlert version={stored!.version} latest={latest!} />}
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <NamesCard
            names={draft}
            readOnly={readOnly}
            onChange={(field, value) => setDraft({ ...draft, [field]: value })}
          />
          <TemplateItemList
            items={draft.items}
            readOnly={readOnly}
            onAdd={() => setEditing({ index: -1, item: blankItem() })}
            onMove={move}
            onEdit={(index, item) => setEditing({ index, item })}
            onRemove={remove}
          />
        </Col>
        <Col xs={24} xl={7}>
          {!readOnly && <ChangeNoteCard value={changeNote} onChange={setChangeNote} />}
          {stored && <VersionPicker current={stored} versions={versions ?? []} />}
        </Col>
      </Row>
      {editing && (
        <TemplateItemForm
          item={editing.item}
          takenIds={draft.items.map((x) => x.id)}
          onSave={keep}
          onClose={() => setEditing(undefined)}
        />
      )}
      {copying && <CopyDialog entry={entry} onClose={() => setCopying(false)} />}
    </>
  );
}
