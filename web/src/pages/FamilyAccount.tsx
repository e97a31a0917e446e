// The family page (/family, konto rodzinne): the school accounts linked to the family account, by school with their
// children, which one the session acts as, switching and unlinking; and linking another account with its login, its
// own password and the data-processing consent shown in full; moving the account to a new e-mail address; and deleting
// the family account, after its password and a confirmation. A family account linked to nothing lands here.
import { useEffect, useRef, useState } from 'preact/hooks';
import { del } from '../api';
import { Notice } from '../components/fields';
import { useErrorText } from '../components/form';
import { LoadState, PageHeading, Panel } from '../components/page';
import { useApp } from '../context';
import { DeleteAccount } from '../familyAccount/DeleteAccount';
import { EmailChange } from '../familyAccount/EmailChange';
import { LinkForm } from '../familyAccount/LinkForm';
import {
  handOver,
  linkName,
  switchToLink,
  takeHandedOver,
  useFamilyLinks,
  type FamilyLink,
  type FamilyLinks,
} from '../familyAccount/links';
import { fullName } from '../format';
import type { MessageKey } from '../i18n';
import { Link } from '../router';

/** The links by school, schools in the order their first account was linked. */
function bySchool(links: FamilyLink[]): { school: FamilyLink['school']; links: FamilyLink[] }[] {
  const groups: { school: FamilyLink['school']; links: FamilyLink[] }[] = [];
  for (const link of links) {
    const group = groups.find((g) => g.school.id === link.school.id);
    if (group) group.links.push(link);
    else groups.push({ school: link.school, links: [link] });
  }
  return groups;
}

function LinkCard({
  link,
  acting,
  onSwitch,
  onUnlink,
}: {
  link: FamilyLink;
  acting: boolean;
  onSwitch: () => void;
  onUnlink: () => void;
}) {
  const { t } = useApp();
  const name = linkName(link);
  return (
    <li class="family-link" data-testid="family-link">
      <p class="family-link-name">
        <strong>
          {t(`role.${link.role}` as MessageKey)}: {name}
        </strong>{' '}
        <span class="muted">{t('familyAccount.login', { login: link.login })}</span>
      </p>
      {acting && <p class="badge ok">{t('familyAccount.acting')}</p>}
      {!link.active && <p class="badge off">{t('familyAccount.disabled')}</p>}
      {link.students.length > 0 ? (
        <ul class="family-children" aria-label={t('familyAccount.childrenOf', { name })}>
          {link.students.map((s) => (
            <li key={s.id}>{t('familyAccount.childLine', { name: fullName(s), class: s.class_name })}</li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('familyAccount.noChildren')}</p>
      )}
      <div class="row-actions">
        {!acting && link.active && (
          <button
            type="button"
            class="button small"
            aria-label={t('familyAccount.switchLabel', { name })}
            onClick={onSwitch}
          >
            {t('familyAccount.switch')}
          </button>
        )}
        <button
          type="button"
          class="button small danger"
          aria-label={t('familyAccount.unlinkLabel', { name })}
          onClick={onUnlink}
        >
          {t('familyAccount.unlink')}
        </button>
      </div>
    </li>
  );
}

function LinkedAccounts({
  data,
  actingUserId,
  onSwitch,
  onUnlink,
}: {
  data: FamilyLinks;
  actingUserId: number | null;
  onSwitch: (link: FamilyLink) => void;
  onUnlink: (link: FamilyLink) => void;
}) {
  const { t } = useApp();
  if (data.links.length === 0) return <p>{t('familyAccount.none')}</p>;
  return (
    <>
      {actingUserId === null && <p>{t('familyAccount.chooseOne')}</p>}
      {bySchool(data.links).map(({ school, links }) => (
        <section class="family-school" key={school.id} aria-labelledby={`family-school-${school.id}`}>
          <h3 id={`family-school-${school.id}`}>{school.name}</h3>
          <ul class="plain family-links">
            {links.map((link) => (
              <LinkCard
                key={link.id}
                link={link}
                acting={link.user_id === actingUserId}
                onSwitch={() => onSwitch(link)}
                onUnlink={() => onUnlink(link)}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function FamilyAccountPage() {
  const { t, me, refreshMe } = useApp();
  const links = useFamilyLinks();
  // What the page said before the session changed accounts (which makes this page afresh), else its own news.
  const [news, setNews] = useState<string | null>(takeHandedOver);
  const [actionError, setActionError] = useState<string | null>(null);
  const newsRef = useRef<HTMLDivElement>(null);
  const errorText = useErrorText();
  useEffect(() => {
    if (news) newsRef.current?.focus();
  }, [news]);
  if (!me?.family) return null;
  const acting = me.user.role === 'family' ? null : me.user.id;

  /** Says what happened: here, or on the page made afresh when the session now acts as another account. */
  const tell = (text: string, remade: boolean) => {
    if (remade) handOver(text);
    else setNews(text);
  };

  const switchTo = async (link: FamilyLink) => {
    setActionError(null);
    setNews(null);
    try {
      handOver(t('familyAccount.switched', { name: linkName(link), school: link.school.name }));
      await switchToLink(link.id, refreshMe);
    } catch (e) {
      takeHandedOver();
      setActionError(errorText(e));
    }
  };

  const unlink = async (link: FamilyLink) => {
    const name = linkName(link);
    if (!window.confirm(t('familyAccount.unlinkConfirm', { name, school: link.school.name }))) return;
    setActionError(null);
    setNews(null);
    try {
      await del(`/family/links/${link.id}`);
      tell(t('familyAccount.unlinked', { name, school: link.school.name }), link.user_id === acting);
      await refreshMe();
      await links.reload();
    } catch (e) {
      setActionError(errorText(e));
    }
  };

  const linked = async (id: number) => {
    const wasActing = acting !== null;
    const fresh = await links.reload();
    const link = fresh?.links.find((l) => l.id === id);
    const text = link
      ? t('familyAccount.linked', { name: linkName(link), school: link.school.name })
      : t('familyAccount.linkedPlain');
    tell(text, !wasActing);
    await refreshMe();
  };

  return (
    <>
      <PageHeading title={t('nav.familyAccount')} />
      <p class="lead">{t('familyAccount.signedInAs', { email: me.family.email })}</p>
      {news && (
        <div ref={newsRef} tabIndex={-1} data-testid="family-news">
          <Notice kind="success">
            {news}
            {acting !== null && (
              <>
                {' '}
                <Link href="/">{t('familyAccount.toDesk')}</Link>
              </>
            )}
          </Notice>
        </div>
      )}
      {actionError && <Notice kind="error">{actionError}</Notice>}
      <Panel id="family-links-heading" title={t('familyAccount.linksTitle')}>
        <LoadState
          state={{
            data: links.data,
            error: links.error && !links.data ? errorText(links.error) : null,
            loading: links.data === null,
            reload: () => void links.reload(),
          }}
        >
          {(data) => (
            <LinkedAccounts
              data={data}
              actingUserId={acting}
              onSwitch={(l) => void switchTo(l)}
              onUnlink={(l) => void unlink(l)}
            />
          )}
        </LoadState>
      </Panel>
      <LinkForm onLinked={linked} />
      <EmailChange email={me.family.email} />
      <DeleteAccount familyId={me.family.id} email={me.family.email} />
    </>
  );
}
