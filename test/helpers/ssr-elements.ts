// The elements a server-rendered test page uses (see ssr-frame.ts, ssr-frame-plain.ts and the SSR
// worker, test/server/ssr-worker.js, which bundles this same list for Node).
import '../../src/components/news-article/define.js';
import '../../src/components/news-byline/define.js';
import '../../src/components/news-photo/define.js';
import '../../src/components/news-related/define.js';
import './ssr-host.js';
