import type { NextConfig } from 'next';

const apiOrigin = process.env.SADDLE_API_URL ?? 'http://127.0.0.1:4000';

const config: NextConfig = {
  reactStrictMode: true,
  // Output is served by the API process (`saddle serve --web`) or `next start`; no image optimiser needed.
  images: { unoptimized: true },
  // In `next dev`/`next start` on their own, /graphql goes to the API so the browser sees one origin.
  // (`saddle serve --web` mounts the app and the API on one port, where these rewrites are never hit.)
  async rewrites() {
    return [
      { source: '/graphql', destination: `${apiOrigin}/graphql` },
      // report exports (Report.downloads); the page /reports/<id> itself stays the dashboard's
      { source: '/reports/:file(.+\\.(?:html|pdf|md\\.zip))', destination: `${apiOrigin}/reports/:file` },
    ];
  },
};

export default config;
