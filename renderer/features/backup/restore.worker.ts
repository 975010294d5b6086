/**
 * The restore worker: reads and checks a backup file (validate-file.ts) off the page's thread, so
 * the window stays responsive and the page never holds the file's text and parsed copies at once.
 * One file per worker: restore-client.ts starts it for a check and ends it after, which frees
 * everything it held.
 */
import type { TeamKey } from '../../core/team-key';
import { transferablesOf, type RestoreReply, type RestoreRequest } from './restore-protocol';
import { validateFile } from './validate-file';

const scope = self as unknown as {
  postMessage(msg: RestoreReply, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<RestoreRequest>) => void) | null;
};
const post = (msg: RestoreReply, transfer?: Transferable[]) => scope.postMessage(msg, transfer);

let nextMac = 1;
const macs = new Map<number, { resolve: (mac: Uint8Array) => void; reject: (err: Error) => void }>();

/** A stand-in for the page's team key: each MAC is made by the page. */
function remoteKey(team: { teamId: string; teamName: string }): TeamKey {
  return {
    ...team,
    mac(data) {
      const id = nextMac++;
      return new Promise((resolve, reject) => {
        macs.set(id, { resolve, reject });
        post({ type: 'mac', id, data: data.slice() });
      });
    },
  };
}

async function check(msg: Extract<RestoreRequest, { type: 'check' }>): Promise<void> {
  try {
    const result = await validateFile(msg.bytes, {
      password: msg.password,
      key: msg.team ? remoteKey(msg.team) : null,
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    const moved = new Set<ArrayBuffer>([...transferablesOf(result), msg.bytes.buffer as ArrayBuffer]);
    post({ type: 'done', result, bytes: msg.bytes }, [...moved]);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    post({ type: 'error', message, bytes: msg.bytes }, [msg.bytes.buffer as ArrayBuffer]);
  }
}

scope.onmessage = ({ data: msg }) => {
  if (msg.type === 'check') void check(msg);
  else {
    const pending = macs.get(msg.id);
    macs.delete(msg.id);
    if (msg.mac) pending?.resolve(msg.mac);
    else pending?.reject(new Error(msg.error ?? 'MAC failed'));
  }
};
