// The Backup section as the teacher uses it: export downloads a file, a bad file is refused with nothing changed,
// a good one is restored.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/db';
import { readBackup } from '../../../src/db/backup';
import { create, repo } from '../../../src/db/write';
import { BackupSection } from '../../../src/features/settings/BackupSection';

afterEach(() => vi.restoreAllMocks());

describe('BackupSection', { timeout: 30_000 }, () => {
  it('exports through a Blob URL and an <a download>, then restores into an empty device', async () => {
    const user = userEvent.setup({ delay: null });
    const classId = await create('classes', { name: 'Room 12', grade: '', archived: false, order: 0 });
    await create('students', { classId, firstName: 'ليلى', lastName: 'حداد', order: 0, archived: false, sourceId: null });
    let blob: Blob | null = null;
    let fileName = '';
    Object.assign(URL, { createObjectURL: (b: Blob) => ((blob = b), 'blob:backup'), revokeObjectURL: () => undefined });
    vi.spyOn(HTMLElement.prototype, 'click').mockImplementation(function (this: HTMLElement) {
      if (this instanceof HTMLAnchorElement) fileName = this.download;
    });
    render(<BackupSection />);
    expect(screen.getByText(/Photos are not included/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Export backup' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Backup saved: 2 records.'));
    expect(fileName).toMatch(/^circulate-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await blob!.text();
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(await readBackup(new Date(JSON.parse(text).exportedAt)))));

    repo.session.reset();
    db.close();
    await db.delete();
    await db.open();
    const input = screen.getByLabelText('Restore from a backup file');
    await user.upload(input, new File(['{"format":"circulate-backup","version":1,"exportedAt":"x","tables":{"classes":[{"id":"c"}]}}'], 'bad.json', { type: 'application/json' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Nothing was restored. Table "classes", record 1 (index 0, id c): field "deleted"');
    expect(await db.classes.count()).toBe(0);

    await user.upload(screen.getByLabelText('Restore from a backup file'), new File([text], 'backup.json', { type: 'application/json' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('2 of its 2 records were new or newer'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect((await db.students.toArray()).map((s) => s.firstName)).toEqual(['ليلى']);
  });
});
