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

/**
 * Uploads a local image the way WordPress's own uploader does (media_handle_sideload: the file is
 * moved into uploads, an attachment is inserted, wp_generate_attachment_metadata makes the sizes with
 * php-gd), with a fixed date, caption (post_excerpt) and alt text.
 */
function news_upload_image(string $source, string $name, array $data, string $alt): int {
  require_once ABSPATH . 'wp-admin/includes/file.php';
  require_once ABSPATH . 'wp-admin/includes/media.php';
  require_once ABSPATH . 'wp-admin/includes/image.php';
  $tmp = wp_tempnam($name);
  copy($source, $tmp) || news_fail("could not copy $source to $tmp");
  $id = news_check(media_handle_sideload(['name' => $name, 'tmp_name' => $tmp], 0, $data['post_title'] ?? null, $data), "upload $name");
  if (is_file($tmp)) unlink($tmp);
  $meta = wp_get_attachment_metadata($id);
  if (empty($meta['sizes'])) news_fail("upload $name: wp_generate_attachment_metadata made no sizes (is php-gd installed?)");
  update_post_meta($id, '_wp_attachment_image_alt', $alt);
  return (int) $id;
}

/** Sets what wp_insert_post cannot: the parent of uploads and a modified date after the publication. */
function news_update_row(int $id, array $fields): void {
  global $wpdb;
  $wpdb->update($wpdb->posts, $fields, ['ID' => $id]) !== false || news_fail("update post $id failed");
  clean_post_cache($id);
}

/**
 * The stories `<news-story>` reads (startWordPress({ stories: true })), added after news_install():
 *   story    the reference article (demo/index.html) as a block-editor post: paragraphs, <h2> subheads,
 *            three READ ALSO / READ MORE paragraphs, a core/image block, a classic [caption] shortcode,
 *            category "World", author "Parisa Hafezi", an uploaded featured image with alt and caption,
 *            comments open, modified after published.
 *   awkward  what a story adapter must survive: <em> and &amp; in the title, an excerpt full of entities,
 *            Persian (RTL) title and body, no featured image, tags but no category, an author whose
 *            account is gone (the author embed is an error), an image without id or caption, comments closed.
 */
