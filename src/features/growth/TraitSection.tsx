// One trait on a writer's growth view: the latest level (set a new one in one tap), the chart over the year with its
// table for screen readers, and the evidence one tap away.
import { useState } from 'react';
import type { Evidence, Level } from '../../domain/growth';
import type { Note } from '../../shared/records';
import { EvidencePanel } from './EvidencePanel';
import { EvidenceTable, type EvidenceLookups } from './EvidenceTable';
import { RateButtons } from './RateButtons';
import { TraitChart, type ChartSpan } from './TraitChart';

export interface TraitSectionProps {
  classId: string;
  studentId: string;
  trait: string;
  series: readonly Evidence[];
  names: readonly string[];
  span: ChartSpan;
  notes: readonly Note[];
  lookups: EvidenceLookups;
  objectiveTrait: ReadonlyMap<string, string>;
}

export function TraitSection({ classId, studentId, trait, series, names, span, notes, lookups, objectiveTrait }: TraitSectionProps) {
  const [open, setOpen] = useState(false);
  const latest = series[series.length - 1];
  const id = `trait-${trait.replace(/[^A-Za-z0-9]+/g, '-')}`;
  return (
    <section className="card growth-trait" aria-labelledby={id}>
      <h2 id={id}>
        {trait} <span className="muted">{latest ? `· now ${names[latest.level]}` : '· no evidence yet'}</span>
      </h2>
      <RateButtons classId={classId} studentId={studentId} trait={trait} current={(latest?.level ?? null) as Level | null} names={names} />
      {series.length > 0 && <TraitChart trait={trait} series={series} names={names} span={span} />}
      {series.length > 0 && <EvidenceTable trait={trait} series={series} names={names} lookups={lookups} hidden />}
      {series.length > 0 && (
        <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide evidence' : `Evidence (${series.length})`}
        </button>
      )}
      {open && <EvidencePanel trait={trait} series={series} notes={notes} names={names} lookups={lookups} objectiveTrait={objectiveTrait} />}
    </section>
  );
}
