/**
 * Path-template router: `/orders/v0/orders/{orderId}` matches one path segment per parameter;
 * parameters are percent-decoded (SKUs with spaces, '/' encoded as %2F, non-ASCII).
 */
import type { AmazonRoute } from './types';

interface CompiledRoute {
  route: AmazonRoute;
  pattern: RegExp;
  names: string[];
  literalLength: number;
}

/** A route and its decoded path parameters. */
export interface RouteMatch {
  route: AmazonRoute;
  params: Record<string, string>;
}

function compile(route: AmazonRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1] as string);
      return '([^/]*)';
    })
    .join('/');
  return {
    route,
    pattern: new RegExp(`^${source}$`),
    names,
    literalLength: route.path.replace(/\{\w+\}/g, '').length,
  };
}

/** Matches requests to routes; literal segments win over parameters (`/orders/search` before `/{id}`). */
export class Router {
  #routes: CompiledRoute[] = [];

  add(routes: AmazonRoute[]): void {
    this.#routes.push(...routes.map(compile));
    this.#routes.sort((a, b) => b.literalLength - a.literalLength);
  }

  /** The matching route, or undefined. */
  match(method: string, path: string): RouteMatch | undefined {
    for (const compiled of this.#routes) {
      if (compiled.route.method !== method) continue;
      const result = compiled.pattern.exec(path);
      if (!result) continue;

      const params: Record<string, string> = {};
      compiled.names.forEach((name, i) => {
        params[name] = decodeURIComponent(result[i + 1] as string);
      });
      return { route: compiled.route, params };
    }
    return undefined;
  }

  get routes(): AmazonRoute[] {
    return this.#routes.map((compiled) => compiled.route);
  }
}
