// Classes: list with student counts and links; admin and secretary add new ones.
import { useState } from 'preact/hooks';
import { get, post, type SchoolClass } from '../api';
import { useForm } from '../components/form';
import { Notice, Submit, TextField } from '../components/fields';
import { LoadState, PageHeading, Panel, TableRegion, useLoad } from '../components/page';
import { useApp } from '../context';
import { Link } from '../router';

/** Classes of the signed-in user's school, sorted the way a school reads them (1a, 1b, 2a, 10a). */
export function useClasses(schoolId: number) {
  return useLoad(async () => {
    const data = await get<{ items: SchoolClass[] }>(`/schools/${schoolId}/classes`);
    return [...data.items].sort((a, b) => a.name.localeCompare(b.name, 'pl', { numeric: true }));
  }, [schoolId]);
}

function AddClass({ schoolId, onCreated }: { schoolId: number; onCreated: (c: SchoolClass) => void }) {
  const { t } = useApp();
  const form = useForm({ name: '' });
  const save = form.submit(async () => {
    const created = await post<SchoolClass>(`/schools/${schoolId}/classes`, { name: form.values.name.trim() });
    form.reset();
    onCreated(created);
  });
  // A conflict (409 duplicate_class) carries no field: its message belongs to the name field anyway.
  const nameError = form.errors.name ?? (form.error && !Object.keys(form.errors).length ? form.error : undefined);
  return (
    <form class="form inline-form" ref={form.formRef} onSubmit={save} noValidate>
      <TextField
        id="class_name"
        label={t('classes.name')}
        hint={t('classes.nameHint')}
        value={form.values.name}
        onValue={(v) => form.set('name', v)}
        autocomplete="off"
        spellcheck={false}
        required
        error={nameError}
      />
      <div class="form-end">
        <Submit busy={form.busy} label={t('classes.add')} busyLabel={t('common.saving')} />
      </div>
    </form>
  );
}

export function ClassesPage() {
  const { t, me } = useApp();
  const schoolId = me?.school?.id ?? 0;
  const role = me?.user.role;
  const manage = role === 'admin' || role === 'secretary';
  const classes = useClasses(schoolId);
  const [created, setCreated] = useState<string | null>(null);
  return (
    <>
      <PageHeading title={t('classes.title')} />
      {manage && (
        <Panel id="add-class-heading" title={t('classes.add')}>
          {created && <Notice kind="success">{t('classes.created', { name: created })}</Notice>}
          <AddClass
            schoolId={schoolId}
            onCreated={(c) => {
              setCreated(c.name);
              classes.reload();
            }}
          />
        </Panel>
      )}
      <Panel id="class-list-heading" title={t('classes.title')}>
        <LoadState state={classes}>
          {(items) =>
            items.length === 0 ? (
              <p>{t('classes.empty')}</p>
            ) : (
              <TableRegion caption={t('classes.title')}>
                <table>
                  <caption class="visually-hidden">{t('classes.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('classes.name')}</th>
                      <th scope="col" class="num">
                        {t('classes.count')}
                      </th>
                      <th scope="col">{t('common.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((c) => (
                      <tr key={c.id}>
                        <th scope="row">{c.name}</th>
                        <td class="num">{c.student_count}</td>
                        <td>
                          <div class="row-actions">
                            <Link href={`/admin/students?class_id=${c.id}`}>
                              {t('classes.students', { name: c.name })}
                            </Link>
                            {manage && (
                              <Link href={`/admin/slips?class_id=${c.id}`}>{t('classes.slips', { name: c.name })}</Link>
                            )}
                          </div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            )
          }
        </LoadState>
      </Panel>
    </>
  );
}
