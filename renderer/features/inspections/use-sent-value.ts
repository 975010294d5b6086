import { useEffect, useRef } from 'react';

/**
 * What was last handed to `onSave` and not yet seen back in the stored answer. The save is
 * asynchronous: Enter saves and moves the focus, and the blur that follows fires before the live
 * query brings the new value, so comparing with the stored value alone saved the same answer twice
 * (two writes, two audit entries). A value equal to the one in flight is not sent again.
 */
export function useSentValue<T>(stored: T, storedNa: boolean) {
  const pending = useRef<{ value: T } | null>(null);
  // The stored answer changed (our save landed, or someone else's): it is the baseline again.
  useEffect(() => {
    pending.current = null;
  }, [stored, storedNa]);
  return {
    changed: (value: T, forceNa: boolean) =>
      pending.current ? pending.current.value !== value : value !== stored || forceNa,
    baselineNa: () => !pending.current && storedNa,
    mark: (value: T) => {
      pending.current = { value };
    },
  };
}
