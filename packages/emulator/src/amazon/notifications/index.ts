/** The notifications area: destinations and subscriptions (delivery lives in hub.ts, SQS in sqs.ts). */
import type { AreaWithTick } from '../server/mount';
import { notificationRoutes } from './routes';

/** Notifications routes for the mount table. */
export const notificationsArea: AreaWithTick = { routes: notificationRoutes };
