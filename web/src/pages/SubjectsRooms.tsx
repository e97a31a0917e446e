// Subjects (with the abbreviation timetables use) and rooms: lists, and for admin and secretary the forms to add them.
import { useState } from 'preact/hooks';
import { get, post, type Room, type Subject } from '../api';
import { useForm } from '../components/form';
import { Notice, Submit, TextField } from '../components/fields';
import { LoadState, PageHeading, Panel, TableRegion, useLoad } from '../components/page';
import { useApp } from '../context';
import { byPolish } from '../format';
import { managesOrganisation } from './organisation';

function AddSubject({ schoolId, onCreated }: { schoolId: number; onCreated: (s: Subject) => void }) {
  const { t } = useApp();
  const form = useForm({ name: '', short_name: '' });
  const { values, set, errors } = form;
  const save = form.submit(
    async () => {
      const body = { name: values.name.trim(), short_name: values.short_name.trim() || undefined };
      const created = await post<Subject>(`/schools/${schoolId}/subjects`, body);
      form.reset();
      onCreated(created);
    },
    { duplicate_subject: 'name' },
  );
  return (
    <form class="form grid-form" ref={form.formRef} onSubmit={save} noValidate>
      {form.error && <Notice kind="error">{form.error}</Notice>}
      <TextField
        id="subject_name"
        label={t('subjects.name')}
        value={values.name}
        onValue={(v) => set('name', v)}
        autocomplete="off"
        maxLength={80}
        required
        error={errors.name}
      />
      <TextField
        id="subject_short_name"
        label={t('subjects.short')}
        hint={t('subjects.shortHint')}
        value={values.short_name}
        onValue={(v) => set('short_name', v)}
        autocomplete="off"
        spellcheck={false}
        maxLength={12}
        optional
        error={errors.short_name}
      />
      <div class="form-end">
        <Submit busy={form.busy} label={t('subjects.add')} busyLabel={t('common.saving')} />
      </div>
    </form>
  );
}

function AddRoom({ schoolId, onCreated }: { schoolId: number; onCreated: (r: Room) => void }) {
  const { t } = useApp();
  const form = useForm({ name: '' });
  const save = form.submit(
    async () => {
      const created = await post<Room>(`/schools/${schoolId}/rooms`, { name: form.values.name.trim() });
      form.reset();
      onCreated(created);
    },
    { duplicate_room: 'name' },
  );
  return (
    <form class="form inline-form" ref={form.formRef} onSubmit={save} noValidate>
      <TextField
        id="room_name"
        label={t('rooms.name')}
        hint={t('rooms.nameHint')}
        value={form.values.name}
        onValue={(v) => form.set('name', v)}
        autocomplete="off"
        maxLength={40}
        required
        error={form.errors.name ?? (form.error && !Object.keys(form.errors).length ? form.error : undefined)}
      />
      <div class="form-end">
        <Submit busy={form.busy} label={t('rooms.add')} busyLabel={t('common.saving')} />
      </div>
    </form>
  );
}

function SubjectsPanel({ schoolId, manage }: { schoolId: number; manage: boolean }) {
  const { t } = useApp();
  const subjects = useLoad(() => get<{ items: Subject[] }>(`/schools/${schoolId}/subjects`), [schoolId]);
  const [created, setCreated] = useState<string | null>(null);
  return (
    <Panel id="subjects-heading" title={t('subjects.title')}>
      {manage && (
        <section class="subsection" aria-labelledby="add-subject-heading">
          <h3 id="add-subject-heading">{t('subjects.add')}</h3>
          {created && <Notice kind="success">{t('subjects.created', { name: created })}</Notice>}
          <AddSubject
            schoolId={schoolId}
            onCreated={(s) => {
              setCreated(s.name);
              subjects.reload();
            }}
          />
        </section>
      )}
      <LoadState state={subjects}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('subjects.empty')}</p>
          ) : (
            <TableRegion caption={t('subjects.title')}>
              <table class="compact" data-testid="subjects-table">
                <caption class="visually-hidden">{t('subjects.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('subjects.name')}</th>
                    <th scope="col">{t('subjects.short')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...data.items]
                    .sort((a, b) => byPolish(a.name, b.name))
                    .map((s) => (
                      <tr key={s.id}>
                        <th scope="row">{s.name}</th>
                        <td>{s.short_name}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </TableRegion>
          )
        }
      </LoadState>
    </Panel>
  );
}

function RoomsPanel({ schoolId, manage }: { schoolId: number; manage: boolean }) {
  const { t } = useApp();
  const rooms = useLoad(() => get<{ items: Room[] }>(`/schools/${schoolId}/rooms`), [schoolId]);
  const [created, setCreated] = useState<string | null>(null);
  return (
    <Panel id="rooms-heading" title={t('rooms.title')}>
      {manage && (
        <section class="subsection" aria-labelledby="add-room-heading">
          <h3 id="add-room-heading">{t('rooms.add')}</h3>
          {created && <Notice kind="success">{t('rooms.created', { name: created })}</Notice>}
          <AddRoom
            schoolId={schoolId}
            onCreated={(r) => {
              setCreated(r.name);
              rooms.reload();
            }}
          />
        </section>
      )}
      <LoadState state={rooms}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('rooms.empty')}</p>
          ) : (
            <TableRegion caption={t('rooms.title')}>
              <table class="compact" data-testid="rooms-table">
                <caption class="visually-hidden">{t('rooms.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('rooms.name')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...data.items]
                    .sort((a, b) => byPolish(a.name, b.name))
                    .map((r) => (
                      <tr key={r.id}>
                        <th scope="row">{r.name}</th>
                      </tr>
                    ))}
                </tbody>
              </table>
            </TableRegion>
          )
        }
      </LoadState>
    </Panel>
  );
}

export function SubjectsRoomsPage() {
  const { t, me } = useApp();
  const schoolId = me?.school?.id ?? 0;
  const manage = managesOrganisation(me?.user.role);
  return (
    <>
      <PageHeading title={t('subjects.pageTitle')} />
      <div class="panels">
        <SubjectsPanel schoolId={schoolId} manage={manage} />
        <RoomsPanel schoolId={schoolId} manage={manage} />
      </div>
    </>
  );
}
