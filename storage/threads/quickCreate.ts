import type { ThreadlineDB } from '../db/db';
import type { CrmRecord, RecordValues } from '../model/entities';
import type { Currency } from '../model/fieldValues';
import { mutate, type Writer } from '../write/mutate';
import { findCompanyForEmail, findRecordsByEmails } from '../queries/queries';
import { normalizeEmail } from '../model/normalize';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../folders/presets';
import { createRecordIn } from '../write/records';
import { linkThreadPrivatelyIn } from './threads';

const { contacts, companies, deals } = PRESET_FOLDER_IDS;

export type CompanyChoice = { kind: 'none' } | { kind: 'existing'; id: string } | { kind: 'new'; name: string; domain: string };

export type SenderContact = { firstName: string; lastName: string; email: string; company: CompanyChoice };

/**
 * A contact from an email sender, with its company found or created, in one transaction:
 * either both exist afterwards or neither does.
 */
export function createContactFromSender(db: ThreadlineDB, input: SenderContact): Promise<CrmRecord> {
  return mutate(db, (w) => createContactFromSenderIn(w, input));
}

/**
 * "Add all" on a thread of many people: every contact in one transaction. People of one new
 * company share it: a company is created once per domain, and found by its domain after that.
 * Addresses that already belong to a contact (people the panel had not read yet) are skipped.
 */
export function createContactsFromSenders(db: ThreadlineDB, inputs: readonly SenderContact[]): Promise<CrmRecord[]> {
  return mutate(db, async (w) => {
    const known = new Set((await findRecordsByEmails(w.db, inputs.map((i) => i.email))).filter((r) => r.folderId === contacts).flatMap((r) => r.emails));
    const out: CrmRecord[] = [];
    for (const input of inputs) {
      if (known.has(normalizeEmail(input.email))) continue;
      known.add(normalizeEmail(input.email));
      out.push(await createContactFromSenderIn(w, input));
    }
    return out;
  });
}

async function companyIdIn(w: Writer, choice: CompanyChoice): Promise<string | undefined> {
  if (choice.kind === 'existing') return choice.id;
  if (choice.kind === 'none') return undefined;
  // Created a moment ago for someone else of the same company (or by another tab): reuse it.
  const found = await findCompanyForEmail(w.db, `x@${choice.domain}`, companies);
  return found?.id ?? (await createRecordIn(w, companies, { fo_name: choice.name, fo_domain: choice.domain })).id;
}

async function createContactFromSenderIn(w: Writer, input: SenderContact): Promise<CrmRecord> {
  const companyId = await companyIdIn(w, input.company);
  return createRecordIn(w, contacts, {
    fc_firstName: input.firstName,
    fc_lastName: input.lastName,
    fc_emails: [input.email],
    fc_lifecycleStage: 'lead',
    fc_leadStatus: 'new',
    ...(companyId ? { fc_company: [companyId] } : {}),
  });
}

/** What the rep gives a deal made from a thread; `extra` holds mandatory fields the ask filled in. */
export type NewDealInput = {
  threadId: string;
  name: string;
  contactIds: string[];
  companyIds: string[];
  amount?: Currency;
  /** YYYY-MM-DD */
  closeDate?: string;
  /** Defaults to the default pipeline; the deal starts in its first stage. */
  pipelineId?: string;
  extra?: RecordValues;
};

/**
 * A deal for a thread, named after it unless the rep renamed it, in the first stage of the chosen
 * pipeline, linked to the thread, in one transaction: a refusal (a mandatory field left empty,
 * which the sidebar then asks for) writes nothing.
 */
export function createDealForThread(db: ThreadlineDB, input: NewDealInput): Promise<CrmRecord> {
  return mutate(db, async (w) => {
    const pipeline = (input.pipelineId && (await w.db.pipelines.get(input.pipelineId))) || (await w.db.pipelines.get(DEFAULT_PIPELINE_ID));
    const firstStage = pipeline?.stages[0];
    const deal = await createRecordIn(w, deals, {
      ...input.extra,
      fd_name: input.name.trim().slice(0, 200) || 'New deal',
      ...(pipeline && firstStage ? { fd_stage: { pipelineId: pipeline.id, stageId: firstStage.id } } : {}),
      fd_startDate: new Date().toISOString().slice(0, 10),
      ...(input.amount ? { fd_amount: input.amount } : {}),
      ...(input.closeDate ? { fd_expectedClose: input.closeDate } : {}),
      ...(input.contactIds.length ? { fd_mainContact: input.contactIds.slice(0, 1) } : {}),
      ...(input.companyIds.length ? { fd_company: input.companyIds.slice(0, 1) } : {}),
    });
    await linkThreadPrivatelyIn(w, input.threadId, deal.id);
    return deal;
  });
}
