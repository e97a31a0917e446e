// A family account's linked school accounts (GET /family/links), shared by the family page and the header's child
// switcher so that both read one answer, and the switch between them. A family session acts as one linked account at
// a time: after a switch, a new link or an unlink, GET /me is read again and the app re-renders as that account — the
// shell, its pages and the live feed are keyed by the acting user's id (see App), so they all start afresh.
import { useEffect, useState } from 'preact/hooks';
import { get, post, type VisibleStudent } from '../api';
import { useApp } from '../context';

export interface FamilyLink {
  id: number;
  user_id: number;
  login: string;
  role: 'parent' | 'student';
  first_name: string;
  last_name: string;
  school: { id: number; name: string };
  /** The children of a parent's account; a student's account sees only themself. */
  students: VisibleStudent[];
  linked_at: string;
  /** False when the school has disabled the account: it cannot be switched to. */
  active: boolean;
}

export interface FamilyLinks {
  links: FamilyLink[];
  /** The link the session acts as; null before the first link. */
  active_link_id: number | null;
}

interface Known {
  family: number | null;
  data: FamilyLinks | null;
  error: unknown;
}

let known: Known = { family: null, data: null, error: null };
let reading: { family: number; answer: Promise<FamilyLinks | null> } | null = null;
let latest = 0;
const listeners = new Set<(k: Known) => void>();

function publish(next: Known): void {
  known = next;
  listeners.forEach((fn) => fn(next));
}

/** Reads the links again; the last request made wins. Resolves with the links, or null when the read failed. */
function read(family: number): Promise<FamilyLinks | null> {
  const ticket = ++latest;
  const answer = get<FamilyLinks>('/family/links').then(
    (data) => {
      if (ticket === latest) publish({ family, data, error: null });
      return data;
    },
    (error: unknown) => {
      if (ticket === latest) publish({ family, data: known.family === family ? known.data : null, error });
      return null;
    },
  );
  reading = { family, answer };
  void answer.finally(() => {
    if (reading?.answer === answer) reading = null;
  });
  return answer;
}

/** A read for a newly shown component: shares one under way, so the header and the page ask once. */
function freshen(family: number): void {
  if (reading?.family !== family) void read(family);
}

/**
 * The links of the signed-in family account, read when the component appears (null while unknown, and for sessions
 * of school accounts), the failure of the last read, and `reload`, which reads them again after a change.
 */
export function useFamilyLinks(): {
  data: FamilyLinks | null;
  error: unknown;
  reload: () => Promise<FamilyLinks | null>;
} {
  const { me } = useApp();
  const family = me?.family?.id ?? null;
  const [current, setCurrent] = useState(known);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(known);
    if (family !== null) freshen(family);
    return () => {
      listeners.delete(setCurrent);
    };
  }, [family]);
  const mine = family !== null && current.family === family;
  return {
    data: mine ? current.data : null,
    error: mine ? current.error : null,
    reload: () => (family === null ? Promise.resolve(null) : read(family)),
  };
}

/** The account's name as the family sees it: "Ewa Rodzinna". */
export const linkName = (link: FamilyLink) => `${link.first_name} ${link.last_name}`;

/**
 * Makes the session act as the link's school account from now on, then reads GET /me again: the app re-renders as
 * that account (and the live feed reconnects for it).
 */
export async function switchToLink(linkId: number, refreshMe: () => Promise<void>): Promise<void> {
  await post(`/family/links/${linkId}/switch`);
  await refreshMe();
}

/**
 * A message for the page that appears after the session changed accounts: the shell and its page are made afresh
 * then (they are keyed by the acting user), so what the old page would have said is handed over here, read once.
 */
let handedOver: string | null = null;

export function handOver(message: string): void {
  handedOver = message;
}

export function takeHandedOver(): string | null {
  const message = handedOver;
  handedOver = null;
  return message;
}
