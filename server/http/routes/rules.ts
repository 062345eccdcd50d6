import { Router } from 'express';
import { leaderParams, ruleBody, ruleOrderBody, ruleParams, rulePreviewBody } from '../../../shared/api.ts';
import { DEFAULT_RULES } from '../../domain/rules/default-rules.ts';
import { getLeader } from '../../services/leaders.ts';
import { createRule, deleteRule, previewRule, reorderRules, updateRule } from '../../services/leader-rules.ts';
import { listUserRules } from '../../services/rule-rows.ts';
import type { AppContext } from '../app-context.ts';
import { parseRequest } from '../errors.ts';

export function ruleRoutes({ db, now }: AppContext): Router {
  const router = Router({ mergeParams: true });

  router.get('/', (req, res) => {
    const { leaderId } = parseRequest(leaderParams, req.params, 'path');
    getLeader(db, leaderId);
    res.json({ rules: listUserRules(db, leaderId), defaults: DEFAULT_RULES });
  });

  router.post('/', (req, res) => {
    const { leaderId } = parseRequest(leaderParams, req.params, 'path');
    const body = parseRequest(ruleBody, req.body, 'body');
    res.status(201).json(createRule(db, leaderId, body, now()));
  });

  // Before /:ruleId, so that "preview" and "order" are not read as ids.
  router.post('/preview', (req, res) => {
    const { leaderId } = parseRequest(leaderParams, req.params, 'path');
    const body = parseRequest(rulePreviewBody, req.body, 'body');
    res.json({ preview: previewRule(db, leaderId, body.rule, body.replacing) });
  });

  router.put('/order', (req, res) => {
    const { leaderId } = parseRequest(leaderParams, req.params, 'path');
    const body = parseRequest(ruleOrderBody, req.body, 'body');
    res.json(reorderRules(db, leaderId, body.ruleIds));
  });

  router.put('/:ruleId', (req, res) => {
    const { leaderId, ruleId } = parseRequest(ruleParams, req.params, 'path');
    const body = parseRequest(ruleBody, req.body, 'body');
    res.json(updateRule(db, leaderId, ruleId, body, now()));
  });

  router.delete('/:ruleId', (req, res) => {
    const { leaderId, ruleId } = parseRequest(ruleParams, req.params, 'path');
    res.json(deleteRule(db, leaderId, ruleId));
  });

  return router;
}
