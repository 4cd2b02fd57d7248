import { invalidInput } from '../server/errors';
import type {
  AmazonContext,
  AmazonRequest,
  AmazonResponse,
  AmazonRoute,
  RouteModule,
} from '../server/types';
import { toFinancialEvents } from './events-v0';
import { financeView, marketplaceOf, toAmount, type FinanceTransaction } from './groups';
import { decodeToken, encodeToken } from './paging';
import { listTransactions, MAX_WINDOW_MS } from './transactions';

/** v0 MaxResultsPerPage: 1..100, default 100 (financesV0.json). */
const MAX_PAGE = 100;

function pageSize(query: URLSearchParams): number {
  const size = Number(query.get('MaxResultsPerPage') ?? MAX_PAGE);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE)
    invalidInput('MaxResultsPerPage must be an integer between 1 and 100.');
  return size;
}

function dateParam(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) invalidInput(`Invalid ${name}: must be an ISO 8601 date-time.`);
  return ms;
}

function listGroups(ctx: AmazonContext, req: AmazonRequest): AmazonResponse {
  const token = req.query.get('NextToken');
  const state = token
    ? decodeToken<{ after: number; before: number; size: number; offset: number }>(token)
    : {
        after: dateParam(req.query, 'FinancialEventGroupStartedAfter') ?? 0,
        before: dateParam(req.query, 'FinancialEventGroupStartedBefore') ?? Number.MAX_SAFE_INTEGER,
        size: pageSize(req.query),
        offset: 0,
      };
  if (state.after >= state.before) invalidInput('Date range is invalid.');

  const view = financeView(ctx.world);
  const groups = view.groups.filter(
    (g) => Date.parse(g.startDate) >= state.after && Date.parse(g.startDate) < state.before,
  );
  const list = groups.slice(state.offset, state.offset + state.size).map((s) => {
    const previous = s.lines
      .filter((l) => l.amountDescription === 'Previous Reserve Amount Balance')
      .reduce((a, l) => a + l.amountCents, 0);
    const total = { CurrencyCode: s.currency, CurrencyAmount: toAmount(s.totalCents) };
    const group: Record<string, unknown> = {
      FinancialEventGroupId: view.groupIdOf.get(s.settlementId),
      ProcessingStatus: s.open ? 'Open' : 'Closed',
      FundTransferStatus: s.open ? 'Unknown' : 'Succeeded',
      OriginalTotal: total,
      BeginningBalance: { CurrencyCode: s.currency, CurrencyAmount: toAmount(previous) },
      FinancialEventGroupStart: new Date(Date.parse(s.startDate)).toISOString(),
    };
    if (!s.open) {
      Object.assign(group, {
        ConvertedTotal: total,
        FundTransferDate: new Date(Date.parse(s.depositDate)).toISOString(),
        TraceId: `${s.settlementId}TR`,
        AccountTail: '042',
        FinancialEventGroupEnd: new Date(Date.parse(s.endDate) + 1000).toISOString(),
      });
    }
    return group;
  });

  const payload: Record<string, unknown> = { FinancialEventGroupList: list };
  if (state.offset + state.size < groups.length)
    payload.NextToken = encodeToken({ ...state, offset: state.offset + state.size });
  return { status: 200, body: { payload } };
}

function eventsPage(
  ctx: AmazonContext,
  req: AmazonRequest,
  select: (tx: FinanceTransaction) => boolean,
  kind: string,
): AmazonResponse {
  const token = req.query.get('NextToken');
  const state = token
    ? decodeToken<{
        kind: string;
        key: string;
        after: number;
        before: number;
        size: number;
        offset: number;
      }>(token)
    : {
        kind,
        key: req.params.eventGroupId ?? req.params.orderId ?? '',
        after: dateParam(req.query, 'PostedAfter') ?? 0,
        before: dateParam(req.query, 'PostedBefore') ?? ctx.clock().getTime() - 120_000,
        size: pageSize(req.query),
        offset: 0,
      };
  if (state.after >= state.before) invalidInput('Date range is invalid.');

  const isTooWide = kind === 'all' && state.before - state.after > MAX_WINDOW_MS;
  const all = (isTooWide ? [] : financeView(ctx.world).transactions).filter(
    (tx) => tx.postedMs >= state.after && tx.postedMs < state.before && select(tx),
  );
  const page = all.slice(state.offset, state.offset + state.size);
  const payload: Record<string, unknown> = {
    FinancialEvents: toFinancialEvents(page, (tx) => marketplaceOf(tx.settlement).name),
  };
  if (state.offset + state.size < all.length)
    payload.NextToken = encodeToken({ ...state, offset: state.offset + state.size });
  return { status: 200, body: { payload } };
}

/** Finances 2024-06-19 `listTransactions` and v0 financial event groups/events, all derived from the settlements. */
export const financeRoutes: RouteModule = (ctx) => {
  const routes: AmazonRoute[] = [
    {
      method: 'GET',
      path: '/finances/2024-06-19/transactions',
      operation: 'listTransactions',
      handle: (req) => listTransactions(ctx, req),
    },
    {
      method: 'GET',
      path: '/finances/v0/financialEventGroups',
      operation: 'listFinancialEventGroups',
      handle: (req) => listGroups(ctx, req),
    },
    {
      method: 'GET',
      path: '/finances/v0/financialEventGroups/{eventGroupId}/financialEvents',
      operation: 'listFinancialEventsByGroupId',
      handle: (req) =>
        eventsPage(ctx, req, (tx) => tx.groupId === req.params.eventGroupId, 'group'),
    },
    {
      method: 'GET',
      path: '/finances/v0/orders/{orderId}/financialEvents',
      operation: 'listFinancialEventsByOrderId',
      handle: (req) =>
        eventsPage(ctx, req, (tx) => tx.lines[0]?.orderId === req.params.orderId, 'order'),
    },
    {
      method: 'GET',
      path: '/finances/v0/financialEvents',
      operation: 'listFinancialEvents',
      handle: (req) => {
        if (!req.query.get('PostedAfter') && !req.query.get('NextToken'))
          invalidInput('Date range is invalid.');
        return eventsPage(ctx, req, () => true, 'all');
      },
    },
  ];
  return routes;
};
