// Settings: who is writing (shown on shared notes), this device's storage, photos and memos, sync and backups.
import { useEffect, useState } from 'react';
import { storageReport, requestPersistence, type StorageReport } from '../../db/storage';
import { currentAuthor, setAuthor } from '../../db/write';
import { SyncSettings } from '../sync/SyncSettings';
import { BackupSection } from './BackupSection';
import { MediaSection } from './MediaSection';

function formatBytes(n: number | null): string {
  if (n === null) return 'unknown';
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

export default function SettingsArea() {
  const [report, setReport] = useState<StorageReport | null>(null);
  const [name, setName] = useState(currentAuthor());
  useEffect(() => {
    void storageReport().then(setReport);
  }, []);
  return (
    <div className="stack">
      <h1>Settings</h1>
      <section className="card" aria-labelledby="you-h">
        <h2 id="you-h">You</h2>
        <label className="field">
          <span>Your name, shown on notes you write</span>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} onBlur={() => void setAuthor(name)} />
        </label>
      </section>
      <section className="card" aria-labelledby="storage-h">
        <h2 id="storage-h">Storage on this device</h2>
        {report && (
          <dl>
            <dt>Protected from clean-up</dt>
            <dd>{report.persistent === null ? 'Not reported by this browser' : report.persistent ? 'Yes: the browser will not delete Circulate\u2019s data to free space' : 'No'}</dd>
            <dt>Used</dt>
            <dd>
              {formatBytes(report.usage)} of {formatBytes(report.quota)}
            </dd>
          </dl>
        )}
        {report?.persistent === false && (
          <button type="button" onClick={async () => { await requestPersistence(); setReport(await storageReport()); }}>
            Protect my data
          </button>
        )}
      </section>
      <MediaSection />
      <SyncSettings />
      <BackupSection />
    </div>
  );
}
