/** The feeds area: Feeds API routes plus the lifecycle tick. */
import type { AreaWithTick } from '../server/mount';
import { advanceFeeds } from './lifecycle';
import { feedRoutes } from './routes';

/** Feeds routes for the mount table. */
export const feedsArea: AreaWithTick = { routes: feedRoutes, tick: advanceFeeds };
