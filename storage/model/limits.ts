/** Size limits shared by validation, editors and (later) firestore.rules, so all three agree. */
export const LIMITS = {
  shortText: 1_000,
  longText: 100_000,
  email: 254,
  phone: 40,
  url: 2_048,
  listItems: 50,
  label: 120,
  options: 200,
  linkTargets: 1_000,
} as const;
