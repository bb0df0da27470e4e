import type { CustomRule } from '../../../storage/automations/customTriggers';
import { newRuleId } from '../../../storage/automations/store';
import type { Folder, Pipeline, View } from '../../../storage/model/entities';
import type { Field } from '../../../storage/model/field';
import { t, type PlainKey } from '../../../i18n';

/** What the examples are built from: the workspace as it is (its own folders, fields and stages). */
export type Workspace = { folders: readonly Folder[]; fields: readonly Field[]; pipelines: readonly Pipeline[]; views: readonly View[] };

const RECORD_TITLE = '{{record.title}}';

const folderOf = (ws: Workspace, kind: Folder['kind']) => ws.folders.filter((f) => f.kind === kind).sort((a, b) => a.order - b.order)[0];
const fieldOf = (ws: Workspace, folder: Folder | undefined, key: string) => (folder ? ws.fields.find((f) => f.folderId === folder.id && f.key === key) : undefined);
const optionOf = (field: Field | undefined, id: string) => field?.options?.find((o) => o.id === id)?.id;

/** The stage named by a preset id when the pipeline still has it, else its first open stage past the first. */
function stageOf(ws: Workspace, presetId: string): { pipelineId: string; stageId: string } | undefined {
  const pipeline = [...ws.pipelines].sort((a, b) => a.order - b.order)[0];
  const stage = pipeline?.stages.find((s) => s.id === presetId) ?? pipeline?.stages[1] ?? pipeline?.stages[0];
  return pipeline && stage ? { pipelineId: pipeline.id, stageId: stage.id } : undefined;
}

const rule = (nameKey: PlainKey, body: Omit<CustomRule, 'id' | 'name' | 'enabled' | 'kind'>): CustomRule => ({
  id: newRuleId(),
  name: t(nameKey),
  enabled: true,
  kind: 'custom',
  ...body,
});

type Example = { key: PlainKey; build: (ws: Workspace) => CustomRule | undefined };

/**
 * The examples the builder starts from: the team's own rules from the issue that asked for the
 * builder, and the three fixed templates the page used to offer, now ordinary rules.
 */
export const EXAMPLES: readonly Example[] = [
  {
    key: 'rules.example.tradeFair',
    build: (ws) => {
      const deals = folderOf(ws, 'deals');
      const stage = stageOf(ws, 'proposal');
      const source = fieldOf(ws, deals, 'source');
      const amount = fieldOf(ws, deals, 'amount');
      const priority = fieldOf(ws, deals, 'priority');
      if (!deals || !stage) return undefined;
      return rule('rules.name.tradeFair', {
        trigger: { on: 'stageEntered', folderId: deals.id, ...stage },
        conditions: {
          match: 'all',
          list: [
            ...(source && optionOf(source, 'tradeFair') ? [{ target: 'record' as const, fieldId: source.id, op: 'is', value: 'tradeFair' }] : []),
            ...(amount ? [{ target: 'record' as const, fieldId: amount.id, op: 'gt', value: 10_000 }] : []),
          ],
        },
        actions: [
          { do: 'createTask', title: t('rules.example.taskTitle', { record: RECORD_TITLE }), dueInDays: 2, owner: 'recordOwner' },
          ...(priority && optionOf(priority, 'high') ? [{ do: 'setField' as const, fieldId: priority.id, value: 'high' }] : []),
        ],
      });
    },
  },
  {
    key: 'rules.example.unqualified',
    build: (ws) => {
      const contacts = folderOf(ws, 'contacts');
      const status = fieldOf(ws, contacts, 'leadStatus');
      const lifecycle = fieldOf(ws, contacts, 'lifecycleStage');
      if (!contacts || !status || !lifecycle) return undefined;
      return rule('rules.name.unqualified', {
        trigger: { on: 'fieldChanged', folderId: contacts.id, fieldId: status.id, to: 'unqualified' },
        conditions: { match: 'all', list: [] },
        actions: [{ do: 'setField', fieldId: lifecycle.id, value: 'subscriber' }],
      });
    },
  },
  {
    key: 'rules.example.customerEmail',
    build: (ws) => {
      const contacts = folderOf(ws, 'contacts');
      const lifecycle = fieldOf(ws, contacts, 'lifecycleStage');
      // A date field the team added (e.g. "Last touch"); the birthday is never a sensible choice.
      const date = ws.fields.find((f) => f.folderId === contacts?.id && f.type === 'date' && f.key !== 'birthday');
      if (!contacts || !lifecycle) return undefined;
      return rule('rules.name.customerEmail', {
        trigger: { on: 'activityLogged', folderId: contacts.id, activity: 'emailReceived' },
        conditions: { match: 'all', list: [{ target: 'record', fieldId: lifecycle.id, op: 'is', value: 'customer' }] },
        actions: date ? [{ do: 'setDate', fieldId: date.id, days: 0 }] : [{ do: 'addNote', body: t('rules.example.customerEmail') }],
      });
    },
  },
  {
    key: 'rules.example.stageTask',
    build: (ws) => {
      const deals = folderOf(ws, 'deals');
      const stage = stageOf(ws, 'proposal');
      if (!deals || !stage) return undefined;
      return rule('rules.name.stageTask', {
        trigger: { on: 'stageEntered', folderId: deals.id, ...stage },
        conditions: { match: 'all', list: [] },
        actions: [{ do: 'createTask', title: t('rules.example.taskTitle', { record: RECORD_TITLE }), dueInDays: 2, owner: 'recordOwner' }],
      });
    },
  },
  {
    key: 'rules.example.newLead',
    build: (ws) => {
      const contacts = folderOf(ws, 'contacts');
      const status = fieldOf(ws, contacts, 'leadStatus');
      if (!contacts || !status) return undefined;
      return rule('rules.name.newLead', {
        trigger: { on: 'activityLogged', folderId: contacts.id, activity: 'emailReceived' },
        conditions: { match: 'all', list: [{ target: 'record', fieldId: status.id, op: 'is', value: 'new' }] },
        actions: [{ do: 'setField', fieldId: status.id, value: 'open' }],
      });
    },
  },
  {
    key: 'rules.example.callAgain',
    build: (ws) => {
      const contacts = folderOf(ws, 'contacts');
      if (!contacts) return undefined;
      return rule('rules.name.callAgain', {
        trigger: { on: 'activityLogged', folderId: contacts.id, activity: 'call', outcome: 'noAnswer' },
        conditions: { match: 'all', list: [] },
        actions: [{ do: 'createTask', title: t('rules.example.callAgainTitle', { record: RECORD_TITLE }), dueInDays: 2, owner: 'recordOwner' }],
      });
    },
  },
];

/** A blank rule on the first folder: "when a record is created", one empty task to fill in. */
export function blankRule(ws: Workspace): CustomRule {
  const folder = [...ws.folders].sort((a, b) => a.order - b.order)[0];
  return {
    id: newRuleId(),
    name: '',
    enabled: true,
    kind: 'custom',
    trigger: { on: 'recordCreated', folderId: folder?.id ?? '' },
    conditions: { match: 'all', list: [] },
    actions: [{ do: 'createTask', title: '', owner: 'recordOwner' }],
  };
}
