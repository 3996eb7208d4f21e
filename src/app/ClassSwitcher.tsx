// Switch between classes (sections); the choice is remembered on this device.
import { useSession } from '../session/sessionStore';
import { useCurrentClass } from '../session/useCurrentClass';

export function ClassSwitcher() {
  const { current, classes } = useCurrentClass();
  const setCurrentClass = useSession((s) => s.setCurrentClass);
  if (classes.length === 0) return <span className="class-switcher-empty">No class yet</span>;
  return (
    <label className="class-switcher">
      <span className="visually-hidden">Current class</span>
      <select value={current?.id ?? ''} onChange={(e) => setCurrentClass(e.target.value)}>
        {classes.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
