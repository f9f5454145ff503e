/**
 * Presence: who is in the project and what they have selected (the `presence` subscription), and our own entry kept
 * alive with updatePresence (entries expire after their TTL, so a closed tab disappears).
 */
import { useEffect, useState } from 'react';
import { useMutation, useSubscription } from '@apollo/client/react';
import { PresenceSub, UpdatePresence } from '../operations';
import type { PresenceSubscription } from '../gql/graphql';

type Entry = PresenceSubscription['presence']['entries'][number];

export function Presence({ projectId, selection }: { projectId: string; selection: string[] }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [update] = useMutation(UpdatePresence);
  useSubscription(PresenceSub, {
    variables: { projectId },
    onData: ({ data }) => {
      const event = data.data?.presence;
      if (!event) return;
      setEntries((current) => {
        if (event.kind === 'SNAPSHOT') return event.entries;
        const others = current.filter((e) => !event.entries.some((x) => x.userId === e.userId));
        return event.kind === 'LEFT' ? others : [...others, ...event.entries];
      });
    },
  });
  const selectionKey = selection.join(',');
  useEffect(() => {
    const announce = () => void update({ variables: { projectId, selection } }).catch(() => undefined);
    announce();
    const timer = setInterval(announce, 20_000);
    return () => clearInterval(timer);
  }, [projectId, selectionKey]);
  return (
    <ul className="presence" data-testid="presence" aria-label="People in this project">
      {entries.map((e) => (
        <li key={e.userId} title={e.selection.length ? `Selected: ${e.selection.join(', ')}` : 'Nothing selected'} data-user={e.userId}>
          {e.name ?? e.userId}
          {e.selection.length > 0 && <small> · {e.selection.join(', ')}</small>}
        </li>
      ))}
    </ul>
  );
}
