import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AppProviders } from "@/components/providers/app-providers";
import { AppShell } from "@/components/shell/app-shell";
import { getCurrentUser } from "@/lib/api/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Lectern — learn from people who teach", template: "%s · Lectern" },
  description: "Lectern is an open-source video-course platform: watch, learn at your own pace, and teach what you know.",
  applicationName: "Lectern",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "any" },
      { url: "/icons/icon-192.png", type: "image/png", sizes: "192x192" },
    ],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#4f46e5" },
    { media: "(prefers-color-scheme: dark)", color: "#1a1b2e" },
  ],
  width: "device-width",
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const me = await getCurrentUser();
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <AppProviders me={me}>
          <AppShell>{children}</AppShell>
        </AppProviders>
      </body>
    </html>
  );
}
