import type { ThreadlineDB } from '../db/db';
import type { CrmRecord } from '../model/entities';
import { mutate } from '../write/mutate';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../folders/presets';
import { createRecordIn } from '../write/records';
import { linkThreadPrivatelyIn } from './threads';

const { contacts, companies, deals } = PRESET_FOLDER_IDS;

export type CompanyChoice = { kind: 'none' } | { kind: 'existing'; id: string } | { kind: 'new'; name: string; domain: string };

/**
 * A contact from an email sender, with its company found or created, in one transaction:
 * either both exist afterwards or neither does.
 */
export function createContactFromSender(db: ThreadlineDB, input: {
  firstName: string;
  lastName: string;
  email: string;
  company: CompanyChoice;
}): Promise<CrmRecord> {
  return mutate(db, async (w) => {
    let companyId: string | undefined;
    if (input.company.kind === 'existing') companyId = input.company.id;
    if (input.company.kind === 'new') {
      companyId = (await createRecordIn(w, companies, { fo_name: input.company.name, fo_domain: input.company.domain })).id;
    }
    return createRecordIn(w, contacts, {
      fc_firstName: input.firstName,
      fc_lastName: input.lastName,
      fc_emails: [input.email],
      fc_lifecycleStage: 'lead',
      fc_leadStatus: 'new',
      ...(companyId ? { fc_company: [companyId] } : {}),
    });
  });
}

/** A deal for a thread, named after it, in the first stage of the default pipeline, linked to the thread. */
export function createDealForThread(db: ThreadlineDB, input: { threadId: string; name: string; contactIds: string[]; companyIds: string[] }): Promise<CrmRecord> {
  return mutate(db, async (w) => {
    const pipeline = await w.db.pipelines.get(DEFAULT_PIPELINE_ID);
    const firstStage = pipeline?.stages[0];
    const deal = await createRecordIn(w, deals, {
      fd_name: input.name.trim().slice(0, 200) || 'New deal',
      ...(pipeline && firstStage ? { fd_stage: { pipelineId: pipeline.id, stageId: firstStage.id } } : {}),
      fd_startDate: new Date().toISOString().slice(0, 10),
      ...(input.contactIds.length ? { fd_mainContact: input.contactIds.slice(0, 1) } : {}),
      ...(input.companyIds.length ? { fd_company: input.companyIds.slice(0, 1) } : {}),
    });
    await linkThreadPrivatelyIn(w, input.threadId, deal.id);
    return deal;
  });
}
