// What an area that needs a class shows before the teacher has one: its heading and the way to the roster.
import { Link } from 'react-router';

export function NoClassYet({ title }: { title: string }) {
  return (
    <div className="stack">
      <h1>{title}</h1>
      <p>
        Add a class on the <Link to="/roster">Roster</Link> first.
      </p>
    </div>
  );
}
