// The family's two average calculators for one subject, computed in the browser by the server's own rules
// (grades/average.ts): "what if" adds hypothetical grades in chosen categories and shows the new average; "what do I
// need" finds the lowest grade that, in a chosen category, lifts the average to a target, or says none can.
import { useState } from 'preact/hooks';
import { Notice, SelectField, TextField } from '../components/fields';
import { useApp } from '../context';
import { gradeNeeded, parseMark, weightedAverage, withHypothetical, type GradeFact } from '../grades/average';
import { formatAverage, parseAverage, wholeGradeName } from '../grades/show';
import type { GradeCategory, GradeSettings } from '../grades/types';
import type { MessageKey } from '../i18n';

interface Added {
  symbol: string;
  hundredths: number;
  category: GradeCategory;
}

function WhatIf({
  facts,
  rules,
  categories,
}: {
  facts: GradeFact[];
  rules: GradeSettings;
  categories: GradeCategory[];
}) {
  const { t, lang } = useApp();
  const [value, setValue] = useState('');
  const [categoryId, setCategoryId] = useState(String(categories[0]?.id ?? ''));
  const [added, setAdded] = useState<Added[]>([]);
  const [error, setError] = useState<string | undefined>();
  const category = categories.find((c) => String(c.id) === categoryId);
  const average = weightedAverage(
    withHypothetical(
      facts,
      added.map((a) => ({ hundredths: a.hundredths, weight: a.category.weight })),
    ),
    rules.improvement_rule,
  );

  const add = (e: Event) => {
    e.preventDefault();
    const mark = parseMark(value, rules);
    if (mark.kind === 'special') return setError(t('calc.notCounting', { value: mark.symbol }));
    if (mark.kind === 'invalid') return setError(t(`grade.problem.${mark.problem}` as MessageKey));
    if (!category) return setError(t('gradebook.chooseCategory'));
    setError(undefined);
    setAdded([...added, { symbol: mark.symbol, hundredths: mark.hundredths, category }]);
    setValue('');
  };

  return (
    <section class="calculator" aria-labelledby="what-if-heading">
      <h3 id="what-if-heading">{t('calc.whatIf')}</h3>
      <p class="hint">{t('calc.whatIfIntro')}</p>
      <form class="inline-form form" onSubmit={add} noValidate>
        <TextField
          id="what_if_value"
          label={t('calc.grade')}
          hint={t('calc.gradeHint')}
          value={value}
          onValue={setValue}
          maxLength={4}
          autocomplete="off"
          error={error}
        />
        <SelectField
          id="what_if_category"
          label={t('gradebook.category')}
          value={categoryId}
          onValue={setCategoryId}
          options={categories.map((c) => ({
            value: String(c.id),
            label: t('gradebook.categoryOption', { name: c.name, n: c.weight }),
          }))}
        />
        <button type="submit" class="button">
          {t('calc.add')}
        </button>
      </form>
      {added.length > 0 && (
        <ul class="plain added-grades" aria-label={t('calc.added')}>
          {added.map((a, i) => (
            <li key={i}>
              <span class="grade-value hypothetical" style={{ '--category-colour': a.category.colour }}>
                {a.symbol}
              </span>{' '}
              {t('gradebook.categoryOption', { name: a.category.name, n: a.category.weight })}{' '}
              <button
                type="button"
                class="button small"
                aria-label={t('calc.removeLabel', { value: a.symbol, category: a.category.name })}
                onClick={() => setAdded(added.filter((_, j) => j !== i))}
              >
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" class="calc-result" data-testid="what-if-result">
        {added.length > 0 && t('calc.whatIfResult', { average: formatAverage(average, lang) })}
      </p>
    </section>
  );
}

function WhatDoINeed({
  facts,
  rules,
  categories,
}: {
  facts: GradeFact[];
  rules: GradeSettings;
  categories: GradeCategory[];
}) {
  const { t, lang } = useApp();
  const [target, setTarget] = useState('');
  const [categoryId, setCategoryId] = useState(String(categories[0]?.id ?? ''));
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState('');

  const compute = (e: Event) => {
    e.preventDefault();
    const wanted = parseAverage(target);
    const category = categories.find((c) => String(c.id) === categoryId);
    if (wanted === null || wanted < 1 || wanted > 6) {
      setResult('');
      return setError(t('calc.targetInvalid'));
    }
    if (!category) return setError(t('gradebook.chooseCategory'));
    setError(undefined);
    const needed = gradeNeeded(facts, rules.improvement_rule, category.weight, wanted);
    const shown = { target: formatAverage(wanted, lang), category: category.name };
    setResult(
      needed === null
        ? t('calc.impossible', shown)
        : t('calc.needed', { ...shown, grade: needed, name: wholeGradeName(needed, t) }),
    );
  };

  return (
    <section class="calculator" aria-labelledby="need-heading">
      <h3 id="need-heading">{t('calc.need')}</h3>
      <p class="hint">{t('calc.needIntro')}</p>
      <form class="inline-form form" onSubmit={compute} noValidate>
        <TextField
          id="need_target"
          label={t('calc.target')}
          hint={t('calc.targetHint')}
          value={target}
          onValue={setTarget}
          inputMode="text"
          maxLength={5}
          autocomplete="off"
          error={error}
        />
        <SelectField
          id="need_category"
          label={t('gradebook.category')}
          value={categoryId}
          onValue={setCategoryId}
          options={categories.map((c) => ({
            value: String(c.id),
            label: t('gradebook.categoryOption', { name: c.name, n: c.weight }),
          }))}
        />
        <button type="submit" class="button">
          {t('calc.compute')}
        </button>
      </form>
      <p role="status" class="calc-result" data-testid="need-result">
        {result}
      </p>
    </section>
  );
}

/** Both calculators over one subject's grades of the period shown; `average` is the period's average now. */
export function GradeCalculators({
  facts,
  rules,
  categories,
  average,
}: {
  facts: GradeFact[];
  rules: GradeSettings;
  categories: GradeCategory[];
  average: number | null;
}) {
  const { t, lang } = useApp();
  if (categories.length === 0) return <Notice kind="info">{t('calc.noCategories')}</Notice>;
  return (
    <>
      <p data-testid="calc-average">{t('calc.now', { average: formatAverage(average, lang) })}</p>
      <WhatIf facts={facts} rules={rules} categories={categories} />
      <WhatDoINeed facts={facts} rules={rules} categories={categories} />
    </>
  );
}
