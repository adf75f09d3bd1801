// The fake library's reviews, as the core keeps them (app/review): the Default template (one stage that any brand
// manager or admin closes), submit (a due date YYYY-MM-DD not in the past; only an asset in draft, changes
// requested or rejected), the queue soonest due first, decisions (a comment required for request changes and
// reject; the worst decision wins) that move the asset In review -> Approved / Changes requested / Rejected,
// comments pinned in 0..1 with @mentions, resolvable; notifications worked out when asked.

import { apiError, type Rec } from './fake-data';
import type { Commands } from './api';
import type { Caller } from './fake-lifecycle';
import type { AssetId, Comment, Decision, Outcome, Pin, ReviewTemplate, ReviewView, Status } from './types';

export interface ReviewDeps {
  byId: () => Map<AssetId, Rec>;
  actor: string;
  now: () => number;
  committed: () => void;
}

type ReviewCommands = Pick<
  Commands,
  'reviewTemplates' | 'submitReview' | 'reviewQueue' | 'reviewOf' | 'decideReview' | 'addComment' | 'resolveComment' | 'comments' | 'notifications'
>;

const DEFAULT: ReviewTemplate = {
  name: 'Default',
  body: '[[stage]]\nname = "Approval"\nroles = ["brand_manager", "admin"]\n',
  template: {
    name: 'Default',
    stages: [{ name: 'Approval', people: [], roles: ['brand_manager', 'admin'], rule: { kind: 'any' }, veto: null, due_hours: null, after: [] }],
    new_version_resets: true,
  },
};
const WORST: Outcome[] = ['approved', 'approved_with_changes', 'changes_requested', 'rejected'];
const OUTCOME: Record<Decision, Outcome> = {
  approve: 'approved',
  approve_with_changes: 'approved_with_changes',
  request_changes: 'changes_requested',
  reject: 'rejected',
};
const STATUS: Record<Outcome, Status> = {
  approved: 'approved',
  approved_with_changes: 'approved',
  changes_requested: 'changes_requested',
  rejected: 'rejected',
};
const dueAt = (due: string | null) => (due === null ? null : Math.floor(Date.parse(`${due}T23:59:59Z`) / 1000));
const mentions = (body: string) => [...new Set([...body.matchAll(/(?:^|[^\p{L}\p{N}])@([\p{L}\p{N}._-]*[\p{L}\p{N}_])/gu)].map((m) => m[1]!))];

