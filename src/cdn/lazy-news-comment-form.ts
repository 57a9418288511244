/** The CDN bundle's `<news-comment-form>` chunk (see ./eager.ts for why it imports it). */
export * from './eager.js';
import '../components/news-comment-form/define.js';
