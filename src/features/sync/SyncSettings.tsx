// Settings > Sync: the server address and token (saved when a field is left), "Test connection", "Sync now",
// the last sync time and the changes waiting. Nothing leaves the tablet until an address is saved here.
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { saveSyncConfig, syncNow, testConnection } from '../../sync/app';
import { EncryptionSettings } from './EncryptionSettings';
import { attachmentsWaiting, changesWaiting } from './statusText';
import { useSyncState, type SyncState } from './useSyncState';
import './sync.css';

function formatWhen(at: number | null): string {
  if (at === null) return 'Never';
  const d = new Date(at);
  const time = d.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
  return d.toDateString() === new Date().toDateString() ? `Today at ${time}` : `${d.toLocaleDateString()} at ${time}`;
}

function SyncForm({ state }: { state: SyncState }) {
  const [endpoint, setEndpoint] = useState(state.endpoint);
  const [token, setToken] = useState(state.token);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (): Promise<boolean> => {
    if (endpoint.trim() === state.endpoint && token.trim() === state.token) return true;
    try {
      await saveSyncConfig(endpoint, token);
      setProblem(null);
      return true;
    } catch (e) {
      setProblem((e as Error).message);
      return false;
    }
  };

  const test = async () => {
    setResult(null);
    if (!endpoint.trim()) {
      setProblem('Enter the server\u2019s address first.');
      return;
    }
    if (!(await save())) return;
    setBusy(true);
    try {
      const hello = await testConnection();
      setResult({ ok: true, text: `Connected as ${hello.teacher.name}.` });
    } catch (e) {
      setResult({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const now = async () => {
    setResult(null);
    if (!(await save())) return;
    setBusy(true);
    try {
      const out = await syncNow();
      if (!out.ok && out.error) setResult({ ok: false, text: out.error.message });
      else if (out.skipped === 'offline') setResult({ ok: false, text: 'This tablet is offline: it will sync when the connection is back.' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <label className="field">
        <span>Server address</span>
        <input
          type="url"
          inputMode="url"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          placeholder="https://sync.myschool.org"
          value={endpoint}
          onChange={(e) => setEndpoint(e.target.value)}
          onBlur={() => void save()}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'sync-problem' : undefined}
        />
      </label>
      <label className="field">
        <span>Token</span>
        <input
          type="password"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          onBlur={() => void save()}
        />
      </label>
      {problem && (
        <p id="sync-problem" className="error" role="alert">
          {problem}
        </p>
      )}
      <div className="sync-settings-actions">
        <button type="button" onClick={() => void test()} disabled={busy}>
          Test connection
        </button>
        <button type="button" className="primary" onClick={() => void now()} disabled={busy || !state.endpoint}>
          Sync now
        </button>
      </div>
      {result && (
        <p role="status" aria-label="Connection" className={result.ok ? 'sync-result-ok' : 'error'}>
          {result.text}
        </p>
      )}
    </>
  );
}

export function SyncSettings() {
  const state = useSyncState();
  const { hash } = useLocation();
  const ref = useRef<HTMLElement>(null);
  // The header's status links here: bring the section into view (the router does not scroll to fragments).
  useEffect(() => {
    if (hash === '#sync') ref.current?.scrollIntoView?.({ block: 'start' });
  }, [hash]);
  return (
    <section ref={ref} className="card sync-settings" aria-labelledby="sync-h" id="sync">
      <h2 id="sync-h">Sync</h2>
      <p className="muted">
        Nothing leaves this tablet until you enter your school&rsquo;s Circulate server here. Private notes never leave it.
      </p>
      {state.loaded && <SyncForm state={state} />}
      {state.loaded && <EncryptionSettings configured={Boolean(state.endpoint && state.token)} />}
      <dl>
        <dt>Status</dt>
        <dd>{state.view?.long ?? 'Sync is off.'}</dd>
        <dt>Last sync</dt>
        <dd>{formatWhen(state.lastSyncAt)}</dd>
        <dt>Waiting to send</dt>
        <dd>{changesWaiting(state.pending)}</dd>
        <dt>Photos and memos</dt>
        <dd>{attachmentsWaiting(state.attachments)}</dd>
      </dl>
    </section>
  );
}
