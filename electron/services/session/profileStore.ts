import { randomUUID } from 'node:crypto';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CLOUD_BASE_URL } from '../../../shared/api';
import type { ProfileKind } from '../../../shared/ipc';
import { SerialQueue, writeFileAtomic } from '../fs/atomicFile';
import type { Log } from '../../../shared/log';

export const DEMO_PROFILE_ID = 'demo';
export const CLOUD_PROFILE_ID = 'cloud';

/** A place to connect to. Never holds the key: that lives in the SecretStore under `id`. */
export interface StoredProfile {
  id: string;
  name: string;
  kind: ProfileKind;
  /** Normalised origin; empty for the demo workspace, whose loopback port changes every run. */
  baseUrl: string;
  lastUsedAt: string | null;
}

const profileSchema = z.strictObject({
  id: z.string().min(1).max(256),
  name: z.string().min(1).max(100),
  kind: z.enum(['demo', 'cloud', 'custom']),
  baseUrl: z.string().max(2048),
  lastUsedAt: z.string().nullable(),
});
const profilesFileSchema = z.strictObject({
  version: z.literal(1),
  lastProfileId: z.string().nullable(),
  profiles: z.array(profileSchema),
});
type ProfilesFile = z.infer<typeof profilesFileSchema>;

const builtInProfiles = (): StoredProfile[] => [
  { id: DEMO_PROFILE_ID, name: 'Demo workspace', kind: 'demo', baseUrl: '', lastUsedAt: null },
  { id: CLOUD_PROFILE_ID, name: 'Pictograph cloud', kind: 'cloud', baseUrl: CLOUD_BASE_URL, lastUsedAt: null },
];

/**
 * `userData/profiles.json`: the demo workspace, Pictograph cloud and any custom servers. A file
 * that cannot be read as profiles is set aside as `profiles.json.corrupt` (nothing is lost) and
 * the app starts from the built-in profiles.
 */
export class ProfileStore {
  readonly #path: string;
  readonly #queue = new SerialQueue();
  #file: ProfilesFile;
  /** Set when the file on disk was unreadable at start; shown in the log. */
  readonly loadProblem: string | null;

  private constructor(path: string, file: ProfilesFile, loadProblem: string | null) {
    this.#path = path;
    this.#file = file;
    this.loadProblem = loadProblem;
  }

  static async open(userDataDir: string, log: Log = () => {}): Promise<ProfileStore> {
    const path = join(userDataDir, 'profiles.json');
    const { file, problem } = await readProfilesFile(path);
    if (problem) {
      await copyFile(path, `${path}.corrupt`).catch(() => undefined);
      log(
        'warn',
        'profiles.json was unreadable; kept a copy as profiles.json.corrupt and started with the default profiles',
        {
          problem,
        },
      );
    }
    // Built-in profiles always exist, even if an older or hand-edited file lacks them.
    for (const builtIn of builtInProfiles()) {
      if (!file.profiles.some((p) => p.id === builtIn.id)) file.profiles.push(builtIn);
    }
    return new ProfileStore(path, file, problem);
  }

  list(): StoredProfile[] {
    return this.#file.profiles.map((p) => ({ ...p }));
  }

  get(id: string): StoredProfile | null {
    const found = this.#file.profiles.find((p) => p.id === id);
    return found ? { ...found } : null;
  }

  get lastProfileId(): string | null {
    return this.#file.lastProfileId;
  }

  /** A custom profile already pointing at `baseUrl` (reused so reconnecting doesn't pile up copies). */
  findByBaseUrl(baseUrl: string): StoredProfile | null {
    const found = this.#file.profiles.find((p) => p.kind !== 'demo' && p.baseUrl === baseUrl);
    return found ? { ...found } : null;
  }

  newCustomProfile(name: string, baseUrl: string): StoredProfile {
    return { id: randomUUID(), name, kind: 'custom', baseUrl, lastUsedAt: null };
  }

  /** Inserts or replaces the profile, marks it last used, and persists. */
  async saveUsed(profile: StoredProfile): Promise<StoredProfile> {
    const saved: StoredProfile = { ...profile, lastUsedAt: new Date().toISOString() };
    const others = this.#file.profiles.filter((p) => p.id !== saved.id);
    this.#file = { ...this.#file, lastProfileId: saved.id, profiles: [...others, saved] };
    await this.#persist();
    return { ...saved };
  }

  #persist(): Promise<void> {
    const text = `${JSON.stringify(this.#file, null, 2)}\n`;
    return this.#queue.run(() => writeFileAtomic(this.#path, text));
  }
}

async function readProfilesFile(path: string): Promise<{ file: ProfilesFile; problem: string | null }> {
  const empty: ProfilesFile = { version: 1, lastProfileId: null, profiles: [] };
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { file: empty, problem: null };
    return { file: empty, problem: `cannot read ${path}: ${(error as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { file: empty, problem: `not JSON: ${(error as Error).message}` };
  }
  const parsed = profilesFileSchema.safeParse(json);
  if (!parsed.success) {
    return { file: empty, problem: `unexpected content: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  }
  // Two profiles with one id would make every lookup ambiguous: keep the first.
  const seen = new Set<string>();
  const profiles = parsed.data.profiles.filter((p) => !seen.has(p.id) && seen.add(p.id));
  return { file: { ...parsed.data, profiles }, problem: null };
}
