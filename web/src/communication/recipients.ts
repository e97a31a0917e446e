// How recipient groups read: one label per group that names who it is ("Wychowawca — Anna Nowak (klasa 4a)",
// "Rodzice klasy 4a (25)"), the kinds in the order the picker shows them, and a search that ignores case and accents.
import type { MessageKey, Translate } from '../i18n';
import type { AddressedTo, RecipientGroup, RecipientKind } from './types';

/** The picker's sections, families' kinds first. */
export const RECIPIENT_KINDS: RecipientKind[] = [
  'homeroom',
  'teacher',
  'council',
  'role',
  'staff',
  'class_parents',
  'class_students',
  'group_parents',
  'group_students',
  'parents_of',
  'student',
];

/** The kinds that stand for a changing number of people; their labels end with how many. */
const GROUP_KINDS = new Set<string>([
  'council',
  'role',
  'class_parents',
  'class_students',
  'group_parents',
  'group_students',
]);

/** A group's name the way the picker, the chosen list and a message's "To" show it. */
export function recipientLabel(g: AddressedTo & { detail?: string; count?: number }, t: Translate): string {
  const name = g.kind === 'role' ? t(`recipient.role.${g.name}` as MessageKey) : g.name;
  const detail = g.kind === 'staff' && g.detail ? t(`role.${g.detail}` as MessageKey) : (g.detail ?? '');
  const key = (g.kind === 'person' ? 'recipient.person' : `recipient.${g.kind}`) as MessageKey;
  let label = t(key, { name });
  if (detail) label += ` (${g.kind === 'homeroom' ? t('recipient.classDetail', { name: detail }) : detail})`;
  // A role held by one person ("Dyrektor") needs no count; a class's parents do ("Rodzice klasy 4a (25)").
  if (GROUP_KINDS.has(g.kind) && g.count !== undefined && (g.kind !== 'role' || g.count > 1)) label += ` (${g.count})`;
  return label;
}

/** The text a search compares: lower case, without accents ("Dąbrowska" is found by "dabrowska"). */
export function searchable(text: string): string {
  return text.toLocaleLowerCase('pl').replace(/ł/g, 'l').normalize('NFD').replace(/\p{M}/gu, '');
}

/** The groups whose label contains every word typed, in the picker's order of kinds. */
export function groupsByKind(
  groups: RecipientGroup[],
  filter: string,
  t: Translate,
): { kind: RecipientKind; items: { group: RecipientGroup; label: string }[] }[] {
  const words = searchable(filter).split(/\s+/).filter(Boolean);
  const sections = RECIPIENT_KINDS.map((kind) => ({ kind, items: [] as { group: RecipientGroup; label: string }[] }));
  for (const group of groups) {
    const label = recipientLabel(group, t);
    const text = searchable(label);
    if (!words.every((w) => text.includes(w))) continue;
    sections.find((s) => s.kind === group.kind)?.items.push({ group, label });
  }
  return sections.filter((s) => s.items.length > 0);
}
