import type { ReactNode } from "react";
import { UploadManagerProvider } from "@/components/studio/video/upload-manager";
import { UploadsTray } from "@/components/studio/video/uploads-tray";

/** Every studio page shares one upload manager and its tray, so uploads run on from page to page. */
export default function StudioLayout({ children }: { children: ReactNode }) {
  return (
    <UploadManagerProvider>
      {children}
      <UploadsTray />
    </UploadManagerProvider>
  );
}
