import { highlightParts } from './marks';

/** Text with the matched terms marked (`<mark>`). */
export function Highlight({ text, terms }: { text: string; terms: string[] }) {
  return (
    <>
      {highlightParts(text, terms).map((p, i) =>
        p.hit ? (
          <mark key={i} className="kb-hit" style={{ padding: 0, background: '#ffe58f' }}>
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
