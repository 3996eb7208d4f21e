// The Conferences area: "Confer next" and its sub-screens (a conference's log, the TAG card, reflections, starters).
import { Link, Route, Routes } from 'react-router';
import { useCurrentClass } from '../../session/useCurrentClass';
import { ConferenceLog } from './ConferenceLog';
import { ConferQueue } from './ConferQueue';
import { NewConference } from './NewConference';
import { Reflections } from './Reflections';
import { StarterLibrary } from './StarterLibrary';
import { TagCard } from './TagCard';
import './conferences.css';

function QueueScreen() {
  const { current, loading } = useCurrentClass();
  if (loading) return null;
  return (
    <div className="stack">
      <h1>Conferences</h1>
      <nav aria-label="Conference tools" className="row conf-tools">
        <Link className="button" to="tag-card">
          TAG card
        </Link>
        <Link className="button" to="reflections">
          Reflections
        </Link>
        <Link className="button" to="starters">
          Sentence starters
        </Link>
      </nav>
      {current ? <ConferQueue cls={current} /> : <NoClass />}
    </div>
  );
}

function NoClass() {
  return (
    <p>
      Choose or add a class in the <Link to="/roster">Roster</Link> first.
    </p>
  );
}

function ReflectionsScreen() {
  const { current, loading } = useCurrentClass();
  if (loading) return null;
  return current ? <Reflections cls={current} /> : <NoClass />;
}

export default function ConferencesArea() {
  return (
    <Routes>
      <Route index element={<QueueScreen />} />
      <Route path="new/:studentId" element={<NewConference />} />
      <Route path="tag-card" element={<TagCard />} />
      <Route path="reflections" element={<ReflectionsScreen />} />
      <Route path="starters" element={<StarterLibrary />} />
      <Route path=":conferenceId" element={<ConferenceLog />} />
    </Routes>
  );
}
