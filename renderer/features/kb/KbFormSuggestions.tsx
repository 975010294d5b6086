import { Form, type FormInstance } from 'antd';
import { KbSuggestions } from './KbSuggestions';

/** `<KbSuggestions>` fed from form fields (the fault intake's symptoms and description) as they are typed. */
export function KbFormSuggestions({
  form,
  fields = ['symptoms', 'description'],
}: {
  form: FormInstance;
  fields?: [string, string] | [string];
}) {
  const first = Form.useWatch(fields[0], form) as string | undefined;
  const second = Form.useWatch(fields[1] ?? fields[0], form) as string | undefined;
  const text = fields.length > 1 ? `${first ?? ''} ${second ?? ''}` : (first ?? '');
  return <KbSuggestions text={text.trim()} />;
}
