// Unknown paths and pages the user's role may not open look the same (never reveal what exists).
import { PageHeading } from '../components/page';
import { useApp } from '../context';
import { Link } from '../router';

export function NotFoundPage() {
  const { t } = useApp();
  return (
    <>
      <PageHeading title={t('notFound.title')} />
      <p>{t('notFound.text')}</p>
      <p>
        <Link href="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}