export function reviewCommands(d: ReviewDeps, call: Caller): ReviewCommands {
  const reviews: ReviewView[] = [];
  const notes: Comment[] = [];
  const find = (id: AssetId): Rec => {
    const a = d.byId().get(id);
    if (!a) throw apiError('not_found', `no asset with id ${id}`);
    return a;
  };
  const latest = (id: AssetId) => [...reviews].reverse().find((r) => r.asset === id) ?? null;
  const open = () => reviews.filter((r) => r.state === 'open');
  const queue = (limit: number) => {
    const items = open()
      .map((r) => {
        const a = find(r.asset);
        return { review: r.id, asset: r.asset, name: a.name, hash: a.hash, stage: r.stages[0]!.name, submitted_by: r.submitted_by, submitted_at: r.submitted_at, message: r.message, due_at: dueAt(r.due) };
      })
      .sort((a, b) => (a.due_at ?? Infinity) - (b.due_at ?? Infinity) || a.review - b.review);
    const now = d.now();
    return { total: items.length, overdue: items.filter((i) => i.due_at !== null && i.due_at < now).length, items: items.slice(0, Math.max(1, limit)) };
  };
  const bodies = {
    reviewTemplates: () => [structuredClone(DEFAULT)],
    submitReview: (request: Parameters<Commands['submitReview']>[0]) => {
      const today = new Date(d.now() * 1000).toISOString().slice(0, 10);
      if (request.due !== null && !/^\d{4}-\d{2}-\d{2}$/.test(request.due)) throw apiError('invalid_input', `invalid due ${request.due}: a due date is YYYY-MM-DD`, 'due');
      if (request.due !== null && request.due < today) throw apiError('invalid_input', `invalid due ${request.due}: it is in the past (today is ${today})`, 'due');
      if (request.template !== null && request.template !== 'Default') throw apiError('not_found', `no review template named ${request.template}`);
      const ids = [...new Set(request.ids)].sort((a, b) => a - b);
      if (ids.length === 0) throw apiError('conflict', 'name the assets to submit, or a collection');
      for (const id of ids) {
        const s = find(id).status ?? 'draft';
        if (!['draft', 'changes_requested', 'rejected', 'approved'].includes(s)) throw apiError('conflict', `asset ${id} is ${s.replace('_', ' ')}: it cannot be submitted for review`, 'status');
      }
      const out = ids.map((id) => {
        const round = reviews.filter((r) => r.asset === id).length + 1;
        const review: ReviewView = {
          id: reviews.length + 1, asset: id, round, template: 'Default', state: 'open', outcome: null, submitted_by: d.actor, submitted_at: d.now(),
          message: request.message?.trim() || null, due: request.due,
          stages: [{ index: 0, name: 'Approval', state: 'active', outcome: null, reviewers: ['role:brand_manager', 'role:admin'], decisions: [], due_at: null }],
        };
        reviews.push(review);
        find(id).status = 'in_review';
        return review.id;
      });
      d.committed();
      return out;
    },
    reviewQueue: (limit: number) => queue(limit),
    reviewOf: (id: AssetId) => (find(id), structuredClone(latest(id))),
    decideReview: (id: AssetId, decision: Decision, comment: string | null) => {
      const text = comment?.trim() || null;
      if ((decision === 'request_changes' || decision === 'reject') && text === null) {
        throw apiError('invalid_input', decision === 'reject' ? 'rejecting needs a comment saying why' : 'requesting changes needs a comment saying what must change', 'comment');
      }
      const a = find(id);
      const r = latest(id);
      if (r === null || r.state !== 'open') throw apiError('not_found', `asset ${id} has no open review`);
      const stage = r.stages[0]!;
      stage.decisions = stage.decisions.filter((x) => x.reviewer !== d.actor);
      stage.decisions.push({ reviewer: d.actor, decision, comment: text, at: d.now() });
      const outcome = stage.decisions.map((x) => OUTCOME[x.decision]).reduce((w, o) => (WORST.indexOf(o) > WORST.indexOf(w) ? o : w));
      Object.assign(stage, { state: 'closed', outcome });
      Object.assign(r, { state: 'closed', outcome });
      a.status = STATUS[outcome];
      if (text !== null) bodies.addComment(id, text, null, null);
      d.committed();
      return { review: r.id, asset: id, stages: [stage.name], closed: [[stage.name, outcome]] as [string, Outcome][], review_outcome: outcome, status: a.status };
    },
    addComment: (id: AssetId, body: string, pin: Pin | null, replyTo: number | null) => {
      find(id);
      const text = body.trim();
      if (!text) throw apiError('invalid_input', 'a comment needs some text', 'comment');
      const inside = (v: number) => Number.isFinite(v) && v >= 0 && v <= 1;
      if (pin && !(inside(pin.x) && inside(pin.y) && (pin.kind === 'point' || (pin.w > 0 && pin.h > 0 && pin.x + pin.w <= 1 + 1e-9 && pin.y + pin.h <= 1 + 1e-9)))) {
        throw apiError('invalid_input', 'a pin is inside the picture: x and y from 0 to 1 (top-left is 0,0), a rectangle within the picture', 'comment');
      }
      if (replyTo !== null && !notes.some((c) => c.id === replyTo && c.asset === id)) throw apiError('not_found', `no comment ${replyTo} on asset ${id}`);
      const c: Comment = {
        id: notes.length + 1, asset: id, review: latest(id)?.id ?? null, version: find(id).current ?? 1, parent: replyTo, author: d.actor, body: text,
        x: pin?.x ?? null, y: pin?.y ?? null, w: pin?.kind === 'rect' ? pin.w : null, h: pin?.kind === 'rect' ? pin.h : null,
        created_at: d.now(), resolved_at: null, resolved_by: null, mentions: mentions(text),
      };
      notes.push(c);
      d.committed();
      return { ...c };
    },
    resolveComment: (comment: number) => {
      const c = notes.find((n) => n.id === comment);
      if (!c) throw apiError('not_found', `no comment ${comment}`);
      Object.assign(c, { resolved_at: c.resolved_at ?? d.now(), resolved_by: c.resolved_by ?? d.actor });
      d.committed();
      return { ...c };
    },
    comments: (id: AssetId) => (find(id), notes.filter((c) => c.asset === id).map((c) => ({ ...c }))),
    notifications: () => {
      const now = d.now();
      const waiting = queue(200).items.map((i) => {
        const kind = i.due_at !== null && i.due_at < now ? 'overdue' : i.due_at !== null && i.due_at < now + 86_400 ? 'due_soon' : 'waiting';
        const text = kind === 'overdue' ? `${i.name} is overdue for review (${i.stage})` : kind === 'due_soon' ? `${i.name} is due for review within a day (${i.stage})` : `${i.name} waits for your review (${i.stage})`;
        return { kind, asset: i.asset, review: i.review, text, at: i.submitted_at };
      });
      const decided = reviews
        .filter((r) => r.submitted_by === d.actor)
        .flatMap((r) => r.stages.flatMap((s) => s.decisions.map((x) => ({ kind: 'decided', asset: r.asset, review: r.id, text: `${x.reviewer} decided ${x.decision.replaceAll('_', ' ')} on asset ${r.asset}`, at: x.at }))));
      return [...waiting, ...decided];
    },
  };
  const out: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const [name, body] of Object.entries(bodies)) {
    out[name] = (...args) => call(name as keyof Commands, args, () => (body as (...a: unknown[]) => unknown)(...args));
  }
  return out as unknown as ReviewCommands;
}
