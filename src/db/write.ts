// The one write path of this device's database. Every create, update and delete stamps its changed fields with
// the HLC and appends the change to the outbox in the same Dexie transaction (see Repo). Features import from here.

import { db } from './db';
import { Repo } from './repo';
import type { Fields, TableName } from '../shared/records';

export type { Writer, RemoteChange } from './repo';

export const repo = new Repo(db);

export const ready = (): Promise<void> => repo.session.ready();

export const create = <T extends TableName>(table: T, fields: Fields<T>, id?: string) => repo.create(table, fields, id);
export const update = <T extends TableName>(table: T, id: string, patch: Partial<Fields<T>>) => repo.update(table, id, patch);
export const remove = (table: TableName, id: string) => repo.remove(table, id);
export const restore = (table: TableName, id: string) => repo.restore(table, id);
export const transact: Repo['transact'] = (fn, tables) => repo.transact(fn, tables);

export const currentAuthor = (): string => repo.session.author;
export const setAuthor = (name: string): Promise<void> => repo.session.setAuthor(name);
