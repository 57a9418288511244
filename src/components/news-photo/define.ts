import { defineElement } from '../../internal/define.js';
import { NewsPhoto } from './news-photo.js';

export { NewsPhoto };
defineElement('news-photo', NewsPhoto);
