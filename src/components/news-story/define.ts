// The story renders the other elements in its shadow root: they are defined with it.
import '../news-article/define.js';
import '../news-byline/define.js';
import '../news-photo/define.js';
import '../news-related/define.js';
import { defineElement } from '../../internal/define.js';
import { NewsStory } from './news-story.js';

export { NewsStory };
defineElement('news-story', NewsStory);
