import { Router } from 'express';
import { ENUM_VALUES, FIELD_LABELS, FIELD_TYPES, OPERATOR_LABELS, OPERATORS } from '../../../shared/rules.ts';
import { CATEGORY_INFO, EXCLUSION_LABELS, PLACEMENT_IDS } from '../../../shared/taxonomy.ts';
import { DEFAULT_RULES } from '../../domain/rules/default-rules.ts';
import { DEFAULT_COUNTING_SETTINGS } from '../../domain/metrics/counting-settings.ts';

/** What the product knows regardless of any leader: categories, rule vocabulary, defaults. */
export function referenceRoutes(): Router {
  const router = Router();
  router.get('/taxonomy', (_req, res) => {
    res.json({
      categories: PLACEMENT_IDS.map((id) => CATEGORY_INFO[id]),
      exclusionReasons: EXCLUSION_LABELS,
      countingDefaults: DEFAULT_COUNTING_SETTINGS,
    });
  });
  router.get('/rules/vocabulary', (_req, res) => {
    res.json({ fields: FIELD_TYPES, fieldLabels: FIELD_LABELS, operators: OPERATORS, operatorLabels: OPERATOR_LABELS, enumValues: ENUM_VALUES });
  });
  router.get('/rules/defaults', (_req, res) => {
    res.json({ rules: DEFAULT_RULES });
  });
  return router;
}
