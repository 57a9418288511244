/**
 * The first code of every element bundle (scripts/bundle.js puts it at the top of the file the
 * browser evaluates first, as its own esbuild build: inside the bundle, esbuild's code splitting
 * does not keep a module first). On a page showing server-rendered markup of ours, the rest of
 * the bundle (Lit, the elements) is evaluated once that markup's first contentful paint is on
 * screen. Evaluating it is a task of about 10–25 ms, which on a small machine ran while the browser
 * was still rasterizing the first frame, and pushed that frame out: the server-rendered story
 * painted later than its static twin (FCP 1.03–1.07× against 0.97–1.04× with the wait, 20–24 cold
 * loads each). The elements are defined after that paint in any case (src/internal/hydration.ts);
 * only their classes are there later. Other pages: no wait.
 */
import { afterFirstPaint, hasServerMarkup } from '../internal/first-paint.js';

if (hasServerMarkup()) await afterFirstPaint();
