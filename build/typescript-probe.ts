/** Imported by typescript-imports.ts to learn whether this process loads TypeScript. */
export const loaded: boolean = true;
