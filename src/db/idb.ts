// Plain IndexedDB requests as promises, for the routes that run on Dexie's connection without its transactions.
export function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}
