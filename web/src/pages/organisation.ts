// What the school-organisation pages share: who may change what, and the lists their forms choose from.
import {
  get,
  query,
  type Assignment,
  type Group,
  type Role,
  type Room,
  type SchoolClass,
  type Student,
  type User,
} from '../api';
import { useLoad } from '../components/page';
import { byName, byPolish } from '../format';

/** Admin and secretary set the school up; the director (and other staff) only read it. */
export const managesOrganisation = (role: Role | undefined) => role === 'admin' || role === 'secretary';

/** The calendar (school years, terms, free days) is also the director's to manage. */
export const managesCalendar = (role: Role | undefined) => managesOrganisation(role) || role === 'director';

/** The roles an assignment may name as its teacher (docs/openapi.yaml, createAssignment). */
const TEACHING_ROLES: Role[] = ['teacher', 'director', 'pedagogue'];

/** Active staff who may teach a subject, by surname. */
export function useTeachingStaff(schoolId: number) {
  return useLoad(async () => {
    const data = await get<{ items: User[] }>(`/schools/${schoolId}/users`);
    return data.items.filter((u) => u.active !== false && TEACHING_ROLES.includes(u.role)).sort(byName);
  }, [schoolId]);
}

/** Active teachers (the role a homeroom teacher must have), by surname. */
export function useTeachers(schoolId: number) {
  return useLoad(async () => {
    const data = await get<{ items: User[] }>(`/schools/${schoolId}/users${query({ role: 'teacher' })}`);
    return data.items.filter((u) => u.active !== false).sort(byName);
  }, [schoolId]);
}

/** The school's rooms, by name. */
export function useRooms(schoolId: number) {
  return useLoad(async () => {
    const data = await get<{ items: Room[] }>(`/schools/${schoolId}/rooms`);
    return [...data.items].sort((a, b) => byPolish(a.name, b.name));
  }, [schoolId]);
}

/** Register order: by number, students not numbered yet last and by name. */
export const byRegister = (a: Student, b: Student) =>
  (a.register_number ?? Infinity) - (b.register_number ?? Infinity) || byName(a, b);

/** Class by class (1a, 2a, 10a), each in register order. */
export const byClassThenRegister = (a: Student, b: Student) => byPolish(a.class_name, b.class_name) || byRegister(a, b);

/** One class's students in register order; none while no class is chosen. */
export function useClassStudents(schoolId: number, classId: string) {
  return useLoad(async () => {
    if (!classId) return [];
    const data = await get<{ items: Student[] }>(`/schools/${schoolId}/students${query({ class_id: classId })}`);
    return [...data.items].sort(byRegister);
  }, [schoolId, classId]);
}

/** One class's groups, by name; none while no class is chosen. */
export function useGroups(schoolId: number, classId: string) {
  return useLoad(async () => {
    if (!classId) return [];
    const data = await get<{ items: Group[] }>(`/schools/${schoolId}/groups${query({ class_id: classId })}`);
    return data.items;
  }, [schoolId, classId]);
}

/** "3. Kowalska Anna", or the name alone before the class is numbered. */
export const studentLabel = (s: Pick<Student, 'register_number' | 'first_name' | 'last_name'>) =>
  `${s.register_number ? `${s.register_number}. ` : ''}${s.last_name} ${s.first_name}`;

/**
 * The school's classes by name (`all`) and those that are the user's (`mine`): every one for `everyClass` (the office),
 * else those the user teaches in or is the homeroom teacher of. Nothing while `schoolId` is null.
 */
export function useClassesOf(schoolId: number | null, userId: number, everyClass: boolean) {
  return useLoad(async () => {
    if (schoolId === null) return { all: [] as SchoolClass[], mine: [] as SchoolClass[] };
    const classes = await get<{ items: SchoolClass[] }>(`/schools/${schoolId}/classes`);
    const all = [...classes.items].sort((a, b) => byPolish(a.name, b.name));
    if (everyClass) return { all, mine: all };
    const taught = await get<{ items: Assignment[] }>(
      `/schools/${schoolId}/assignments${query({ teacher_id: userId })}`,
    );
    const ids = new Set(taught.items.map((a) => a.class_id));
    return { all, mine: all.filter((c) => ids.has(c.id) || c.homeroom_teacher?.id === userId) };
  }, [schoolId, userId, everyClass]);
}

/** A parent of a class, with the names of their children in it. */
export interface ClassParent {
  id: number;
  first_name: string;
  last_name: string;
  children: string[];
}

/** The parents of a class's students, each once, by surname. */
export function classParents(students: Student[]): ClassParent[] {
  const parents = new Map<number, ClassParent>();
  for (const s of students)
    for (const p of s.parents) {
      const known = parents.get(p.id) ?? { id: p.id, first_name: p.first_name, last_name: p.last_name, children: [] };
      known.children.push(`${s.first_name} ${s.last_name}`);
      parents.set(p.id, known);
    }
  return [...parents.values()].sort(byName);
}
