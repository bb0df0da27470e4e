import { useLiveQuery } from 'dexie-react-hooks';
import { recordPeople } from '../../storage/queries/people';
import { useDb } from '../shell/DbProvider';
import { ActivityComposer } from './ActivityComposer';

/** A record page's note, call and meeting forms, offering the record's people as attendees. */
export function RecordActivities({ recordId }: { recordId: string }) {
  const db = useDb();
  const people = useLiveQuery(() => recordPeople(db, recordId), [db, recordId]);
  if (!people) return null;
  return <ActivityComposer target={{ recordIds: [recordId], people }} />;
}
