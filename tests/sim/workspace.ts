import { saveAutomationRules } from '../../storage/automations/store';
import type { ThreadlineDB } from '../../storage/db/db';
import { addField, type FieldInput } from '../../storage/fields/fieldsAdmin';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS } from '../../storage/folders/presets';

const { contacts, companies, deals } = PRESET_FOLDER_IDS;
const options = (...ids: string[]) => ids.map((id) => ({ id, label: id[0]!.toUpperCase() + id.slice(1) }));

/**
 * Field types the preset folders lack, added as a workspace admin would (field admin page), so
 * that every editable type is written, merged and synced: number, checkbox, multiple choice, URL,
 * multi-line text, and a link from a folder to itself (which merges rewrite too).
 */
const CUSTOM_FIELDS: [folderId: string, input: FieldInput][] = [
  [contacts, { label: 'Score', type: 'number' }],
  [contacts, { label: 'Newsletter', type: 'checkbox' }],
  [contacts, { label: 'Interests', type: 'multiDropdown', options: options('crm', 'email', 'mobile', 'api') }],
  [contacts, { label: 'Website', type: 'url' }],
  [contacts, { label: 'Background', type: 'longText' }],
  [companies, { label: 'Parent company', type: 'link', settings: { targetFolderId: companies } }],
  [deals, { label: 'Tags', type: 'multiDropdown', options: options('upsell', 'renewal', 'new') }],
];

/** The automations page's rules: each fires inside the write that triggers it, on that replica. */
const RULES = [
  { id: 'rule_proposal', name: 'Proposal → task', enabled: true, kind: 'stageEntered', pipelineId: DEFAULT_PIPELINE_ID, stageId: 'proposal', action: { kind: 'createTask', title: 'Send the proposal', dueInDays: 2 } },
  { id: 'rule_negotiation', name: 'Negotiation → high priority', enabled: true, kind: 'stageEntered', pipelineId: DEFAULT_PIPELINE_ID, stageId: 'negotiation', action: { kind: 'setField', fieldId: 'fd_priority', value: 'high' } },
  { id: 'rule_won', name: 'Won → customer', enabled: true, kind: 'dealWon' },
  { id: 'rule_lead', name: 'New lead wrote → open', enabled: true, kind: 'emailFromNewLead' },
];

/** What the workspace owner sets up on the first device before the team starts; it reaches the others by sync. */
export async function setUpWorkspace(db: ThreadlineDB): Promise<void> {
  for (const [folderId, input] of CUSTOM_FIELDS) await addField(db, folderId, input);
  await saveAutomationRules(db, RULES);
}
