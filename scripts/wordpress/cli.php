<?php
// Commands on the test site from the PHP CLI, for scripts/wordpress/site.js:
//   php cli.php <config-name> <command> '<json args>'   → prints one JSON value on stdout
// <config-name> selects Debian's /etc/wordpress/config-<config-name>.php (as the router does).

[$news_self, $news_config, $news_command] = $argv + [null, null, null];
$news_args = json_decode($argv[3] ?? '{}', true) ?? [];
if (!$news_config || !$news_command) {
  fwrite(STDERR, "usage: php cli.php <config-name> <command> [json-args]\n");
  exit(2);
}
$_SERVER['WORDPRESS_CONFIG'] = $news_config;
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';

if ($news_command === 'install') {
  define('WP_INSTALLING', true);
}
require '/usr/share/wordpress/wp-load.php';

function news_fail(string $message): void {
  fwrite(STDERR, $message . "\n");
  exit(1);
}

function news_check($value, string $what) {
  if (is_wp_error($value)) {
    news_fail("$what: " . $value->get_error_code() . ' ' . $value->get_error_message());
  }
  if (!$value) {
    news_fail("$what failed");
  }
  return $value;
}

/** The site every test expects: fixed dates and names so recorded answers are stable. */
function news_install(array $args): array {
  require_once ABSPATH . 'wp-admin/includes/upgrade.php';
  require_once ABSPATH . 'wp-admin/includes/image.php';
  global $wp_rewrite;

  $installed = wp_install('News Elements test site', 'maria', 'maria@example.com', true, '', wp_generate_password(24));
  $user_id = (int) $installed['user_id'];

  foreach ([
    'blogdescription' => 'A WordPress site for the news-elements tests',
    'timezone_string' => 'UTC',
    'gmt_offset' => 0,
    'uploads_use_yearmonth_folders' => 0,
    'require_name_email' => 1,
    'comment_registration' => 0,
    'comment_moderation' => 0,
    'comment_previously_approved' => 1,
    'close_comments_for_old_posts' => 0,
    'thread_comments' => 1,
    'show_avatars' => 1,
  ] as $name => $value) {
    update_option($name, $value);
  }
  $wp_rewrite->set_permalink_structure('/%year%/%monthnum%/%day%/%postname%/');
  flush_rewrite_rules(false);

  news_check(wp_update_user([
    'ID' => $user_id,
    'display_name' => 'Maria Example',
    'first_name' => 'Maria',
    'last_name' => 'Example',
    'user_nicename' => 'maria-example',
    'user_url' => 'https://example.com/maria',
    'description' => 'Gardening correspondent.',
  ]), 'update user');

  // wp_install's sample content: the "Hello world!" post (with its comment), the sample and privacy pages.
  foreach (get_posts(['post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1]) as $post) {
    wp_delete_post($post->ID, true);
  }

  $category = news_check(wp_insert_term('Science & Nature', 'category', ['slug' => 'science-nature']), 'category');
  $category_id = (int) $category['term_id'];

  $open = news_check(wp_insert_post([
    'post_author' => $user_id,
    'post_title' => "Crocuses bloom early in the city's parks & gardens, <em>again</em>",
    'post_name' => 'crocuses-bloom-early',
    'post_excerpt' => 'Gardeners say the mild winter woke the bulbs weeks ahead of time.',
    'post_content' => "<p>Purple and white crocuses have opened across the city's parks, weeks earlier than usual.</p>\n\n<p>“It was the mildest February we have recorded,” said the head gardener.</p>",
    'post_status' => 'publish',
    'post_date' => '2024-03-14 09:30:00',
    'post_date_gmt' => '2024-03-14 09:30:00',
    'comment_status' => 'open',
    'ping_status' => 'closed',
    'post_category' => [$category_id],
    'tags_input' => ['spring', 'gardens'],
  ], true), 'open post');

  $uploads = wp_upload_dir();
  $image = $uploads['path'] . '/' . basename($args['image']);
  copy($args['image'], $image) || news_fail("could not copy {$args['image']} to $image");
  $attachment = news_check(wp_insert_attachment([
    'post_mime_type' => 'image/jpeg',
    'post_title' => 'Crocuses in the park',
    'post_excerpt' => 'Crocuses in flower in a city park. Photo: Ana Lens',
    'post_content' => '',
    'post_status' => 'inherit',
    'post_author' => $user_id,
    'post_date' => '2024-03-14 09:00:00',
    'post_date_gmt' => '2024-03-14 09:00:00',
  ], $image, $open, true), 'attachment');
  wp_update_attachment_metadata($attachment, wp_generate_attachment_metadata($attachment, $image));
  update_post_meta($attachment, '_wp_attachment_image_alt', 'Purple crocuses in the grass of a city park');
  news_check(set_post_thumbnail($open, $attachment), 'featured image');

  news_check(wp_insert_comment([
    'comment_post_ID' => $open,
    'comment_author' => 'Ada Reader',
    'comment_author_email' => 'ada.reader@example.com',
    'comment_author_url' => '',
    'comment_author_IP' => '192.0.2.10',
    'comment_content' => 'Mine came up in the first week of February & they are still going.',
    'comment_approved' => 1,
    'comment_date' => '2024-03-14 12:00:00',
    'comment_date_gmt' => '2024-03-14 12:00:00',
  ]), 'approved comment');

  $closed = news_check(wp_insert_post([
    'post_author' => $user_id,
    'post_title' => 'Comments are closed on this story',
    'post_name' => 'comments-closed',
    'post_content' => '<p>An older story whose comments are closed.</p>',
    'post_status' => 'publish',
    'post_date' => '2024-03-12 08:00:00',
    'post_date_gmt' => '2024-03-12 08:00:00',
    'comment_status' => 'closed',
    'ping_status' => 'closed',
    'post_category' => [$category_id],
  ], true), 'closed post');

  $plain = news_check(wp_insert_post([
    'post_author' => $user_id,
    'post_title' => 'A quiet week at the allotments',
    'post_name' => 'quiet-week-allotments',
    'post_content' => '<p>No photo here: a story without a featured image.</p>',
    'post_status' => 'publish',
    'post_date' => '2024-03-10 07:15:00',
    'post_date_gmt' => '2024-03-10 07:15:00',
    'comment_status' => 'open',
    'ping_status' => 'closed',
  ], true), 'plain post');

  return [
    'version' => get_bloginfo('version'),
    'userId' => $user_id,
    'categoryId' => $category_id,
    'posts' => ['open' => $open, 'closed' => $closed, 'plain' => $plain],
    'attachmentId' => $attachment,
  ];
}

switch ($news_command) {
  case 'install':
    $news_result = news_install($news_args);
    break;
  case 'option-set':
    update_option($news_args['name'], $news_args['value']);
    $news_result = get_option($news_args['name']);
    break;
  case 'comment-approve':
    $news_result = news_check(wp_set_comment_status((int) $news_args['id'], 'approve', true), 'approve');
    break;
  case 'comment-get':
    $news_comment = get_comment((int) $news_args['id'], ARRAY_A);
    $news_result = $news_comment ?: null;
    break;
  case 'comments-find':
    // Comments of any status whose content is exactly args.content (what a test typed).
    $news_result = array_map(
      fn($c) => ['id' => (int) $c->comment_ID, 'approved' => $c->comment_approved, 'author' => $c->comment_author, 'email' => $c->comment_author_email, 'post' => (int) $c->comment_post_ID],
      array_values(array_filter(get_comments(['status' => 'all', 'search' => $news_args['content']]), fn($c) => $c->comment_content === $news_args['content']))
    );
    break;
  default:
    news_fail("unknown command $news_command");
}
echo json_encode($news_result), "\n";
