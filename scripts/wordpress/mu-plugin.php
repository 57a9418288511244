<?php
/**
 * Plugin Name: news-elements test site
 * Description: Copied into the test site's mu-plugins by scripts/wordpress/site.js. Only what the tests need.
 */

/** Switches the tests flip between requests: a JSON file named by the site's config. */
function news_elements_control(string $key, bool $default): bool {
  static $control = null;
  if ($control === null) {
    $file = defined('NEWS_ELEMENTS_CONTROL_FILE') ? NEWS_ELEMENTS_CONTROL_FILE : '';
    $control = ($file && is_file($file) ? json_decode((string) file_get_contents($file), true) : null) ?: [];
  }
  return array_key_exists($key, $control) ? (bool) $control[$key] : $default;
}

// Stock WordPress refuses anonymous REST comments (401 rest_comment_login_required) until this filter
// returns true. `add_filter('rest_allow_anonymous_comments', '__return_true');` is the one line a
// publisher adds for <news-comment-form format="wordpress">; the switch lets a test see the refusal.
add_filter('rest_allow_anonymous_comments', function () {
  return news_elements_control('anonymousRest', true);
});

// No mail leaves the machine (moderation notices would try to).
add_filter('pre_wp_mail', '__return_true');

// Flood control (a second comment from the same IP or email within 15 s) is off unless a test turns it
// on: every test request comes from 127.0.0.1, so it would otherwise refuse all but one comment in 15 s.
// When on, WordPress's own check (wp_check_comment_flood → comment_flood_filter) decides.
add_filter('comment_flood_filter', function ($flood) {
  return news_elements_control('flood', false) ? $flood : false;
}, 100);

// HTML5 captions: the `[caption]` shortcode renders <figure class="wp-caption"> + <figcaption
// class="wp-caption-text"> instead of <div class="wp-caption"> + <p class="wp-caption-text">. The test
// site has no theme, so nothing declares it; WordPress 6.1's default theme (Twenty Twenty-Three, a block
// theme: _add_default_theme_supports) and most classic themes do. On for the story site
// (startWordPress({ stories: true })), off otherwise; a test can flip it to see the older markup.
add_action('after_setup_theme', function () {
  if (news_elements_control('html5Captions', false)) {
    add_theme_support('html5', ['caption', 'gallery']);
  }
});
