"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { configRequest, ConfigRequestError } from "./config-request";

export type WriteState = { busy: boolean; error: string | null; stale: boolean };

/**
 * One configuration form's write: sends it, refreshes the server-rendered page on success (the new
 * version comes with it), and keeps the Chinese refusal; `stale` marks a conflict or a vanished row,
 * where only reloading the page helps.
 */
export function useConfigWrite() {
  const router = useRouter();
  const [state, setState] = useState<WriteState>({ busy: false, error: null, stale: false });
  const send = async (url: string, method: "POST" | "PATCH" | "DELETE", body: unknown): Promise<boolean> => {
    setState({ busy: true, error: null, stale: false });
    try {
      await configRequest(url, method, body);
      setState({ busy: false, error: null, stale: false });
      router.refresh();
      return true;
    } catch (e) {
      const code = e instanceof ConfigRequestError ? e.code : "INTERNAL";
      setState({ busy: false, error: (e as Error).message, stale: code === "CONFLICT" || code === "NOT_FOUND" });
      return false;
    }
  };
  const clear = () => setState({ busy: false, error: null, stale: false });
  return { ...state, send, clear, refresh: () => router.refresh() };
}
