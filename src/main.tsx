// Entry: loads the device session, recovers unsaved drafts and recordings, applies memo retention, moves legacy
// photos into the blob store, then renders.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/App';
import { ready } from './db/write';
import { applyStoredMemoRetention, recoverMemos } from './db/memos';
import { migrateLegacyPhotos } from './db/photos';
import { startSync } from './sync/app';
import { installAutosaveFlush, recoverDrafts } from './db/autosave';
import './ui/theme.css';

async function start() {
  await ready();
  await recoverDrafts().catch(() => 0);
  // A recording a reload or closed tab cut off becomes a finished memo; then memos past the teacher's retention go.
  await recoverMemos().catch(() => 0);
  await applyStoredMemoRetention().catch(() => 0);
  // Photos from before schema 5 move into the blob store by their hash (see SCHEMA_V5).
  await migrateLegacyPhotos().catch(() => 0);
  installAutosaveFlush();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </StrictMode>,
  );
  // After the first render, so syncing never delays the app; it does nothing until an endpoint is configured.
  startSync();
  // The search index builds in idle time, from its own chunk, so neither it nor MiniSearch delays the first screen.
  void import('./features/search/appIndex').then((m) => m.startSearchIndex());
}

void start();
