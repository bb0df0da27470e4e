/** English strings of the views area; es.ts and it.ts beside this file must have the same keys. */
export const en = {} as const;
