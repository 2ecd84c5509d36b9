"use client";
import { useCallback, useEffect, useRef, useState } from "react";

// Keeps an unsaved copy of a form in localStorage, so a crash, a closed tab or a failed save never
// loses what was typed. Cleared after a successful save.

export interface LocalDraft<T> {
  values: T;
  baseVersion: number;
  savedAt: string;
}

export function useLocalDraft<T>(key: string, values: T, dirty: boolean, baseVersion: number) {
  const [offer, setOffer] = useState<LocalDraft<T> | null>(null);
  const checked = useRef(false);

  // On load: offer a stored draft that differs from what the server has.
  useEffect(() => {
    if (checked.current) return;
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
    if (!dirty) return;
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
    window.localStorage.removeItem(key);
    setOffer(null);
  }, [key]);

  return { offer, dismissOffer: clear, clear };
}
