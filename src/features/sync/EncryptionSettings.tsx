// Settings > Sync > Encryption: on by default for a new set-up (the recovery phrase shown once, to write down), or
// the phrase typed on a second tablet. What losing the phrase costs is said before the teacher chooses.
import { useCallback, useEffect, useRef, useState } from 'react';
import { appEncryption } from '../../sync/app';
import type { EncryptionState } from '../../sync/encryption';
import { useAttempt } from '../../ui/useAttempt';

const LOSS_WARNING =
  'Write the phrase down and keep it somewhere safe. If you lose it, only the server\u2019s copy is lost: your tablets keep everything they have, and you can set up a new phrase. No one, not even whoever runs the server, can recover it for you.';

type View = { kind: 'loading' } | { kind: 'unreachable'; message: string } | { kind: EncryptionState };

function NewSetup({ onDone }: { onDone: () => void }) {
  const [encrypt, setEncrypt] = useState(true);
  const [phrase, setPhrase] = useState<string | null>(null);
  const { busy, problem, attempt } = useAttempt();

  const confirm = async () => {
    if (!phrase) return;
    await attempt(async () => {
      await appEncryption.turnOn(phrase);
      setPhrase(null);
      onDone();
    });
  };

  return (
    <>
      <label className="toggle">
        <input type="checkbox" role="switch" checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)} disabled={phrase !== null} />
        <span>Encrypt what the server keeps</span>
      </label>
      {encrypt ? (
        <>
          <p>
            Only your tablets and your co-teachers&rsquo; can read your classes; the server keeps locked copies. Your tablets open them with a
            twelve-word recovery phrase.
          </p>
          <p className="warn" id="e2ee-warning">
            {LOSS_WARNING}
          </p>
          {phrase === null ? (
            <button type="button" className="primary" onClick={() => setPhrase(appEncryption.newPhrase())} aria-describedby="e2ee-warning">
              Show my recovery phrase
            </button>
          ) : (
            <>
              <ol className="phrase" aria-label="Recovery phrase">
                {phrase.split(' ').map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ol>
              <p>This is the only time it is shown. You will need it to set up another tablet.</p>
              <button type="button" className="primary" onClick={() => void confirm()} disabled={busy}>
                I have written it down: turn encryption on
              </button>
            </>
          )}
        </>
      ) : (
        <p className="warn">The server will keep a copy of your classes it can read.</p>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

function EnterPhrase({ onDone }: { onDone: () => void }) {
  const [typed, setTyped] = useState('');
  const { busy, problem, setProblem, attempt } = useAttempt();
  const unlock = async () => {
    setProblem(null);
    await attempt(async () => {
      await appEncryption.unlock(typed);
      onDone();
    });
  };
  return (
    <>
      <p>Your classes are encrypted on the server. Enter your recovery phrase once to open them on this tablet.</p>
      <label className="field">
        <span>Recovery phrase</span>
        <textarea
          value={typed}
          rows={3}
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          onChange={(e) => setTyped(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'e2ee-problem' : undefined}
        />
      </label>
      {problem && (
        <p id="e2ee-problem" className="error" role="alert">
          {problem}
        </p>
      )}
      <button type="button" className="primary" onClick={() => void unlock()} disabled={busy || !typed.trim()}>
        Open my classes
      </button>
    </>
  );
}

export function EncryptionSettings({ configured }: { configured: boolean }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  // The answer can come after the teacher has left Settings: then there is nothing to show it on.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const check = useCallback(() => {
    const show = (v: View) => {
      if (mounted.current) setView(v);
    };
    appEncryption
      .state()
      .then((kind) => show({ kind }))
      .catch((e: Error) => show({ kind: 'unreachable', message: e.message }));
  }, []);
  const refresh = useCallback(() => {
    setView({ kind: 'loading' });
    check();
  }, [check]);
  useEffect(() => {
    if (configured) check();
  }, [configured, check]);
  if (!configured) return null;
  return (
    <section className="sync-encryption" aria-labelledby="e2ee-h">
      <h3 id="e2ee-h">Encryption</h3>
      {view.kind === 'loading' && <p className="muted">Checking&hellip;</p>}
      {view.kind === 'on' && <p role="status">Encryption is on: the server keeps only locked copies of your classes.</p>}
      {view.kind === 'new' && <NewSetup onDone={refresh} />}
      {view.kind === 'enter-phrase' && <EnterPhrase onDone={refresh} />}
      {view.kind === 'unreachable' && (
        <>
          <p className="error">{view.message}</p>
          <button type="button" onClick={refresh}>
            Check again
          </button>
        </>
      )}
    </section>
  );
}
