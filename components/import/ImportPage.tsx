import { useEffect, useId, useState } from 'react';
import { DEDUP_MODES, discardImportJob, findResumableJob, type DedupMode, type ImportFile, type ImportJob } from '../../storage/csv/importJob';
import type { LinkOptions } from '../../storage/csv/links';
import { autoMap, duplicateTargets, type ColumnMapping } from '../../storage/csv/mapping';
import { previewCsv, type CsvPreview } from '../../storage/csv/parse';
import type { CsvEncoding } from '../../storage/csv/encoding';
import { addUnknownOptions } from '../../storage/csv/newOptions';
import { describeError } from '../errors';
import { useFolderSchema } from '../hooks';
import type { FolderSchema } from '../../storage/folders/schema';
import { useDb } from '../shell/DbProvider';
import { t } from '../../i18n';
import { useCanWrite } from '../workspace/useWorkspaceRole';
import { ViewOnlyNote } from '../workspace/ViewOnlyNote';
import { FolderPicker, useDefaultFolder } from './FolderPicker';
import { formatCount, formatPercent } from '../format';
import { ImportMapping } from './ImportMapping';
import { ImportReading } from './ImportReading';
import { useImportReading } from './useImportReading';
import { ImportReport, importedCount } from './ImportReport';
import { UnfinishedImports } from './UnfinishedImports';
import { FilePicker } from '../pickers/FilePicker';
import { useImportRun, type Running } from './useImportRun';
import '../pages.css';

type Picked = CsvPreview & { file: File; pick: number };

const fingerprint = (file: File): ImportFile => ({ name: file.name, size: file.size, lastModified: file.lastModified });
const DEDUP_LABELS = { skip: 'data.import.dedupSkip', update: 'data.import.dedupUpdate', create: 'data.import.dedupCreate' } as const;

/** CSV import: pick a folder and a file, map columns to fields, choose how duplicates are handled, run. */
export function ImportPage() {
  const db = useDb();
  const id = useId();
  const [chosenFolder, setChosenFolder] = useState<string>();
  const folderId = useDefaultFolder(chosenFolder);
  const schema = useFolderSchema(folderId);
  const [picked, setPicked] = useState<Picked>();
  const [edited, setEdited] = useState<{ key: string; mapping: ColumnMapping }>();
  const [linkChoices, setLinkChoices] = useState<{ key: string; links: LinkOptions }>();
  const [dedup, setDedup] = useState<DedupMode>('skip');
  const [resumable, setResumable] = useState<ImportJob>();
  const { running, result, errors, setErrors, run, clear } = useImportRun();
  const canWrite = useCanWrite();

  // The proposed mapping for this file and folder until the person changes it.
  const mappingKey = picked && schema ? `${schema.folder.id}#${picked.pick}` : '';
  const mapping = edited?.key === mappingKey ? edited.mapping : picked && schema ? autoMap(picked.headers, schema.fields) : [];
  // Only what the person changed; the rest takes the defaults the preview shows (defaultLinkOption).
  const links = linkChoices?.key === mappingKey ? linkChoices.links : {};
  const read = useImportReading(picked, schema, mapping, mappingKey);

  // A new file or folder: look for an unfinished import of this same file into this folder.
  useEffect(() => {
    if (!picked || !schema || running) return;
    let live = true;
    void findResumableJob(db, schema.folder.id, fingerprint(picked.file)).then((job) => live && setResumable(job));
    return () => {
      live = false;
    };
  }, [db, picked, schema, running]);

  /** Reads the file again with another encoding: same file, so the mapping and choices stay. */
  async function reread(encoding: CsvEncoding) {
    if (!picked) return;
    try {
      setPicked({ ...picked, ...(await previewCsv(picked.file, 10, encoding)) });
    } catch (e) {
      setErrors(describeError(e));
    }
  }

  async function pick(file: File | undefined) {
    clear();
    setPicked(undefined);
    setResumable(undefined);
    if (!file) return;
    try {
      setPicked({ file, pick: Date.now(), ...(await previewCsv(file)) });
    } catch (e) {
      setErrors(describeError(e));
    }
  }

  async function start(resume?: ImportJob) {
    if (!picked || !schema) return;
    if (resume) return run(picked.file, { resumeId: resume.id });
    if (resumable) await discardImportJob(db, resumable.id);
    const { reading } = read;
    try {
      if (reading.unknownOptions === 'add') await addUnknownOptions(db, read.unknown);
    } catch (e) {
      return setErrors(describeError(e));
    }
    return run(picked.file, { start: { folderId: schema.folder.id, file: fingerprint(picked.file), headers: picked.headers, mapping, dedup, links, reading } });
  }

  const blocked = !picked || !schema || duplicateTargets(mapping).length > 0 || !mapping.some(Boolean);
  return (
    <div className="tl-data-page">
      <header className="tl-toolbar">
        <h2>{t('data.import.title')}</h2>
      </header>
      <ViewOnlyNote canWrite={canWrite} />
      {errors && (
        <div role="alert" className="tl-error">
          {errors.map((e, i) => (
            <div key={i}>{e}</div>
          ))}
        </div>
      )}
      {running ? (
        <ImportRunning running={running} />
      ) : result ? (
        <ImportReport job={result} onAgain={() => void pick(undefined)} />
      ) : !canWrite ? null : (
        <>
          <UnfinishedImports />
          <div className="tl-data-pick">
            <FolderPicker value={folderId} onChange={setChosenFolder} />
            <label htmlFor={`${id}-file`}>{t('data.import.file')}</label>
            <FilePicker id={`${id}-file`} accept=".csv,text/csv" onChange={(e) => void pick(e.target.files?.[0])} />
          </div>
          {picked && schema && (
            <>
              <ImportMapping
                schema={schema}
                headers={picked.headers}
                rows={picked.rows}
                mapping={mapping}
                onMapping={(m) => setEdited({ key: mappingKey, mapping: m })}
                links={links}
                onLinks={(l) => setLinkChoices({ key: mappingKey, links: l })}
                reading={read.reading}
              />
              <ImportReading decoded={picked.decoded} onEncoding={(enc) => void reread(enc)} onReading={read.setReading} {...read} />
              <NoEmailWarning schema={schema} mapping={mapping} />
              <DedupChoice value={dedup} onChange={setDedup} />
              <StartButtons resumable={resumable} blocked={blocked} onStart={(resume) => void start(resume)} />
            </>
          )}
        </>
      )}
    </div>
  );
}

