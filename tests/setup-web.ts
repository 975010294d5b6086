import 'fake-indexeddb/auto';
import { randomTeamKey, setTeamKey } from '../renderer/core/team-key';

// Every renderer test runs on a laptop of one team (renderer/core/team-key.ts); tests about the
// key itself set their own.
setTeamKey(await randomTeamKey());
