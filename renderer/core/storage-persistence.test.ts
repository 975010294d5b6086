import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage, resetPersistenceRequest, storagePersistence } from './storage-persistence';

function fakeStorage(persisted: boolean, grant: boolean) {
  const state = { persisted, asked: 0 };
  const storage = {
    persisted: vi.fn(async () => state.persisted),
    persist: vi.fn(async () => {
      state.asked++;
      if (grant) state.persisted = true;
      return grant;
    }),
  };
  vi.stubGlobal('navigator', { ...navigator, storage });
  return { state, storage };
}

afterEach(() => {
  vi.unstubAllGlobals();
  resetPersistenceRequest();
});

describe('persistent storage', () => {
  it('asks once per session and reports a granted request', async () => {
    const { state } = fakeStorage(false, true);
    expect(await storagePersistence()).toBe('refused');
    expect(await requestPersistentStorage()).toBe('persisted');
    expect(await requestPersistentStorage()).toBe('persisted');
    expect(state.asked).toBe(1);
    expect(await storagePersistence()).toBe('persisted');
  });

  it('does not ask when already persistent, and says refused when the engine refuses', async () => {
    const granted = fakeStorage(true, true);
    expect(await requestPersistentStorage()).toBe('persisted');
    expect(granted.state.asked).toBe(0);
    resetPersistenceRequest();
    fakeStorage(false, false);
    expect(await requestPersistentStorage()).toBe('refused');
  });

  it('reads an engine that throws as a refusal, for both questions', async () => {
    const storage = {
      persisted: vi.fn(async () => {
        throw new Error('SecurityError');
      }),
      persist: vi.fn(async () => true),
    };
    vi.stubGlobal('navigator', { ...navigator, storage });
    expect(await storagePersistence()).toBe('refused');
    expect(await requestPersistentStorage()).toBe('refused');
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('is unsupported without a StorageManager', async () => {
    vi.stubGlobal('navigator', { userAgent: 'x' });
    expect(await requestPersistentStorage()).toBe('unsupported');
    expect(await storagePersistence()).toBe('unsupported');
  });
});
