import { useEffect, useId, useRef, useState } from 'react';
import { loadLocale, t, tIn, type Locale, type PlainKey } from '../../i18n';
import { applyPresetRenames, loadPresetRenames, type PresetRename } from '../../storage/folders/presetRenames';
import { setDeviceLocale } from '../../storage/settings/locale';
import { describeError } from '../errors';
import { useDb } from '../shell/DbProvider';
import { useLocale } from '../shell/LocaleProvider';
import { useCanShape } from './useWorkspaceRole';
import './language.css';

/** Each language by its own name, as language pickers show them. */
const AUTONYMS: Record<Locale, string> = { en: 'English', es: 'Español', it: 'Italiano' };

/**
 * The device's language. Choosing one whose presets are still named in another language first
 * asks, in the chosen language, whether to rename them too: one list of exactly what would be
 * renamed; nothing is renamed without that yes, and names the user changed are never listed.
 */
export function LanguageSetting() {
  const db = useDb();
  const current = useLocale();
  const canRename = useCanShape();
  const id = useId();
  const [pending, setPending] = useState<{ locale: Locale; renames: PresetRename[] }>();
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<unknown>) {
    setErrors([]);
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setErrors(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  const choose = (next: Locale) =>
    run(async () => {
      if (next === current) return;
      // The question is asked in the chosen language, which the page may not hold yet (i18n/index.ts).
      const [renames] = await Promise.all([canRename ? loadPresetRenames(db, next) : [], loadLocale(next)]);
      // Switching remounts the page in the new language: the question comes first, never after.
      if (renames.length) setPending({ locale: next, renames });
      else await setDeviceLocale(db, next);
    });

  const finish = (rename: boolean) =>
    run(async () => {
      if (!pending) return;
      if (rename) await applyPresetRenames(db, pending.locale, pending.renames);
      await setDeviceLocale(db, pending.locale);
    });

  return (
    <section aria-labelledby={`${id}-title`} className="tl-language">
      <h2 id={`${id}-title`}>{t('language.title')}</h2>
      <label>
        {t('language.label')}{' '}
        <select value={pending?.locale ?? current} disabled={busy || !!pending} onChange={(e) => void choose(e.target.value as Locale)}>
          {(Object.keys(AUTONYMS) as Locale[]).map((l) => (
            <option key={l} value={l} lang={l}>{AUTONYMS[l]}</option>
          ))}
        </select>
      </label>
      <p className="tl-muted">{t('language.help')}</p>
      {errors.length > 0 && <p role="alert" className="tl-error">{errors.join(' ')}</p>}
      {pending && <RenameDialog {...pending} busy={busy} onRename={() => void finish(true)} onSwitchOnly={() => void finish(false)} onCancel={() => setPending(undefined)} />}
    </section>
  );
}

type DialogProps = { locale: Locale; renames: PresetRename[]; busy: boolean; onRename: () => void; onSwitchOnly: () => void; onCancel: () => void };

function RenameDialog({ locale, renames, busy, onRename, onSwitchOnly, onCancel }: DialogProps) {
  const id = useId();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const say = (key: PlainKey) => tIn(locale, key);
  return (
    <div role="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-help`} className="tl-dialog tl-rename-dialog" lang={locale}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <h3 id={`${id}-title`}>{say('language.dialog')}</h3>
      <p id={`${id}-help`}>{tIn(locale, 'language.dialogHelp', { language: say(`language.name.${locale}`) })}</p>
      <ul className="tl-rename-list">
        {renames.map((r) => (
          <li key={r.key}>
            <span className="tl-muted">{say(`language.kind.${r.kind}`)}{r.within ? <> · <bdi>{r.within}</bdi></> : null}: </span>
            <bdi>{r.from}</bdi> → <bdi><strong>{r.to}</strong></bdi>
          </li>
        ))}
      </ul>
      <div className="tl-actions">
        <button ref={first} type="button" className="tl-primary" disabled={busy} onClick={onRename}>
          {tIn(locale, 'language.renameAndSwitch', { count: renames.length })}
        </button>
        <button type="button" disabled={busy} onClick={onSwitchOnly}>{say('language.switchOnly')}</button>
        <button type="button" disabled={busy} onClick={onCancel}>{tIn(locale, 'common.cancel')}</button>
      </div>
    </div>
  );
}
