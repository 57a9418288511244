/**
 * Every translation, added at once: for a server (renderStory), which renders in one pass and
 * cannot wait for a file. Browsers load them on first use instead (core/messages.ts).
 */
import { addTranslations } from '../messages.js';
import { translations as base } from './base.i18n.js';
import { translations as commentForm } from './comment-form.i18n.js';
import { translations as related } from './related.i18n.js';
import { translations as story } from './story.i18n.js';

for (const t of [base, related, story, commentForm]) addTranslations(t);
