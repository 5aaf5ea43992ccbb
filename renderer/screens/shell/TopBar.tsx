import type { ProfileSummary } from '../../../shared/ipc';
import { ChevronIcon, SignOutIcon } from '../../components/icons';
import { LogoMark } from '../../components/Logo';
import { Spinner } from '../../components/Spinner';
import { ThemeToggle } from '../../components/ThemeToggle';
import { signOut } from '../../store/actions/connectionActions';
import { selectOpenDataset, selectPending, selectScreen, selectStatus } from '../../store/selectors';
import { appStore, useAppStore } from '../../store/useAppStore';
import { displayHost } from '../connect/connectForm';
import { SettingsButton } from '../settings/SettingsDialog';
import { ConnectionBadge } from './ConnectionBadge';
import { RateLimitMeter } from './RateLimitMeter';

const kindLabel: Record<ProfileSummary['kind'], string> = { demo: 'Demo', cloud: 'Cloud', custom: 'Self-hosted' };

function Breadcrumbs() {
  const screen = useAppStore(selectScreen);
  const openDataset = useAppStore(selectOpenDataset);
  const showDatasets = useAppStore((state) => state.datasetsShown);
  return (
    <nav className="crumbs" aria-label="Location">
      {screen.name === 'datasets' ? (
        <span className="crumbs__current">Datasets</span>
      ) : (
        <>
          <button type="button" className="crumbs__link" onClick={showDatasets} data-testid="shell.crumb.datasets">
            Datasets
          </button>
          <ChevronIcon size={14} className="crumbs__sep" />
          <span className="crumbs__current">{openDataset?.name ?? 'Dataset'}</span>
        </>
      )}
    </nav>
  );
}

/** Where you are, which workspace, whether it is reachable, how much API quota is left, sign out. */
export function TopBar() {
  const status = useAppStore(selectStatus);
  const pending = useAppStore(selectPending);
  const profile = status?.profile ?? null;
  const signingOut = pending?.kind === 'sign-out';

  return (
    <header className="topbar">
      <div className="topbar__left">
        <LogoMark size={24} />
        <Breadcrumbs />
      </div>
      <div className="topbar__right">
        {profile ? (
          <div
            className="workspace-chip"
            data-testid="shell.workspace"
            title={`${profile.name} · ${profile.baseUrl}${status?.keyPrefix ? ` · key ${status.keyPrefix}…` : ''}${status?.role ? ` · ${status.role} role` : ''}`}
          >
            <span className="workspace-chip__avatar" aria-hidden="true">
              {profile.name.trim().charAt(0).toUpperCase() || '?'}
            </span>
            <span className="workspace-chip__text">
              <span className="workspace-chip__name" data-testid="shell.workspace.name">
                {profile.name}
              </span>
              {displayHost(profile.baseUrl) === profile.name ? null : (
                <span className="workspace-chip__host mono">{displayHost(profile.baseUrl)}</span>
              )}
            </span>
            <span className={`tag tag--${profile.kind}`}>{kindLabel[profile.kind]}</span>
          </div>
        ) : null}
        {status ? <ConnectionBadge state={status.state} /> : null}
        <RateLimitMeter />
        <span className="topbar__divider" aria-hidden="true" />
        <SettingsButton />
        <ThemeToggle />
        <button
          type="button"
          className="btn btn--small"
          onClick={() => void signOut(appStore)}
          disabled={pending !== null}
          data-testid="shell.signOut"
        >
          {signingOut ? <Spinner size={13} /> : <SignOutIcon size={14} />}
          Sign out
        </button>
      </div>
    </header>
  );
}
