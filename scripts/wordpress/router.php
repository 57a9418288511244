<?php
// Router for `php -S 127.0.0.1:PORT -t /usr/share/wordpress router.php`: what Apache and Debian's
// /etc/wordpress/htaccess do for a real site, for the test site started by scripts/wordpress/site.js.
//   /__news-elements/…  files of the test (bundle, pages) from NEWS_WP_STATIC_DIR: same origin as WordPress
//   /wp-content/…       the site's own content folder (uploads) from NEWS_WP_CONTENT_DIR, never run as PHP
//   an existing file    .php runs with SCRIPT_NAME/PHP_SELF set; anything else is sent by php -S itself
//   anything else       WordPress's front controller (pretty permalinks, /wp-json/…)
// Top-level variables become WordPress globals, hence the news_ prefix.

// Debian's /usr/share/wordpress/wp-config.php picks /etc/wordpress/config-<WORDPRESS_CONFIG>.php.
$_SERVER['WORDPRESS_CONFIG'] = getenv('NEWS_WP_CONFIG');

$news_path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if (strpos($news_path, "\0") !== false || preg_match('#(^|/)\.\.?(/|$)#', $news_path)) {
  http_response_code(400);
  exit;
}

function news_send_file(string $file): void {
  if (!is_file($file)) {
    http_response_code(404);
    header('Content-Type: text/plain; charset=utf-8');
    echo "not found\n";
    return;
  }
  $types = [
    'html' => 'text/html; charset=utf-8', 'js' => 'text/javascript; charset=utf-8',
    'mjs' => 'text/javascript; charset=utf-8', 'css' => 'text/css; charset=utf-8',
    'json' => 'application/json; charset=utf-8', 'map' => 'application/json; charset=utf-8',
    'svg' => 'image/svg+xml', 'png' => 'image/png', 'jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg',
    'webp' => 'image/webp', 'txt' => 'text/plain; charset=utf-8',
  ];
  $ext = strtolower(pathinfo($file, PATHINFO_EXTENSION));
  header('Content-Type: ' . ($types[$ext] ?? 'application/octet-stream'));
  header('Content-Length: ' . filesize($file));
  header('Cache-Control: no-store');
  readfile($file);
}

foreach (['/__news-elements/' => 'NEWS_WP_STATIC_DIR', '/wp-content/' => 'NEWS_WP_CONTENT_DIR'] as $news_prefix => $news_env) {
  if (strncmp($news_path, $news_prefix, strlen($news_prefix)) === 0) {
    news_send_file(rtrim((string) getenv($news_env), '/') . '/' . substr($news_path, strlen($news_prefix)));
    return true;
  }
}

$news_root = rtrim($_SERVER['DOCUMENT_ROOT'], '/');
$news_file = $news_root . $news_path;
if (is_dir($news_file) && is_file(rtrim($news_file, '/') . '/index.php')) {
  $news_path = rtrim($news_path, '/') . '/index.php';
  $news_file = $news_root . $news_path;
}
if (!is_file($news_file)) {
  $news_path = '/index.php';
  $news_file = $news_root . '/index.php';
} elseif (substr($news_file, -4) !== '.php') {
  return false;
}

$_SERVER['SCRIPT_NAME'] = $news_path;
$_SERVER['PHP_SELF'] = $news_path;
$_SERVER['SCRIPT_FILENAME'] = $news_file;
chdir(dirname($news_file));
require $news_file;
return true;
