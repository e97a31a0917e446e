// Posting an announcement: title, text, whom it is for (the office: anyone; a teacher: the classes they teach or
// lead), and the days it is shown (by default from today for 30 days, as the API decides).
import { useEffect, useRef, useState } from 'preact/hooks';
import { post, type SchoolClass } from '../api';
import type { Notice as SchoolNotice, NoticeAudience } from '../communication/types';
import { CheckboxGroupField, Notice, SelectField, Submit, TextAreaField, TextField } from '../components/fields';
import { useForm } from '../components/form';
import { Panel } from '../components/page';
import { useApp } from '../context';
import type { MessageKey } from '../i18n';

const AUDIENCES: NoticeAudience[] = ['everyone', 'parents', 'students', 'staff', 'classes'];

/** The office chooses any audience; a teacher writes to their classes only. */
export function NoticeForm({
  office,
  classes,
  onPosted,
}: {
  office: boolean;
  classes: SchoolClass[];
  onPosted: (n: SchoolNotice) => void;
}) {
  const { t } = useApp();
  const [open, setOpen] = useState(false);
  const initial = {
    title: '',
    body: '',
    audience: (office ? 'everyone' : 'classes') as NoticeAudience,
    class_ids: [] as number[],
    valid_from: '',
    valid_to: '',
  };
  const form = useForm(initial);
  const { values, set, errors } = form;
  // Focus follows the form: into its first field when it opens, back to the button when it closes.
  const toggled = useRef(false);
  useEffect(() => {
    if (!toggled.current) return void (toggled.current = true);
    document.getElementById(open ? 'notice_title' : 'notice-write')?.focus();
  }, [open]);
  const save = form.submit(async () => {
    const notice = await post<SchoolNotice>('/notices', {
      title: values.title,
      body: values.body,
      audience: values.audience,
      class_ids: values.audience === 'classes' ? values.class_ids : undefined,
      valid_from: values.valid_from || undefined,
      valid_to: values.valid_to || undefined,
    });
    form.reset();
    setOpen(false);
    onPosted(notice);
  });

  if (!office && classes.length === 0) return null;
  if (!open)
    return (
      <p>
        <button type="button" class="button primary" id="notice-write" onClick={() => setOpen(true)}>
          <span aria-hidden="true">✎ </span>
          {t('notices.write')}
        </button>
      </p>
    );
  return (
    <Panel id="notice-form-heading" title={t('notices.add')}>
      <form class="form grid-form" ref={form.formRef} onSubmit={save} noValidate>
        {form.error && <Notice kind="error">{form.error}</Notice>}
        <div class="wide">
          <TextField
            id="notice_title"
            label={t('notices.title')}
            value={values.title}
            onValue={(v) => set('title', v)}
            maxLength={200}
            autocomplete="off"
            required
            error={errors.title}
          />
        </div>
        <div class="wide">
          <TextAreaField
            id="notice_body"
            label={t('notices.body')}
            value={values.body}
            onValue={(v) => set('body', v)}
            maxLength={10000}
            rows={6}
            required
            error={errors.body}
          />
        </div>
        {office ? (
          <SelectField
            id="notice_audience"
            label={t('notices.audience')}
            value={values.audience}
            onValue={(v) => set('audience', v as NoticeAudience)}
            options={AUDIENCES.map((a) => ({ value: a, label: t(`notices.audience.${a}` as MessageKey) }))}
            required
            error={errors.audience}
          />
        ) : (
          <p class="wide muted">{t('notices.teacherAudience')}</p>
        )}
        {values.audience === 'classes' && (
          <CheckboxGroupField
            id="notice_classes"
            class="member-list wide"
            legend={t('notices.classes')}
            options={classes.map((c) => ({ value: c.id, label: t('notices.className', { name: c.name }) }))}
            chosen={values.class_ids}
            error={errors.class_ids}
            onChosen={(ids) => set('class_ids', ids)}
          />
        )}
        <TextField
          id="notice_valid_from"
          type="date"
          label={t('notices.validFrom')}
          hint={t('notices.validFromHint')}
          optional
          value={values.valid_from}
          onValue={(v) => set('valid_from', v)}
          error={errors.valid_from}
        />
        <TextField
          id="notice_valid_to"
          type="date"
          label={t('notices.validTo')}
          hint={t('notices.validToHint')}
          optional
          min={values.valid_from || undefined}
          value={values.valid_to}
          onValue={(v) => set('valid_to', v)}
          error={errors.valid_to}
        />
        <div class="form-end actions">
          <Submit busy={form.busy} label={t('notices.post')} busyLabel={t('common.saving')} />
          <button
            type="button"
            class="button"
            onClick={() => {
              form.reset();
              setOpen(false);
            }}
          >
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Panel>
  );
}
