import type { ThreadContext } from '../messaging/threadContext';
import { contact, LONG_HISTORY_EVERY, rng, type Scale } from './generate';

const ME = { name: 'Sam Seller', email: 'sam@threadline.example' };

/**
 * A thread of `size` participants built from the seeded contacts: the first is a long-history
 * contact (the worst case for the timeline), the others are spread over the workspace. Thread ids
 * match the seeded email activities, so some threads are linked to deals.
 */
export function benchThread(seed: number, k: number, size: number, scale: Scale): ThreadContext {
  const r = rng(seed, 7, k * 1000 + size);
  const longContacts = Math.ceil(scale.contacts / LONG_HISTORY_EVERY);
  const main = (k % longContacts) * LONG_HISTORY_EVERY;
  const others = Array.from({ length: size - 1 }, () => Math.floor(r() * scale.contacts));
  const people = [main, ...others].map((i) => {
    const c = contact(seed, i, scale);
    return { name: c.title, email: c.emails[0]! };
  });
  const [first, ...rest] = people;
  return {
    threadId: `thr_${main}_0`,
    subject: `Bench thread ${k} (${size} people)`,
    messages: [
      { messageId: `bench_${k}_${size}_1`, from: first!, to: [ME], cc: rest, date: Date.UTC(2026, 8, 1), snippet: 'Following up on the proposal.' },
      { messageId: `bench_${k}_${size}_2`, from: ME, to: [first!], cc: rest, date: Date.UTC(2026, 8, 2), snippet: 'Thanks, attached.' },
    ],
    userEmails: [ME.email],
  };
}
