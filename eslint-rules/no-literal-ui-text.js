/**
 * Flags user-visible text written straight into JSX instead of going through i18next:
 * JSX text with letters or CJK characters, and string literals in user-facing props.
 */
const visibleProps = new Set([
  'title',
  'placeholder',
  'label',
  'aria-label',
  'alt',
  'okText',
  'cancelText',
  'description',
  'tooltip',
  'content',
  'subTitle',
  'extra',
  'addonBefore',
  'addonAfter',
  'emptyText',
  'message',
]);
const wordy = /[A-Za-z\u4e00-\u9fff]{2,}/;

export default {
  meta: { type: 'problem', docs: { description: 'user-visible text must go through i18next (t())' }, schema: [] },
  create(context) {
    return {
      JSXText(node) {
        if (wordy.test(node.value))
          context.report({
            node,
            message: `Literal UI text "${node.value.trim().slice(0, 40)}": use t() and both locales.`,
          });
      },
      JSXAttribute(node) {
        const name = typeof node.name.name === 'string' ? node.name.name : '';
        if (!visibleProps.has(name) || !node.value) return;
        const v =
          node.value.type === 'Literal'
            ? node.value.value
            : node.value.type === 'JSXExpressionContainer' && node.value.expression.type === 'Literal'
              ? node.value.expression.value
              : null;
        if (typeof v === 'string' && wordy.test(v))
          context.report({
            node,
            message: `Literal UI text in ${name}="${v.slice(0, 40)}": use t() and both locales.`,
          });
      },
    };
  },
};
