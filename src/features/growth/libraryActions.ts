// The teacher's own goals in the goal library, through the one write path (teacher-scoped, like starters).
import { create, remove } from '../../db/write';
import { db } from '../../db/db';
import { goalProblem, splitLines } from '../../domain/goalLibrary';

export class GoalInputError extends Error {}

export async function addLibraryGoal(input: { trait: string; text: string; strategies: string; prompts: string }): Promise<string> {
  const goal = { trait: input.trait.trim(), text: input.text.trim(), strategies: splitLines(input.strategies), prompts: splitLines(input.prompts) };
  const problem = goalProblem(goal);
  if (problem) throw new GoalInputError(problem);
  const order = (await db.goalLibrary.toArray()).filter((g) => g.trait === goal.trait).length;
  return create('goalLibrary', { ...goal, order });
}

export function removeLibraryGoal(id: string): Promise<void> {
  return remove('goalLibrary', id);
}
