// The app shell: header (class switcher and status), the areas' routes, and the thumb-reachable navigation.
import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AREAS, homePath } from './areas';
import { Header } from './Header';
import { NavBar } from './NavBar';
import { StorageBanner } from './StorageBanner';
import { UpdatePrompt } from './UpdatePrompt';
import { useCurrentClass } from '../session/useCurrentClass';

export function App() {
  const { current, loading } = useCurrentClass();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <Header />
      <StorageBanner />
      <main id="main" className="main" tabIndex={-1}>
        <Suspense fallback={null}>
          <Routes>
            {AREAS.map(({ path, Screen }) => (
              <Route key={path} path={`/${path}/*`} element={<Screen />} />
            ))}
            <Route path="*" element={loading ? null : <Navigate to={homePath(current !== null)} replace />} />
          </Routes>
        </Suspense>
      </main>
      <NavBar />
      <UpdatePrompt />
    </div>
  );
}
