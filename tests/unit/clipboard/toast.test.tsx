// The undo toast goes away by itself after about five seconds (fake timers), or at once when Undo is tapped.
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UndoToast } from '../../../src/ui/UndoToast';

afterEach(() => vi.useRealTimers());

describe('undo toast', () => {
  it('dismisses itself after five seconds, restarting when a new tap replaces it', () => {
    vi.useFakeTimers();
    const onDismiss = vi.fn();
    const { rerender } = render(<UndoToast message="Ana Lopez, Adds details: needs support" token={1} onUndo={() => {}} onDismiss={onDismiss} />);
    act(() => vi.advanceTimersByTime(4000));
    rerender(<UndoToast message="Ana Lopez, Adds details: secure" token={2} onUndo={() => {}} onDismiss={onDismiss} />);
    act(() => vi.advanceTimersByTime(4000));
    expect(onDismiss).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1000));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('undoes and dismisses on tap', () => {
    const onUndo = vi.fn();
    const onDismiss = vi.fn();
    render(<UndoToast message="x" token={1} onUndo={onUndo} onDismiss={onDismiss} />);
    act(() => screen.getByRole('button', { name: 'Undo' }).click());
    expect(onUndo).toHaveBeenCalledTimes(1);
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});
