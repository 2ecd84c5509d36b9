"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { draftStorageKey, useDraftOwner } from "./local-drafts";

// Keeps an unsaved copy of a form in localStorage, so a crash, a closed tab or a failed save never
// loses what was typed. Cleared after a successful save. The storage key carries the signed-in
// user's id (local-drafts.tsx): nobody else using this browser is offered it, and signing out
// removes it.

export interface LocalDraft<T> {
  values: T;
  baseVersion: number;
  savedAt: string;
}

export function useLocalDraft<T>(draftKey: string, values: T, dirty: boolean, baseVersion: number) {
  const owner = useDraftOwner();
  // Without a known owner nothing is stored: a key nobody owns could be offered to anyone.
  const key = owner ? draftStorageKey(owner, draftKey) : null;
  const [offer, setOffer] = useState<LocalDraft<T> | null>(null);
  const checked = useRef(false);

  // On load: offer a stored draft that differs from what the server has.
  useEffect(() => {
    if (checked.current || !key) return;
    checked.current = true;
    try {
      const raw = window.localStorage.getItem(key);
      if (!raw) return;
      const stored = JSON.parse(raw) as LocalDraft<T>;
      // localStorage exists only after hydration, so the offer is state set from an effect.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      if (JSON.stringify(stored.values) !== JSON.stringify(values)) setOffer(stored);
      else window.localStorage.removeItem(key);
    } catch {
      window.localStorage.removeItem(key);
    }
  }, [key, values]);

  useEffect(() => {
    if (!dirty || !key) return;
    const timer = window.setTimeout(() => {
      const draft: LocalDraft<T> = { values, baseVersion, savedAt: new Date().toISOString() };
      try {
        window.localStorage.setItem(key, JSON.stringify(draft));
      } catch {
        // Storage full or disabled: the form still holds the text.
      }
    }, 400);
    return () => window.clearTimeout(timer);
  }, [key, values, dirty, baseVersion]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const clear = useCallback(() => {
    if (key) window.localStorage.removeItem(key);
    setOffer(null);
  }, [key]);

  return { offer, dismissOffer: clear, clear };
}
