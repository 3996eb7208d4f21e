// Chooses the piece the checklist shows.
import type { Piece } from '../../shared/records';

export function PieceSelect({ pieces, value, onChange, label = 'Piece' }: { pieces: Piece[]; value: string; onChange: (id: string) => void; label?: string }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {pieces.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title} ({p.startDate})
          </option>
        ))}
      </select>
    </label>
  );
}
