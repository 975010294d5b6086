/**
 * What other features use from the knowledge base (the faults pages mount these):
 * - `<CreateArticleButton faultId />` on a resolved fault's page, `<KbLinks faultId />` beside it;
 * - `<KbSuggestions text={symptoms} />` (or `useKbSuggestions(text)`) in the intake form.
 */
export { createArticleFromFault } from './from-fault';
export { CreateArticleButton } from './CreateArticleButton';
export { KbLinks } from './KbLinks';
export { KbSuggestions } from './KbSuggestions';
export { useKbSuggestions } from './useKbSearch';
export { FaultKbBar } from './FaultKbBar';
export { KbFormSuggestions } from './KbFormSuggestions';
