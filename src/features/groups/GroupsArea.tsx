// The Groups area: the builder, running a group at the table, the history, and the view projected for the class.
import { Route, Routes } from 'react-router';
import { Link } from 'react-router';
import { useCurrentClass } from '../../session/useCurrentClass';
import { Builder } from './Builder';
import './groups.css';
import { History } from './History';
import { Projection } from './Projection';
import { RunGroup } from './RunGroup';

export default function GroupsArea() {
  const { current, loading } = useCurrentClass();
  if (loading) return null;
  if (!current) {
    return (
      <div className="stack">
        <h1>Groups</h1>
        <p>
          Add a class on the <Link to="/roster">Roster</Link> first.
        </p>
      </div>
    );
  }
  return (
    <Routes>
      <Route index element={<Builder key={current.id} classId={current.id} />} />
      <Route path="run/:groupId" element={<RunGroup />} />
      <Route path="history" element={<History key={current.id} classId={current.id} />} />
      <Route path="show" element={<Projection classId={current.id} />} />
      <Route path="*" element={<Builder key={current.id} classId={current.id} />} />
    </Routes>
  );
}
