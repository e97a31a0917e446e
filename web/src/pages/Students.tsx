// Students: a class filter (kept in the address), the list in register order with parents, and the add form.
import { useState } from 'preact/hooks';
import { get, query, type SchoolClass, type Student } from '../api';
import { CredentialNotice, type IssuedCredential } from '../components/credentials';
import { SelectField } from '../components/fields';
import { LoadState, PageHeading, Panel, TableRegion, useLoad } from '../components/page';
import { useApp } from '../context';
import { Link, navigate, useLocation } from '../router';
import { useClasses } from './Classes';
import { byClassThenRegister } from './organisation';
import { AddStudent } from './StudentForm';

function StudentTable({ items }: { items: Student[] }) {
  const { t } = useApp();
  if (items.length === 0) return <p>{t('students.empty')}</p>;
  return (
    <TableRegion caption={t('students.title')}>
      <table data-testid="students-table">
        <caption class="visually-hidden">{t('students.title')}</caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              {t('students.registerNumber')}
            </th>
            <th scope="col">{t('person.name')}</th>
            <th scope="col">{t('person.login')}</th>
            <th scope="col">{t('students.class')}</th>
            <th scope="col">{t('students.parents')}</th>
            <th scope="col">{t('status.title')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id}>
              <td class="num">{s.register_number ?? <span class="muted">{t('students.noNumber')}</span>}</td>
              <th scope="row">
                {s.first_name} {s.last_name}
              </th>
              <td>
                <code>{s.login}</code>
              </td>
              <td>{s.class_name}</td>
              <td>
                <ul class="plain">
                  {s.parents.map((p) => (
                    <li key={p.id}>
                      {p.first_name} {p.last_name} <code>{p.login}</code>
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <span class={`badge ${s.active ? 'ok' : 'off'}`}>
                  {s.active ? t('status.active') : t('status.disabled')}
                </span>{' '}
                <span class="muted">{s.activated ? t('status.activated') : t('status.pending')}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

export function StudentsPage() {
  const { t, me } = useApp();
  const schoolId = me?.school?.id ?? 0;
  const manage = me?.user.role === 'admin' || me?.user.role === 'secretary';
  const { search } = useLocation();
  const classId = search.get('class_id') ?? '';
  const classes = useClasses(schoolId);
  const students = useLoad(async () => {
    const data = await get<{ items: Student[] }>(`/schools/${schoolId}/students${query({ class_id: classId })}`);
    return { items: [...data.items].sort(byClassThenRegister) };
  }, [schoolId, classId]);
  const [issued, setIssued] = useState<{ intro: string; items: IssuedCredential[]; cls: SchoolClass | null } | null>(
    null,
  );
  const classList = classes.data ?? [];
  const filterOptions = classList.map((c) => ({ value: String(c.id), label: c.name }));

  return (
    <>
      <PageHeading title={t('students.title')} />
      {issued && <CredentialNotice intro={issued.intro} items={issued.items} onClose={() => setIssued(null)} />}
      {issued?.cls && manage && (
        <p>
          <Link href={`/admin/slips?class_id=${issued.cls.id}`}>
            {t('students.slipsFor', { name: issued.cls.name })}
          </Link>
        </p>
      )}
      {manage && (
        <Panel id="add-student-heading" title={t('students.add')}>
          <LoadState state={classes}>
            {(items) =>
              items.length === 0 ? (
                <p>
                  <Link href="/admin/classes">{t('students.needClass')}</Link>
                </p>
              ) : (
                <AddStudent
                  schoolId={schoolId}
                  classes={items}
                  defaultClassId={classId}
                  onCreated={(result) => {
                    setIssued({ ...result, cls: items.find((c) => c.id === result.classId) ?? null });
                    students.reload();
                    classes.reload();
                  }}
                />
              )
            }
          </LoadState>
        </Panel>
      )}
      <Panel id="student-list-heading" title={t('students.title')}>
        <div class="filter-bar">
          <SelectField
            id="class_filter"
            label={t('students.filter')}
            value={classId}
            onValue={(v) => navigate(`/admin/students${query({ class_id: v })}`, true)}
            options={filterOptions}
            placeholder={t('students.allClasses')}
          />
        </div>
        <LoadState state={students}>{(data) => <StudentTable items={data.items} />}</LoadState>
      </Panel>
    </>
  );
}
