// The nginx configuration in front of several `next start` instances: round-robin
// over keep-alive connections, the client's address set by the proxy (never taken
// from the client), gzip, and a small cache for what every anonymous reader sees
// alike (the home page, guides and built assets). Nothing is served from disk.
//
// scripts/deploy-local.ts writes it for one machine; the same rules apply to a
// real load balancer or CDN (see "Running more than one instance" in the README).

export interface NginxOptions {
  /** Where the proxy listens, e.g. [{ host: "127.0.0.1", port: 8080 }]. */
  listen: { host: string; port: number }[];
  /** The app instances, "127.0.0.1:3001". */
  upstreams: string[];
  /** A folder nginx may write to: its cache, temporary files, pid and logs. */
  runtimeDir: string;
  /** The user the worker processes run as when nginx is started by root. */
  user?: string;
  /** Where the access log goes ("off" for none). */
  accessLog?: string;
}

/** The largest request body, a little over the app's largest (256 KiB, reflections), so the app answers 413 itself in its own words. */
export const MAX_BODY = "300k";

/** The Auth.js session cookies (`authjs.session-token`, `__Secure-…`, and their `.0`, `.1` chunks). */
export const SESSION_COOKIE = String.raw`(^|;)\s*(__Secure-|__Host-)?authjs\.session-token(\.\d+)?=`;

/** How long the proxy keeps an anonymous page; a new build empties the cache (scripts/deploy-local.ts). */
export const PAGE_CACHE_TIME = "10m";

/**
 * What every nginx run here begins with, before its http block: the workers (one per core, as
 * root dropping to `user`), and its pid under `dir`, errors to stderr.
 */
export function nginxMain(dir: string, user?: string): string {
  return `${user ? `user ${user};\n` : ""}worker_processes auto;
pid ${dir}/nginx.pid;
error_log stderr warn;

events {
  worker_connections 1024;
}
`;
}

/** Inside the http block: nginx's temporary files under `dir` (prepareRuntimeDir makes dir/tmp). */
export function nginxTempPaths(dir: string): string {
  return `  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;`;
}

const ipv6 = (host: string) => (host.includes(":") ? `[${host}]` : host);

export function nginxConfig(options: NginxOptions): string {
  if (options.upstreams.length === 0) throw new Error("nginx needs at least one app instance");
  const dir = options.runtimeDir.replace(/\/+$/, "");
  for (const value of [dir, ...options.upstreams, options.accessLog ?? ""]) {
    if (/[\s;{}'"\\$]/.test(value)) throw new Error(`not usable in an nginx configuration: ${JSON.stringify(value)}`);
  }
  const accessLog = options.accessLog ?? `${dir}/access.log`;

  // What a cached location adds; everything else always goes to the app.
  const cached = (validFor: string) => `
      proxy_cache mend;
      # Signed-in readers always reach the app, and what they get is never stored.
      proxy_cache_bypass $mend_session;
      proxy_no_cache $mend_session $mend_private $mend_sets_cookie;
      proxy_cache_valid 200 ${validFor};
      proxy_cache_valid 404 1m;
      # While one instance restarts (or all of them), readers still get the page they asked for.
      proxy_cache_use_stale error timeout updating http_500 http_502 http_503 http_504;
      proxy_cache_background_update on;
      proxy_cache_lock on;
      add_header X-Cache-Status $upstream_cache_status always;`;

  return `# Written by scripts/deploy-local.ts from deploy/nginx.ts; edits here are overwritten.
${nginxMain(dir, options.user)}
http {
  server_tokens off;
  default_type application/octet-stream;
  log_format mend '$remote_addr "$request" $status $body_bytes_sent $request_time '
                  'cache=$upstream_cache_status upstream=$upstream_addr';
  access_log ${accessLog === "off" ? "off" : `${accessLog} mend`};

${nginxTempPaths(dir)}

  # The app's own limits are 32 KiB for forms and 256 KiB for a reflection.
  client_max_body_size ${MAX_BODY};
  client_body_buffer_size ${MAX_BODY};

  # The app sends plain bodies to the proxy (Accept-Encoding is cleared below), which compresses them.
  gzip on;
  gzip_comp_level 5;
  gzip_min_length 512;
  gzip_proxied any;
  gzip_vary on;
  gzip_types text/css text/plain text/xml text/javascript application/javascript application/json
             application/manifest+json application/xml application/rss+xml image/svg+xml text/x-component;

  proxy_cache_path ${dir}/cache levels=1:2 keys_zone=mend:10m max_size=256m inactive=60m use_temp_path=off;

  # 1 when the request carries a session cookie.
  map $http_cookie $mend_session {
    default 0;
    "~${SESSION_COOKIE}" 1;
  }
  # 1 when the app says the response is for this reader alone.
  map $upstream_http_cache_control $mend_private {
    default 0;
    "~*(private|no-store|no-cache)" 1;
  }
  # 1 when the response sets a cookie.
  map $upstream_http_set_cookie $mend_sets_cookie {
    default 1;
    "" 0;
  }

  upstream mend_app {
    # Shared by the worker processes: one round-robin, one count of failures.
    zone mend_app 64k;
${options.upstreams.map((u) => `    server ${u} max_fails=3 fail_timeout=10s;`).join("\n")}
    keepalive 32;
  }

  server {
${options.listen.map((l) => `    listen ${ipv6(l.host)}:${l.port};`).join("\n")}
    server_name _;

    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-Host $http_host;
    proxy_set_header X-Forwarded-Proto $scheme;
    # The app's per-IP limits trust the first X-Forwarded-For address: the client's own
    # header is replaced, never appended to, so nobody can pick the address they are counted under.
    proxy_set_header X-Forwarded-For $remote_addr;
    proxy_set_header X-Real-IP $remote_addr;
    proxy_set_header Forwarded "";
    proxy_set_header Accept-Encoding "";
    proxy_connect_timeout 5s;
    proxy_read_timeout 60s;
    # A request that finds an instance down (no connection) is tried on the next one. One the
    # instance took and then dropped (it stopped, or crashed) is sent again only when sending it
    # twice is harmless: a GET, or one of the keyed writes below. Any other POST answers 502,
    # since the instance may have done it already.
    proxy_next_upstream error timeout;

    # The cache keeps only what every anonymous reader gets alike, and only what the app
    # itself lets be cached: Cache-Control decides through $mend_private, so its long
    # s-maxage for prerendered pages is replaced by a short time here.
    proxy_ignore_headers Cache-Control Expires;
    proxy_cache_key "$scheme://$host$request_uri|rsc=$http_rsc|prefetch=$http_next_router_prefetch|segment=$http_next_router_segment_prefetch";

    location / {
      proxy_pass http://mend_app;
    }

    # A comment carries a postKey and a reflection save a saveId, which the app stores once
    # (a second send, even at the same time, is answered with the first): these are safe to
    # send to the next instance when the one that had them went away before answering.
    location = /api/comments {
      proxy_pass http://mend_app;
      proxy_next_upstream error timeout non_idempotent;
    }

    location = /api/reflections/save {
      proxy_pass http://mend_app;
      proxy_next_upstream error timeout non_idempotent;
    }

    location = / {
      proxy_pass http://mend_app;${cached(PAGE_CACHE_TIME)}
    }

    location /guides/ {
      proxy_pass http://mend_app;${cached(PAGE_CACHE_TIME)}
    }

    # Built assets have content hashes in their names and never change.
    location /_next/static/ {
      proxy_pass http://mend_app;${cached("365d")}
    }
  }
}
`;
}
