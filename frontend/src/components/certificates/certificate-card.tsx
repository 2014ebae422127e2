"use client";

import { Award, Download, ExternalLink, Share2 } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import type { Certificate } from "@/lib/api/models";
import { formatCertificateDate } from "./certificate-date";
import { certificateUrl, copyWithSelection, shareLink, type ShareOutcome } from "./share-link";

const FEEDBACK: Record<ShareOutcome, string | null> = {
  shared: null,
  cancelled: null,
  copied: "Link copied. Anyone with it can check your certificate.",
  failed: "Couldn't share or copy the link. Open View and copy the address from there.",
};

/** A certificate of completion with Download PDF, Share (the device's share sheet, else a copied
 * link) and View (the public verification page). */
export function CertificateCard({ certificate }: { certificate: Certificate }) {
  const share = async () => {
    const url = certificateUrl(window.location.origin, certificate.code);
    const device = {
      // Missing on most desktops (share) and on pages served over plain HTTP (clipboard).
      share: navigator.share?.bind(navigator),
      canShare: navigator.canShare?.bind(navigator),
      clipboard: navigator.clipboard,
      legacyCopy: copyWithSelection,
    };
    const outcome = await shareLink(device, {
      url,
      title: `Certificate: ${certificate.course_title}`,
      text: `I completed “${certificate.course_title}” on Lectern.`,
    });
    // The toaster is a live region: the outcome is announced as well as shown.
    const message = FEEDBACK[outcome];
    if (message) (outcome === "failed" ? toast.error : toast.success)(message);
  };

  return (
    <article className="flex flex-col gap-4 rounded-xl border border-border bg-surface p-4 shadow-xs sm:p-5" aria-labelledby={`certificate-${certificate.id}`}>
      <div className="flex gap-3">
        <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-warning-soft text-warning">
          <Award className="size-5" aria-hidden />
        </span>
        <div className="grid min-w-0 gap-0.5">
          <h3 id={`certificate-${certificate.id}`} className="leading-snug font-semibold text-balance">
            {certificate.course_slug ? (
              <Link href={`/courses/${certificate.course_slug}`} className="hover:underline">
                {certificate.course_title}
              </Link>
            ) : (
              certificate.course_title
            )}
          </h3>
          <p className="text-sm text-muted-foreground">Completed {formatCertificateDate(certificate.issued_at)}</p>
          <p className="text-xs text-muted-foreground">
            Certificate no. <span className="font-mono tracking-wide text-foreground">{certificate.code}</span>
          </p>
        </div>
      </div>
      <div className="mt-auto flex flex-wrap gap-2">
        <Button asChild size="sm">
          <a href={certificate.pdf_url} download>
            <Download aria-hidden /> Download PDF
          </a>
        </Button>
        <Button variant="secondary" size="sm" onClick={() => void share()}>
          <Share2 aria-hidden /> Share
        </Button>
        <Button asChild variant="ghost" size="sm">
          <Link href={certificate.verification_path}>
            <ExternalLink aria-hidden /> View
          </Link>
        </Button>
      </div>
    </article>
  );
}
