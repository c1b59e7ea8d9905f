// The generated nginx configuration, run by a real nginx in front of two stub
// instances that answer the way Next does: what is cached and what never is,
// the headers the app trusts, the body limit, gzip and the spreading of load.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/database/embedded";
import { MAX_BODY, nginxConfig } from "./nginx";
import { findNginx, nginxUser, prepareRuntimeDir } from "./runtime";

const nginx = findNginx();

interface Seen {
  server: string;
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  bodyBytes: number;
}

/** A stand-in for `next start`, with the headers Next sends for each kind of page. */
function stubInstance(name: string, seen: Seen[]) {
  let connections = 0;
  const server = http.createServer(async (request, response) => {
    let bodyBytes = 0;
    for await (const chunk of request) bodyBytes += (chunk as Buffer).length;
    const url = request.url ?? "/";
    seen.push({ server: name, method: request.method ?? "", path: url, headers: request.headers, bodyBytes });
    // An instance that stops or crashes with the request in hand: the connection ends unanswered
    // (the first time this request arrives, on whichever instance).
    const id = request.headers["x-request-id"];
    if (
      request.headers["x-stub-vanish"] === "first" &&
      seen.filter((s) => s.headers["x-request-id"] === id).length === 1
    ) {
      return void request.socket.destroy();
    }
    const headers: Record<string, string> = { "Content-Type": "text/html; charset=utf-8" };
    if (url.startsWith("/_next/static/")) headers["Cache-Control"] = "public, max-age=31536000, immutable";
    else if (url.startsWith("/guides/private") || url.startsWith("/account"))
      headers["Cache-Control"] = "private, no-cache, no-store, max-age=0, must-revalidate";
    else if (url.startsWith("/guides/no-store")) headers["Cache-Control"] = "no-store";
    else headers["Cache-Control"] = "s-maxage=31536000"; // what Next sends for a prerendered page
    if (url.startsWith("/guides/cookie")) headers["Set-Cookie"] = "authjs.csrf-token=abc; Path=/; HttpOnly";
    response.writeHead(200, headers);
    response.end(`<!doctype html><p>${name} ${url}</p>${"<p>words of comfort</p>".repeat(100)}`);
  });
  server.on("connection", () => connections++);
  return { server, connections: () => connections };
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request with exactly the headers given (fetch would add and hide some), on a new connection. */
function send(
  port: number,
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path: target,
        method: options.method ?? "GET",
        headers: options.headers,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

describe.skipIf(!nginx)("nginx in front of the app instances", () => {
  const seen: Seen[] = [];
  const a = stubInstance("a", seen);
  const b = stubInstance("b", seen);
  let dir = "";
  let port = 0;
  let proxy: ChildProcess | undefined;
  const upstreamHits = (target: string) => seen.filter((s) => s.path === target).length;

  beforeAll(async () => {
    // DEPLOY_TEST_PORT fixes the three ports (proxy, a, b) from there; free ones otherwise.
    const base = Number(process.env.DEPLOY_TEST_PORT) || 0;
    const [proxyPort, aPort, bPort] = base ? [base, base + 1, base + 2] : [await freePort(), 0, 0];
    port = proxyPort!;
    a.server.listen(aPort, "127.0.0.1");
    b.server.listen(bPort, "127.0.0.1");
    await Promise.all([once(a.server, "listening"), once(b.server, "listening")]);
    const upstreams = [a, b].map((s) => `127.0.0.1:${(s.server.address() as { port: number }).port}`);

    dir = mkdtempSync(path.join(tmpdir(), "mend-nginx-"));
    prepareRuntimeDir(dir);
    const config = path.join(dir, "nginx.conf");
    writeFileSync(
      config,
      nginxConfig({ listen: [{ host: "127.0.0.1", port }], upstreams, runtimeDir: dir, user: nginxUser() }),
    );
    proxy = spawn(nginx!, ["-p", dir, "-c", config, "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"] });
    for (let i = 0; i < 100; i++) {
      if (
        await send(port, "/api/ready").then(
          () => true,
          () => false,
        )
      )
        return;
      if (proxy.exitCode !== null) throw new Error(`nginx exited with ${proxy.exitCode}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("nginx did not start");
  });

  afterAll(async () => {
    if (proxy && proxy.exitCode === null) {
      proxy.kill("SIGTERM");
      await once(proxy, "exit");
    }
    a.server.close();
    b.server.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("caches an anonymous guide page and the home page, and says so", async () => {
    expect((await send(port, "/guides/one")).headers["x-cache-status"]).toBe("MISS");
    expect((await send(port, "/guides/one")).headers["x-cache-status"]).toBe("HIT");
    expect(upstreamHits("/guides/one")).toBe(1);
    await send(port, "/");
    expect((await send(port, "/")).headers["x-cache-status"]).toBe("HIT");
    // Cookies that are not a session (theme, CSRF) do not matter.
    const other = await send(port, "/guides/one", { headers: { Cookie: "theme=dark; authjs.csrf-token=x" } });
    expect(other.headers["x-cache-status"]).toBe("HIT");
  });

  it("keeps built assets, which never change", async () => {
    await send(port, "/_next/static/chunks/app.js");
    const again = await send(port, "/_next/static/chunks/app.js");
    expect(again.headers["x-cache-status"]).toBe("HIT");
    expect(again.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it.each([
    "authjs.session-token=abc",
    "__Secure-authjs.session-token=abc",
    "theme=dark; authjs.session-token.0=abc; authjs.session-token.1=def",
    "theme=dark;__Secure-authjs.session-token.0=abc",
  ])("sends a reader with a session cookie (%s) to the app, and stores nothing of theirs", async (cookie) => {
    const target = `/guides/signed-in-${seen.length}`;
    for (let i = 0; i < 2; i++) {
      const answer = await send(port, target, { headers: { Cookie: cookie } });
      expect(answer.headers["x-cache-status"]).toBe("BYPASS");
    }
    // What the signed-in reader got was not kept for anyone else.
    expect((await send(port, target)).headers["x-cache-status"]).toBe("MISS");
    // Nor does a page already cached for anonymous readers go to them.
    expect((await send(port, target, { headers: { Cookie: cookie } })).headers["x-cache-status"]).toBe("BYPASS");
    expect(upstreamHits(target)).toBe(4);
  });

  it.each(["/guides/private", "/guides/no-store", "/guides/cookie"])(
    "never stores a response the app marks private or that sets a cookie (%s)",
    async (target) => {
      for (let i = 0; i < 3; i++) expect((await send(port, target)).headers["x-cache-status"]).toBe("MISS");
      expect(upstreamHits(target)).toBe(3);
    },
  );

  it("never caches anything else, whatever the app's headers say", async () => {
    for (const target of ["/api/guides/one/comments", "/sign-in", "/account", "/tags/hope", "/feed.xml"]) {
      for (let i = 0; i < 2; i++) expect((await send(port, target)).headers["x-cache-status"]).toBeUndefined();
      expect(upstreamHits(target)).toBe(2);
    }
  });

  it("tells the app who the client is, replacing what the client claims", async () => {
    await send(port, "/api/who", {
      headers: {
        Host: "mend.example:8443",
        "X-Forwarded-For": "203.0.113.9, 10.0.0.1",
        "X-Real-IP": "203.0.113.9",
        "X-Forwarded-Host": "evil.example",
        "X-Forwarded-Proto": "https",
        Forwarded: "for=203.0.113.9",
      },
    });
    const request = seen.findLast((s) => s.path === "/api/who")!;
    expect(request.headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(request.headers["x-real-ip"]).toBe("127.0.0.1");
    expect(request.headers.host).toBe("mend.example:8443");
    expect(request.headers["x-forwarded-host"]).toBe("mend.example:8443");
    expect(request.headers["x-forwarded-proto"]).toBe("http");
    expect(request.headers.forwarded).toBeUndefined();
  });

  it("spreads requests over the instances on kept-alive connections", async () => {
    const before = seen.length;
    const connectionsBefore = a.connections() + b.connections();
    for (let i = 0; i < 12; i++) await send(port, `/api/spread/${i}`);
    const servers = new Set(seen.slice(before).map((s) => s.server));
    expect(servers).toEqual(new Set(["a", "b"]));
    expect(seen.slice(before).every((s) => s.headers.connection !== "close")).toBe(true);
    expect(a.connections() + b.connections() - connectionsBefore).toBeLessThan(12);
  });

  it("compresses what it sends, and asks the app for plain bodies", async () => {
    const answer = await send(port, "/sign-in", { headers: { "Accept-Encoding": "gzip" } });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(seen.findLast((s) => s.path === "/sign-in")!.headers["accept-encoding"]).toBeUndefined();
  });

  it("lets through bodies the app accepts, and refuses far larger ones itself", async () => {
    expect(Number.parseInt(MAX_BODY) * 1024).toBeGreaterThan(256 * 1024);
    const json = { "Content-Type": "application/json" };
    const fits = await send(port, "/api/reflections/save", {
      method: "POST",
      headers: json,
      body: Buffer.alloc(256 * 1024 + 100, 97),
    });
    expect(fits.status).toBe(200);
    expect(seen.findLast((s) => s.path === "/api/reflections/save")!.bodyBytes).toBe(256 * 1024 + 100);
    const before = upstreamHits("/api/reflections/save");
    const tooBig = await send(port, "/api/reflections/save", {
      method: "POST",
      headers: json,
      body: Buffer.alloc(400 * 1024, 97),
    });
    expect(tooBig.status).toBe(413);
    expect(upstreamHits("/api/reflections/save")).toBe(before);
  });

  // Last: an instance that drops requests counts as failed for a while afterwards.
  it("sends a dropped keyed write (comment, reflection save) to the other instance, and no other POST", async () => {
    const sent = (id: string) => seen.filter((s) => s.headers["x-request-id"] === id).map((s) => s.server);
    const dropped = (target: string) =>
      send(port, target, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Stub-Vanish": "first", "X-Request-Id": target },
        body: Buffer.from("{}"),
      });

    // A POST without a key is never sent twice: the instance may have done it before it went away.
    expect((await dropped("/api/account/name")).status).toBe(502);
    expect(sent("/api/account/name")).toHaveLength(1);
    // A keyed write is sent to the other instance, which answers it.
    for (const target of ["/api/comments", "/api/reflections/save"]) {
      expect((await dropped(target)).status).toBe(200);
      expect(new Set(sent(target))).toEqual(new Set(["a", "b"]));
    }
  });
});

describe("nginxConfig", () => {
  const base = { listen: [{ host: "::1", port: 8080 }], upstreams: ["127.0.0.1:8081"], runtimeDir: "/srv/mend" };

  it("serves nothing from disk and never appends to the client's X-Forwarded-For", () => {
    const config = nginxConfig(base);
    expect(config).not.toMatch(/^\s*(root|alias|try_files)\b/m);
    expect(config).not.toContain("$proxy_add_x_forwarded_for");
    expect(config).toContain("listen [::1]:8080;");
  });

  it("refuses values that would change the configuration's meaning", () => {
    expect(() => nginxConfig({ ...base, runtimeDir: "/srv/x; include /etc/passwd" })).toThrow(/not usable/);
    expect(() => nginxConfig({ ...base, upstreams: [] })).toThrow(/at least one/);
  });
});
