// Picks the store from the environment: PostgreSQL when DATABASE_URL is set, otherwise SQLite under DATA_DIR (./data).

import { openPostgresStore } from './postgres';
import { openSqliteStore } from './sqlite';
import type { Store } from './types';

export interface StoreConfig {
  databaseUrl?: string;
  dataDir?: string;
  /** PostgreSQL schema (default public). */
  pgSchema?: string;
}

export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  return { databaseUrl: env.DATABASE_URL || undefined, dataDir: env.DATA_DIR || undefined, pgSchema: env.PG_SCHEMA || undefined };
}

export async function openStore(config: StoreConfig): Promise<Store> {
  if (config.databaseUrl) return openPostgresStore(config.databaseUrl, { schema: config.pgSchema });
  return openSqliteStore(config.dataDir ?? 'data');
}
