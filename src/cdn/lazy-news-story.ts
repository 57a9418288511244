/** The CDN bundle's `<news-story>` chunk (see ./eager.ts for why it imports it). */
export * from './eager.js';
import '../components/news-story/define.js';
