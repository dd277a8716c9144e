import { parseStoredDraft, type ReportDraft } from "./report-draft";

/**
 * Where the report draft lives in the browser: IndexedDB, which keeps the photos as Blobs beside the fields
 * (localStorage holds strings only, and only a few MB). One record per account, so two people sharing a
 * phone never see each other's draft. Without IndexedDB (some private modes) the fields still go to
 * localStorage, without the photos.
 */

const DB_NAME = "gridatlas-intake";
const STORE = "report-drafts";

const isBlob = (v: unknown): v is Blob => typeof Blob !== "undefined" && v instanceof Blob;

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === "undefined") return reject(new Error("no IndexedDB"));
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error("IndexedDB blocked"));
  });
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return openDb().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = work(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(request.result);
        };
        tx.onerror = () => {
          db.close();
          reject(tx.error);
        };
        tx.onabort = () => {
          db.close();
          reject(tx.error ?? new Error("aborted"));
        };
      }),
  );
}

const localKey = (key: string) => `${DB_NAME}:${key}`;

export type DraftStorage = "indexeddb" | "localstorage" | "none";

/** The stored draft of this account, or null. */
export async function loadDraft(key: string): Promise<{ draft: ReportDraft | null; storage: DraftStorage }> {
  try {
    const value = await run("readonly", (s) => s.get(key));
    return { draft: parseStoredDraft(value, isBlob), storage: "indexeddb" };
  } catch {
    try {
      const text = window.localStorage.getItem(localKey(key));
      return { draft: text ? parseStoredDraft(JSON.parse(text), isBlob) : null, storage: "localstorage" };
    } catch {
      return { draft: null, storage: "none" };
    }
  }
}

/** Saves the draft (replacing the previous one); reports where it could be kept. */
export async function saveDraft(key: string, draft: ReportDraft): Promise<DraftStorage> {
  try {
    await run("readwrite", (s) => s.put(draft, key));
    return "indexeddb";
  } catch {
    try {
      window.localStorage.setItem(localKey(key), JSON.stringify({ ...draft, photos: [] }));
      return "localstorage";
    } catch {
      return "none";
    }
  }
}

/** Forgets the draft: only after the server has stored the report. */
export async function clearDraft(key: string): Promise<void> {
  await run("readwrite", (s) => s.delete(key)).catch(() => undefined);
  try {
    window.localStorage.removeItem(localKey(key));
  } catch {
    // nothing stored there
  }
}
