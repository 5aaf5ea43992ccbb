import type { ProfileSummary } from '../../../shared/ipc';
import { ArrowRightIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { openDemoWorkspace, resumeProfile } from '../../store/actions/connectionActions';
import { selectPending, selectProfiles } from '../../store/selectors';
import { appStore, useAppStore } from '../../store/useAppStore';
import { displayHost } from './connectForm';

const kindLabel: Record<ProfileSummary['kind'], string> = { demo: 'Demo', cloud: 'Cloud', custom: 'Self-hosted' };

/** Stored workspaces: one click resumes with the stored key; a keyless one pre-fills the form. */
export function ProfileList({ onNeedsKey }: { onNeedsKey(profile: ProfileSummary): void }) {
  const profiles = useAppStore(selectProfiles);
  const pending = useAppStore(selectPending);
  if (profiles.length === 0) return null;

  const pick = (profile: ProfileSummary) => {
    if (profile.kind === 'demo') void openDemoWorkspace(appStore);
    else if (profile.hasKey) void resumeProfile(appStore, profile.id);
    else onNeedsKey(profile);
  };

  return (
    <section className="profiles" aria-labelledby="profiles-heading">
      <h2 className="profiles__heading" id="profiles-heading">
        Recent workspaces
      </h2>
      <ul className="profiles__list">
        {profiles.map((profile) => {
          const resuming =
            (pending?.kind === 'resume' && pending.profileId === profile.id) ||
            (pending?.kind === 'demo' && profile.kind === 'demo');
          const ready = profile.kind === 'demo' || profile.hasKey;
          return (
            <li key={profile.id}>
              <button
                type="button"
                className="profile-row"
                onClick={() => pick(profile)}
                disabled={pending !== null}
                data-testid={`connect.profile.${profile.id}`}
              >
                <span className="profile-row__avatar" aria-hidden="true">
                  {profile.name.trim().charAt(0).toUpperCase() || '?'}
                </span>
                <span className="profile-row__text">
                  <span className="profile-row__name">{profile.name}</span>
                  <span className="profile-row__host mono">{displayHost(profile.baseUrl)}</span>
                </span>
                <span className={`tag tag--${profile.kind}`}>{kindLabel[profile.kind]}</span>
                <span className={`profile-row__action${ready ? '' : ' profile-row__action--muted'}`}>
                  {resuming ? <Spinner size={14} /> : ready ? <ArrowRightIcon size={16} /> : 'Key needed'}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