function news_install_stories(array $args): array {
  $images = $args['images'];
  $date = '2024-04-08 10:00:00';

  $author = news_check(wp_insert_user([
    'user_login' => 'phafezi',
    'user_pass' => wp_generate_password(24),
    'user_email' => 'parisa.hafezi@example.com',
    'display_name' => 'Parisa Hafezi',
    'first_name' => 'Parisa',
    'last_name' => 'Hafezi',
    'user_nicename' => 'parisa-hafezi',
    'role' => 'author',
  ]), 'story author');

  $world = news_check(wp_insert_term('World', 'category', ['slug' => 'world', 'description' => 'News from around the world.']), 'category World');
  $world_id = (int) $world['term_id'];

  $featured = news_upload_image($images['featured'], 'crocus-city-hall.jpg', [
    'post_title' => 'Crocus City Hall fire',
    'post_excerpt' => 'Rescuers work to extinguish fire at the burning Crocus City Hall concert venue outside Moscow, Russia, March 22. REUTERS/Maxim Shemetov',
    'post_author' => $author,
    'post_date' => '2024-04-08 09:40:00',
    'post_date_gmt' => '2024-04-08 09:40:00',
  ], 'Illustration: the dark outline of a concert hall under a sky of fire and orange smoke.');
  $block_image = news_upload_image($images['block'], 'kerman-hills.jpg', [
    'post_title' => 'Kerman',
    'post_excerpt' => 'The hills outside Kerman, where twin bombings killed about 100 people on January 3. Illustration',
    'post_author' => $author,
    'post_date' => '2024-04-08 09:41:00',
    'post_date_gmt' => '2024-04-08 09:41:00',
  ], 'Illustration: two terracotta hills under a pale sun.');
  $caption_image = news_upload_image($images['caption'], 'moscow-evening.jpg', [
    'post_title' => 'Moscow in the evening',
    'post_excerpt' => 'Moscow, where the Kremlin said it knew nothing of a warning. Illustration',
    'post_author' => $author,
    'post_date' => '2024-04-08 09:42:00',
    'post_date_gmt' => '2024-04-08 09:42:00',
  ], 'Illustration: three pale towers against a dark evening sky.');

  // What the block editor saves for an image block (size "large"; a 640 px upload has no large size,
  // so the editor uses the full file) and what the classic editor saved for a captioned medium image.
  $block_src = wp_get_attachment_image_url($block_image, 'large');
  [$caption_src, $caption_w, $caption_h] = wp_get_attachment_image_src($caption_image, 'medium');

  $p = fn(string $html) => "<!-- wp:paragraph -->\n<p>$html</p>\n<!-- /wp:paragraph -->";
  $h2 = fn(string $text) => "<!-- wp:heading -->\n<h2>$text</h2>\n<!-- /wp:heading -->";
  $read = fn(string $label, string $href, string $text) => $p("<strong>$label</strong> <a href=\"$href\">$text</a>");
  $content = implode("\n\n", [
    $p('According to three people with direct knowledge of the situation, Iran warned Russia in advance of last month’s concert hall slaughter in Moscow of the potential for a significant “terrorist operation” on Iranian land.'),
    $p('At least 144 people were killed in the bloodiest incident to occur within Russia in 20 years on March 22, when terrorists using automatic weapons opened fire on concertgoers at the Crocus City Hall. The militant group Islamic State claimed responsibility for the attack.'),
    $p('Additionally, Washington had forewarned Moscow of the possibility of a militant Islamist strike; however, Moscow, mistrusting Washington completely, downplayed the information.'),
    $p('However, Russia finds it more difficult to discount intelligence about the attack from diplomatic partner Iran, which has also prompted concerns about the efficacy of Russian security services. During the two-year conflict in Ukraine, Moscow and Tehran—both subject to Western sanctions—have intensified their military and other collaboration.'),
    $p('“Days before the attack in Russia, Tehran shared information with Moscow about a possible big terrorist attack inside Russia that was acquired during interrogations of those arrested in connection with deadly bombings in Iran,” a source told Reuters.'),
    $read('READ ALSO:', '/demo/related/tesla-customers.html', 'As Musk’s reputation declines, prospective Tesla customers shun the business'),
    $p('Iran detained 35 people in January, including a commander of the Islamic State’s branch ISIS-Khorasan (ISIS-K), which is based in Afghanistan. According to Iran, ISIS-K was responsible for the twin bombs that occurred in the city of Kerman on January 3rd, which resulted in the deaths of about 100 people.'),
    "<!-- wp:image {\"id\":$block_image,\"sizeSlug\":\"large\",\"linkDestination\":\"none\"} -->\n" .
      "<figure class=\"wp-block-image size-large\"><img src=\"$block_src\" alt=\"Illustration: two terracotta hills under a pale sun.\" class=\"wp-image-$block_image\"/>" .
      "<figcaption class=\"wp-element-caption\">The hills outside Kerman, where twin bombings killed about 100 people on January 3. Illustration</figcaption></figure>\n<!-- /wp:image -->",
    $p('The most deadly explosions in Iran since the Islamic Revolution of 1979 were attributed to the Islamic State. According to U.S. intelligence sources, ISIS-K was responsible for both the shootings in Moscow on March 22 and the strikes in Iran on January 3.'),
    $read('READ MORE:', '/demo/related/philippines-arbitration.html', 'Philippines challenges Beijing to arbitrate dispute and summons China’s representative'),
    $p('The Islamic State was reported to have lost territory in 2017. Prior to that, it controlled sizable portions of both Syria and Iraq, enforcing a reign of terror and serving as an inspiration for lone wolf attacks in Western nations.'),
    $p('But with widespread carnage, ISIS-K, one of the group’s most dangerous branches, has brought the organization back into the public eye.'),
    $p('ISIS-K first appeared in eastern Afghanistan in late 2014 and gained notoriety for its severe brutality. The group was named after an outdated designation for an area that included parts of Iran, Turkmenistan, and Afghanistan.'),
    $h2('“Important function”'),
    $p('A second source, who also asked to remain anonymous because of the sensitive nature of the matter, stated that Tehran had not given Moscow precise information about the timing or target of the imminent attack.'),
    $p('“They (the ISIS-K militants) were told to get ready for a big operation in Russia…” The second source claimed that one of the terrorists who was detained in Iran claimed that some of the group’s members had already left for Russia.'),
    $p('“As Iran has been a victim of terror attacks for years, Iranian authorities fulfilled their obligation to alert Moscow based on information acquired from those arrested terrorists,” stated a third source, a senior security officer.'),
    $p('When questioned on Monday about the Reuters story, Dmitry Peskov, a spokesperson for the Kremlin, replied, “I do not know anything about this.”'),
    // A post first written in the classic editor: its captioned image is a shortcode, outside any block.
    "[caption id=\"attachment_$caption_image\" align=\"alignnone\" width=\"$caption_w\"]" .
      "<img class=\"size-medium wp-image-$caption_image\" src=\"$caption_src\" alt=\"Illustration: three pale towers against a dark evening sky.\" width=\"$caption_w\" height=\"$caption_h\" />" .
      " Moscow, where the Kremlin said it knew nothing of a warning. Illustration[/caption]",
    $p('An inquiry for comment on this item was not answered by Iran’s foreign ministry. The White House remained silent on the subject.'),
    $p('The basis for the U.S. intelligence on an imminent attack in Russia, according to a source familiar with the plans, was intercepts of “chatter” among militants affiliated with ISIS-K.'),
    $read('READ MORE:', '/demo/related/dutch-hostage.html', 'The final hostage is freed when Dutch police apprehend a man leaving a nightclub'),
    $p('Russia has refuted the claims made by the United States and stated, without supplying any proof, that it thinks Ukraine was involved in the attack. Kyiv has categorically refuted the claim.'),
    $h2('The Tajik nationals'),
    $p('Tajik nationals were implicated in the attacks in Kerman and the vicinity of Moscow. According to security analysts, ISIS-K has been actively recruiting people from Tajikistan, a former Soviet republic that is extremely poor.'),
    $p('Rumors circulated that Iran had spoken with Tajikistan about its security concerns. According to a diplomatic source in Tajikistan, Tehran and Dushanbe recently talked about the growing number of ethnic Tajiks engaging in extremist operations.'),
    $p('The Islamic State has an intense animosity against Shi’ites, who are the majority sect in Iran and the target of attacks in Afghanistan by its affiliates. The radical Sunni Muslim sect considers Shi’ites to be heretics.'),
    $p('In 2022 Islamic State claimed responsibility for a deadly attack on a Shi’ite shrine in Iran that killed 13 people. Tehran revealed that the assailant was a citizen of Tajikistan.'),
    $p('The Islamic State has already claimed credit for two bombings that occurred in 2017 that were directed against the tomb of Ayatollah Ruhollah Khomeini, the founder of the Islamic Republic, and the Iranian parliament.'),
    $p('<em>Additional reporting by Nazarali Pirnazarov in Dushanbe, Steve Holland and Jonathan Landay in Washington; Writing by Parisa Hafezi; Editing by Michael Georgy and Gareth Jones</em>'),
  ]);

  $story = news_check(wp_insert_post([
    'post_author' => $author,
    'post_title' => 'Exclusive: Prior to the attack in Moscow, Iran warned Russia about a security threat',
    'post_name' => 'iran-warned-russia-security-threat',
    'post_excerpt' => 'Tehran shared what it learned from interrogations of suspects in the Kerman bombings, three sources told Reuters.',
    'post_content' => $content,
    'post_status' => 'publish',
    'post_date' => $date,
    'post_date_gmt' => $date,
    'comment_status' => 'open',
    'ping_status' => 'closed',
    'post_category' => [$world_id],
    'tags_input' => ['Iran', 'Russia', 'Islamic State'],
  ], true), 'story post');
  news_check(set_post_thumbnail($story, $featured), 'story featured image');
  foreach ([$featured, $block_image, $caption_image] as $upload) {
    news_update_row($upload, ['post_parent' => $story]);
  }
  news_update_row($story, ['post_modified' => '2024-04-08 14:25:00', 'post_modified_gmt' => '2024-04-08 14:25:00']);

  $awkward_date = '2024-04-09 06:45:00';
  $awkward = news_check(wp_insert_post([
    'post_author' => $author,
    'post_title' => '<em>هشدار</em> ایران به روسیه &amp; «تهدید امنیتی» پیش از حمله',
    'post_name' => 'هشدار-ایران-به-روسیه',
    'post_excerpt' => 'تهران &amp; مسکو &#171;اطلاعات&#187; را به اشتراک گذاشتند&nbsp;&#8212; Tehran &amp; Moscow &#8220;shared&#8221; intelligence &lt;3 sources&gt;',
    'post_content' => implode("\n\n", [
      $p('به گفتهٔ سه منبع آگاه، ایران پیش از کشتار تالار کنسرت در مسکو به روسیه دربارهٔ احتمال یک «عملیات تروریستی» بزرگ هشدار داده بود.'),
      $p('یک منبع به رویترز گفت: «تهران اطلاعاتی را که در بازجویی بازداشت‌شدگان به دست آمده بود با مسکو در میان گذاشت.» <a href="https://example.com/fa/news?id=1&amp;lang=fa">گزارش کامل</a>'),
      // An image inserted by URL: no attachment id, no caption, an empty alt.
      "<!-- wp:image {\"sizeSlug\":\"large\"} -->\n<figure class=\"wp-block-image size-large\"><img src=\"$block_src\" alt=\"\"/></figure>\n<!-- /wp:image -->",
      $h2('واکنش کرملین'),
      $p('دیمیتری پسکوف، سخنگوی کرملین، گفت: «من چیزی در این باره نمی‌دانم.» — “I do not know anything about this.”'),
    ]),
    'post_status' => 'publish',
    'post_date' => $awkward_date,
    'post_date_gmt' => $awkward_date,
    'comment_status' => 'closed',
    'ping_status' => 'closed',
    'tags_input' => ['ایران', 'Russia & Iran'],
  ], true), 'awkward post');
  // Tags only: wp_insert_post gave it the default category ("Uncategorized"), which an editor removed.
  news_check(!is_wp_error(wp_set_object_terms($awkward, [], 'category')), 'awkward post: no category');
  // Its author's account was deleted without reassigning the post (as an import or a direct database
  // edit leaves it): the REST author link stays, and its embed is a 404 error object.
  news_update_row($awkward, ['post_author' => 9999]);

  return [
    'posts' => ['story' => $story, 'awkward' => $awkward],
    'authorId' => (int) $author,
    'categoryId' => $world_id,
    'media' => ['featured' => $featured, 'block' => $block_image, 'caption' => $caption_image],
  ];
}

switch ($news_command) {
  case 'install':
    $news_result = news_install($news_args);
    break;
  case 'stories':
    $news_result = news_install_stories($news_args);
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
