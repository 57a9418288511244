import { defineElement } from '../../internal/define.js';
import { NewsByline } from './news-byline.js';

export { NewsByline };
defineElement('news-byline', NewsByline);
