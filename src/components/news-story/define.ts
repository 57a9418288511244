import { defineElement } from '../../internal/define.js';
import { NewsStory } from './news-story.js';

export { NewsStory };
defineElement('news-story', NewsStory);
