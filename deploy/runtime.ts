// Running nginx on this machine: finding it, the addresses `localhost` may be,
// and a runtime folder its worker processes may write to.
import { accessSync, chmodSync, chownSync, constants, mkdirSync, readFileSync, rmSync } from "node:fs";
import { networkInterfaces } from "node:os";
import path from "node:path";

/** The nginx binary (NGINX_PATH, else on PATH or in /usr/sbin), or null. */
export function findNginx(): string | null {
  const candidates = process.env.NGINX_PATH
    ? [process.env.NGINX_PATH]
    : [...(process.env.PATH ?? "").split(":").filter(Boolean), "/usr/sbin", "/usr/local/sbin"].map((d) =>
        path.join(d, "nginx"),
      );
  for (const file of candidates) {
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // next
    }
  }
  return null;
}

/** 127.0.0.1, and ::1 where this machine has IPv6 on loopback: `localhost` may be either. */
export function loopbackAddresses(): string[] {
  const v6 = Object.values(networkInterfaces()).some((list) => list?.some((a) => a.internal && a.address === "::1"));
  return v6 ? ["127.0.0.1", "::1"] : ["127.0.0.1"];
}

const runningAsRoot = () => process.getuid?.() === 0;

/** The `user` line nginx needs when started by root (its workers then run as nobody), else undefined. */
export function nginxUser(): string | undefined {
  return runningAsRoot() ? "nobody nogroup" : undefined;
}

/**
 * An empty cache (a new build may have changed every page) and the folders the
 * worker processes write to, which they own when nginx is started by root.
 */
export function prepareRuntimeDir(dir: string) {
  const writable = ["cache", "tmp", "tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi"];
  rmSync(path.join(dir, "cache"), { recursive: true, force: true });
  rmSync(path.join(dir, "tmp"), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  for (const sub of writable) mkdirSync(path.join(dir, sub), { recursive: true });
  if (runningAsRoot()) {
    const nobody = readFileSync("/etc/passwd", "utf8")
      .split("\n")
      .find((line) => line.startsWith("nobody:"))
      ?.split(":");
    const uid = Number(nobody?.[2] ?? 65534);
    const gid = Number(nobody?.[3] ?? 65534);
    for (const sub of writable) chownSync(path.join(dir, sub), uid, gid);
  }
}
