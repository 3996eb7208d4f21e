// The key to "not seen lately" shading: each band in words as well as colour.
import { SEEN_BANDS } from '../../domain/marks';

export function SeenLegend() {
  return (
    <ul className="clip-legend" aria-label="Shading by days since last observed">
      {SEEN_BANDS.map((b) => (
        <li key={b.band} className={`seen-${b.band}`}>
          {b.label}
        </li>
      ))}
    </ul>
  );
}
