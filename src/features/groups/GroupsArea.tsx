// The Groups area: the builder, running a group at the table, the history, and the view projected for the class.
import { Route, Routes } from 'react-router';
import { useCurrentClass } from '../../session/useCurrentClass';
import { Builder } from './Builder';
import './groups.css';
import { History } from './History';
import { Projection } from './Projection';
import { RunGroup } from './RunGroup';
import { NoClassYet } from '../../ui/NoClassYet';

export default function GroupsArea() {
  const { current, loading } = useCurrentClass();
  if (loading) return null;
  if (!current) return <NoClassYet title="Groups" />;
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
