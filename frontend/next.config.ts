import type { NextConfig } from "next";

const isDev = process.env.NODE_ENV === "development";
// With videos in an S3-protocol store, segments and thumbnails come from the store's (or its
// CDN's) origin by presigned URL: set LECTERN_MEDIA_ORIGIN (e.g. https://media.example.com)
// when building the web app so the policy lets the player fetch them.
const mediaOrigin = process.env.LECTERN_MEDIA_ORIGIN ? ` ${new URL(process.env.LECTERN_MEDIA_ORIGIN).origin}` : "";

// Next's hydration uses inline scripts, hence 'unsafe-inline' for scripts; everything else is
// locked to this origin. The dev server's fast refresh additionally needs eval.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob:${mediaOrigin}`,
  "font-src 'self'",
  `connect-src 'self'${mediaOrigin}`,
  `media-src 'self' blob:${mediaOrigin}`,
  // hls.js runs its demuxer in a worker it builds from a blob: URL.
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // forbidden() answers 403 with app/forbidden.tsx for signed-in people without the role.
    authInterrupts: true,
  },
  async headers() {
    // Pages only: /api/* answers come from the API, which sets its own headers.
    return [{ source: "/((?!api/).*)", headers: securityHeaders }];
  },
};

export default nextConfig;
