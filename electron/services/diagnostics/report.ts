import type { AppInfo, Diagnostics, RecentError } from '../../../shared/ipc/channels/app';
import { redactSecrets } from '../log';

export interface DiagnosticsInput {
  app: AppInfo;
  /** `process.versions` of the host: Electron adds `electron` and `chrome`. */
  versions: Partial<Record<string, string>>;
  os: { platform: string; arch: string; release: string };
  /** The workspace's base URL (any form); only its host is reported. */
  profileBaseUrl: string | null;
  connectionState: string;
  recentErrors: RecentError[];
}

/** Only scheme-less host[:port]: a path, query or credentials in a stored URL stay out of bug reports. */
export function hostOf(baseUrl: string | null): string | null {
  if (!baseUrl) return null;
  try {
    return new URL(baseUrl).host || null;
  } catch {
    return null;
  }
}

export function buildDiagnostics(input: DiagnosticsInput): Diagnostics {
  const versions = {
    electron: input.versions.electron ?? null,
    chrome: input.versions.chrome ?? null,
    node: input.versions.node ?? 'unknown',
    v8: input.versions.v8 ?? 'unknown',
  };
  const profileHost = hostOf(input.profileBaseUrl);
  const lines = [
    `${input.app.name} ${input.app.version} (${input.app.host})`,
    `Electron ${versions.electron ?? '-'} · Chrome ${versions.chrome ?? '-'} · Node ${versions.node} · V8 ${versions.v8}`,
    `OS ${input.os.platform} ${input.os.release} (${input.os.arch})`,
    `Workspace host ${profileHost ?? '-'} · connection ${input.connectionState}`,
    `Recent errors (${input.recentErrors.length}):`,
    ...input.recentErrors.map((e) => `  ${e.at} ${e.level.toUpperCase()} ${e.message}`),
  ];
  return {
    app: input.app,
    versions,
    os: input.os,
    profileHost,
    connectionState: input.connectionState,
    recentErrors: input.recentErrors,
    // Redacted once more as a whole: whatever reached a field by another path, no key leaves main.
    text: redactSecrets(lines.join('\n')),
  };
}
