"use client";
import { createContext, useContext, type ReactNode } from "react";

// Unsaved local drafts (use-local-draft.ts) belong to the user who typed them: their localStorage
// keys carry the user's id, so the next person on a shared computer is never offered them, and
// signing out removes them. Drafts written before keys were scoped (no owner) are removed too.

const PREFIX = "newsroom:draft:";
const DraftOwner = createContext<string | null>(null);

export function DraftOwnerProvider({ userId, children }: { userId: string; children: ReactNode }) {
  return <DraftOwner.Provider value={userId}>{children}</DraftOwner.Provider>;
}

/** The signed-in user's id; drafts are not kept at all outside the admin shell. */
export const useDraftOwner = () => useContext(DraftOwner);

export const draftStorageKey = (owner: string, key: string) => `${PREFIX}${owner}:${key}`;

/** Keys of this owner's drafts, and of unscoped ones from before drafts had owners. */
function keysToClear(owner: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < window.localStorage.length; i++) {
    const key = window.localStorage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const rest = key.slice(PREFIX.length).split(":");
    if (rest[0] === owner || rest.length === 2) keys.push(key);
  }
  return keys;
}

export function hasLocalDrafts(owner: string): boolean {
  try {
    return keysToClear(owner).some((k) => k.startsWith(draftStorageKey(owner, "")));
  } catch {
    return false;
  }
}

export function clearLocalDrafts(owner: string): void {
  try {
    for (const key of keysToClear(owner)) window.localStorage.removeItem(key);
  } catch {
    // Storage disabled: nothing was kept.
  }
}
