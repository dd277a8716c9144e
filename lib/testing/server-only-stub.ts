// Lets server modules load under vitest, which has no React server condition.
export {};
