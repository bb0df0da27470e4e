/**
 * A translation of the English catalogue `E`: exactly its keys, each a string. Language files
 * declare `{ ... } satisfies Catalogue<typeof en>`, so a missing key and an extra key are both
 * compile errors (excess-property check on the literal).
 */
export type Catalogue<E> = { readonly [K in keyof E]: string };