function DedupChoice({ value, onChange }: { value: DedupMode; onChange: (mode: DedupMode) => void }) {
  const id = useId();
  return (
    <fieldset className="tl-data-dedup">
      <legend>{t('data.import.dedup')}</legend>
      <p className="tl-muted">{t('data.import.dedupHelp')}</p>
      {DEDUP_MODES.map((mode) => (
        <label key={mode}>
          <input type="radio" name={`${id}-dedup`} value={mode} checked={value === mode} onChange={() => onChange(mode)} /> {t(DEDUP_LABELS[mode])}
        </label>
      ))}
    </fieldset>
  );
}

/** Start, or, when this file's import stopped part-way, continue it (or start over). */
function StartButtons({ resumable, blocked, onStart }: { resumable?: ImportJob; blocked: boolean; onStart: (resume?: ImportJob) => void }) {
  if (!resumable) {
    return (
      <button type="button" className="tl-primary tl-data-start" disabled={blocked} onClick={() => onStart()}>
        {t('data.import.start')}
      </button>
    );
  }
  return (
    <div className="tl-data-resume" role="status">
      <p>{t('data.import.resumeFound', { rows: formatCount(resumable.rowsDone) })}</p>
      <button type="button" className="tl-primary" onClick={() => onStart(resumable)}>
        {t('data.import.resume', { row: formatCount(resumable.rowsDone + 2) })}
      </button>
      <button type="button" disabled={blocked} onClick={() => onStart()}>
        {t('data.import.startOver')}
      </button>
    </div>
  );
}

function ImportRunning({ running }: { running: Running }) {
  const { job, fraction, controller } = running;
  const [cancelled, setCancelled] = useState(false);
  return (
    <section className="tl-data-running" aria-label={t('data.import.progress')}>
      <progress max={1} value={fraction} aria-label={t('data.import.progress')} />
      <span> {formatPercent(fraction)}</span>
      {job && (
        <p role="status">
          {t('data.import.progressText', { rows: formatCount(job.rowsDone), imported: formatCount(importedCount(job)), refused: formatCount(job.counts.bad) })}
        </p>
      )}
      <button
        type="button"
        disabled={cancelled}
        onClick={() => {
          setCancelled(true);
          controller.abort();
        }}
      >
        {t('data.import.cancel')}
      </button>
    </section>
  );
}

/** Rows are matched with existing records by their emails: without an email column, duplicates go unnoticed. */
function NoEmailWarning({ schema, mapping }: { schema: FolderSchema; mapping: ColumnMapping }) {
  const emails = schema.fields.filter((f) => f.type === 'email');
  if (emails.length === 0 || emails.some((f) => mapping.includes(f.id))) return null;
  return (
    <p role="status" className="tl-data-warn">
      {t('data.import.noEmail', { field: emails.map((f) => f.label).join(', ') })}
    </p>
  );
}
