// Settings > Backup: save everything to one file, restore from one (merged, so nothing already here is lost), and
// export marks and notes for a spreadsheet.
import { useState } from 'react';
import { exportBackup, exportMarksNotesCsv, restoreFromText } from './backupActions';
import './backup.css';

type Message = { kind: 'status' | 'error'; text: string };

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

export function BackupSection() {
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  const run = async (fn: () => Promise<Message>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage(await fn());
    } catch (e) {
      setMessage({ kind: 'error', text: `That did not work: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="backup-h">
      <h2 id="backup-h">Backup</h2>
      <p>
        Save everything on this device (classes, students, marks, notes, groups, conferences, private notes too) to one file. Keep it somewhere safe: it
        holds notes about children. Photos are not included.
      </p>
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void run(async () => ({ kind: 'status', text: `Backup saved: ${await exportBackup()} records.` }))}
        >
          Export backup
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(async () => ({ kind: 'status', text: `Saved ${await exportMarksNotesCsv()} marks and notes as CSV.` }))}
        >
          Export marks and notes (CSV)
        </button>
      </div>
      <div className="field backup-restore">
        <label htmlFor="backup-file">Restore from a backup file</label>
        <input
          key={inputKey}
          id="backup-file"
          type="file"
          accept=".json,application/json"
          aria-describedby="backup-restore-help"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            void run(async () => {
              const r = await restoreFromText(await file.text());
              setInputKey((k) => k + 1);
              if (!r.ok) return { kind: 'error', text: `Nothing was restored. ${r.message}` };
              return { kind: 'status', text: `Restored the backup of ${when(r.exportedAt)}: ${r.changed} of its ${r.records} records were new or newer than this device's.` };
            });
          }}
        />
        <span id="backup-restore-help" className="muted">
          Restoring merges the file with what is here: for each field the newer version is kept, so nothing on this device is lost.
        </span>
      </div>
      {message?.kind === 'error' && (
        <p role="alert" className="error">
          {message.text}
        </p>
      )}
      <p role="status">{message?.kind === 'status' ? message.text : ''}</p>
    </section>
  );
}
