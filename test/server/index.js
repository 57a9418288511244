// HTTP endpoints the browser tests talk to, served by web-test-runner's own dev server on
// 127.0.0.1 (a real HTTP server): each module exports `middleware` (Koa functions, run before
// static files) and may export `plugin` (a web-test-runner plugin, e.g. to start and stop a
// real server beside the tests).
import * as related from './related.js';
import * as comments from './comments.js';
import * as ssr from './ssr.js';
import * as story from './story.js';
import * as copies from './copies.js';

const modules = [related, comments, story, ssr, copies];

export const testMiddleware = modules.flatMap((module) => module.middleware ?? []);
export const testPlugins = modules.flatMap((module) => (module.plugin ? [module.plugin] : []));
