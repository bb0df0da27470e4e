import type { ThreadContext } from '../../messaging/threadContext';
import { t } from '../../i18n';

/**
 * The demo inbox: threads a rep would see, in English, Spanish and Italian, from company and
 * webmail senders, one with 50 people, one with a hostile sender, and one Threadline cannot
 * read (as if Gmail's page had changed). Used by `npm run dev`, the e2e tests and the benchmarks.
 * Mail is what people wrote, in their language; the inbox's own words follow the page's language.
 */
export const DEMO_USER = { name: 'Alex Morgan', email: 'alex@threadline-demo.com' };
const me = DEMO_USER;
const day = (d: number, h = 10) => Date.UTC(2026, 10, d, h, 0, 0);
const p = (name: string, email: string) => ({ name, email });

const lucia = p('Lucía García', 'lucia.garcia@acme-iberia.es');
const marco = p('Marco Rossi', 'marco.rossi@gmail.com');
const emily = p('Emily Carter', 'emily.carter@northwind.co.uk');

/** `label` is called at render time, so the inbox's own words follow the page's language. */
export type DemoThread = { id: string; label: () => string; context: ThreadContext | Record<string, unknown> };
const said = (text: string) => () => text;

const thread = (threadId: string, subject: string, messages: ThreadContext['messages']): ThreadContext => ({
  threadId,
  subject,
  messages,
  userEmails: [me.email],
});

const many = Array.from({ length: 49 }, (_, i) => p(t('demo.participant', { n: i + 1 }), `person${i + 1}@bigcorp-events.com`));

export const DEMO_THREADS: DemoThread[] = [
  {
    id: 'demo-thread-1',
    label: said('Lucía García — Precio para 200 licencias'),
    context: thread('demo-thread-1', 'Precio para 200 licencias', [
      { messageId: 'demo-msg-1a', from: lucia, to: [me], cc: [], date: day(17, 9), snippet: 'Hola Alex, ¿podrías enviarnos una propuesta para 200 licencias antes del viernes?' },
      { messageId: 'demo-msg-1b', from: me, to: [lucia], cc: [], date: day(17, 15), snippet: 'Hola Lucía, claro: te la envío mañana con el descuento por volumen.' },
    ]),
  },
  {
    id: 'demo-thread-2',
    label: said('Lucía García — Re: propuesta'),
    context: thread('demo-thread-2', 'Re: propuesta', [
      { messageId: 'demo-msg-2a', from: lucia, to: [me], cc: [], date: day(20, 11), snippet: 'Gracias por la propuesta. Lo revisamos con dirección la semana que viene.' },
    ]),
  },
  {
    id: 'demo-thread-3',
    label: said('Marco Rossi — Preventivo fornitura'),
    context: thread('demo-thread-3', 'Preventivo fornitura', [
      { messageId: 'demo-msg-3a', from: marco, to: [me], cc: [], date: day(19, 8), snippet: 'Buongiorno, vorrei un preventivo per la fornitura annuale. Grazie, Marco' },
    ]),
  },
  {
    id: 'demo-thread-4',
    label: said('Emily Carter — Partnership intro'),
    context: thread('demo-thread-4', 'Partnership intro', [
      {
        messageId: 'demo-msg-4a',
        from: emily,
        to: [me],
        cc: [p('James Wright', 'james.wright@northwind.co.uk'), p('Priya Shah', 'priya@threadline-demo.com')],
        date: day(21, 14),
        snippet: 'Hi Alex, great meeting you at the London fair. Looping in James, who runs our EMEA channel.',
      },
    ]),
  },
  {
    id: 'demo-thread-5',
    label: () => t('demo.label.kickoff'),
    context: thread('demo-thread-5', 'Kickoff: all hands', [
      { messageId: 'demo-msg-5a', from: many[0]!, to: [me, ...many.slice(1)], cc: [], date: day(22, 16), snippet: 'Welcome everyone to the kickoff. Agenda attached.' },
    ]),
  },
  {
    id: 'demo-thread-6',
    label: () => t('demo.label.suspicious'),
    context: thread('demo-thread-6', '<b>Invoice</b><script>window.__pwned = 1</script>', [
      {
        messageId: 'demo-msg-6a',
        from: p('"><img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>', 'billing@hostile.example'),
        to: [me],
        cc: [],
        date: day(23, 7),
        snippet: '<svg onload="window.__pwned=1"></svg><a href="javascript:window.__pwned=1">pay now</a>',
      },
    ]),
  },
  {
    id: 'demo-thread-7',
    label: () => t('demo.label.unreadable'),
    // What a changed Gmail page could yield: no messages, an address that is not one.
    context: { threadId: 'demo-thread-7', subject: 'Broken', messages: [{ messageId: 'x', from: { name: 'A', email: 'not-an-address' } }], userEmails: [] },
  },
];
