import { defineElement } from '../../internal/define.js';
import { NewsRelated } from './news-related.js';

export { NewsRelated };
defineElement('news-related', NewsRelated);
