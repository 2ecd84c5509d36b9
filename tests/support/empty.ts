// Stand-in for the "server-only" package under vitest (it throws outside React Server Components).
export {};
