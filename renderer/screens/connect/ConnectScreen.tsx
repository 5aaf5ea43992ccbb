import { useEffect, useRef, useState } from 'react';
import type { AppInfo, ProfileSummary } from '../../../shared/ipc';
import { callApi } from '../../api/bridge';
import { AppName, LogoMark } from '../../components/Logo';
import { Notice } from '../../components/Notice';
import { ThemeToggle } from '../../components/ThemeToggle';
import { selectKeyStorage } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { BrandPanel } from './BrandPanel';
import { CLOUD_BASE_URL } from './connectForm';
import type { ConnectDraft } from './connectDraft';
import { emptyDraft } from './connectDraft';
import { ConnectForm } from './ConnectForm';
import { ProfileList } from './ProfileList';
import './ConnectScreen.css';

/** The first screen: product pitch + demo on the left, connect form and stored workspaces on the right. */
export function ConnectScreen() {
  const [draft, setDraft] = useState<ConnectDraft>(emptyDraft);
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const keyStorage = useAppStore(selectKeyStorage);
  const keyInputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    void callApi((api) => api.app.info()).then((result) => {
      if (live && result.ok) setAppInfo(result.value);
    });
    return () => {
      live = false;
    };
  }, []);

  const needsKey = (profile: ProfileSummary) => {
    const cloud = profile.baseUrl.replace(/\/+$/, '') === CLOUD_BASE_URL;
    setDraft({
      serverKind: cloud ? 'cloud' : 'custom',
      customUrl: cloud ? '' : profile.baseUrl,
      apiKey: '',
      profileId: profile.id,
      profileName: profile.name,
    });
    keyInputRef.current?.focus();
  };

  return (
    <div className="connect" data-testid="connect.screen">
      <header className="connect__top">
        <div className="connect__brand">
          <LogoMark size={28} />
          <AppName />
        </div>
        <ThemeToggle />
      </header>
      <main className="connect__main">
        <BrandPanel />
        <div className="connect__side">
          <div className="connect-card">
            <ConnectForm
              draft={draft}
              onDraftChange={(update) => setDraft((d) => ({ ...d, ...update }))}
              keyInputRef={keyInputRef}
            />
            {keyStorage === 'session-only' ? (
              <Notice tone="warning" title="Key kept for this session only" testId="connect.sessionOnlyNotice">
                No OS keychain is available: the key stays in memory and is forgotten when the app quits.
              </Notice>
            ) : null}
          </div>
          <ProfileList onNeedsKey={needsKey} />
        </div>
      </main>
      <footer className="connect__footer">
        {appInfo ? (
          <span data-testid="connect.version">
            {appInfo.name} {appInfo.version}
          </span>
        ) : null}
        <span>Your API key stays in the app's main process and your OS keychain.</span>
      </footer>
    </div>
  );
}
