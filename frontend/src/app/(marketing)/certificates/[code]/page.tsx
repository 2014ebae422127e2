import { BadgeCheck, CalendarDays, GraduationCap, Hash } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import createClient from "openapi-fetch";
import { formatCertificateDate, joinNames } from "@/components/certificates/certificate-date";
import { isApiError } from "@/lib/api/errors";
import { apiInternalUrl } from "@/lib/api/internal-url";
import type { CertificateVerification } from "@/lib/api/models";
import type { paths } from "@/lib/api/schema";
import { unwrap } from "@/lib/api/unwrap";
import { absoluteUrl, publicSiteUrl } from "@/lib/catalog/public-url";

/** The certificate a code names, or null for a code nobody was given. Cached per request so the
 * page and its metadata share one call. */
const fetchCertificate = cache(async (code: string): Promise<CertificateVerification | null> => {
  const api = createClient<paths>({ baseUrl: apiInternalUrl(), cache: "no-store" });
  try {
    return await unwrap(api.GET("/api/certificates/{code}", { params: { path: { code } } }));
  } catch (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 422)) return null;
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps<"/certificates/[code]">): Promise<Metadata> {
  const certificate = await fetchCertificate(decodeURIComponent((await params).code));
  // A certificate is about a person: shared by link, never listed by search engines.
  const robots = { index: false, follow: false };
  if (!certificate) return { title: "Certificate not found", robots };
  const title = `${certificate.student_name} completed ${certificate.course_title}`;
  const description = `Verified certificate of completion ${certificate.code}, issued by Lectern on ${formatCertificateDate(certificate.issued_at)}.`;
  const url = absoluteUrl(`/certificates/${certificate.code}`, publicSiteUrl());
  return {
    title,
    description,
    robots,
    alternates: { canonical: url },
    openGraph: { type: "website", siteName: "Lectern", url, title, description },
    twitter: { card: "summary", title, description },
  };
}

export default async function CertificatePage({ params }: PageProps<"/certificates/[code]">) {
  const certificate = await fetchCertificate(decodeURIComponent((await params).code));
  if (!certificate) notFound();
  const instructors = joinNames(certificate.instructor_names);
  return (
    <div className="mx-auto grid max-w-2xl gap-6 px-4 py-10 sm:px-6 sm:py-16">
      <article aria-labelledby="certificate-name" className="overflow-hidden rounded-2xl border border-border bg-surface shadow-lg">
        <div className="flex items-center gap-2 border-b border-success/30 bg-success-soft px-5 py-3 text-sm font-semibold text-success sm:px-8">
          <BadgeCheck className="size-5" aria-hidden />
          <p>Verified: this certificate was issued by Lectern</p>
        </div>
        <div className="grid gap-6 px-5 py-8 text-center sm:px-10 sm:py-12">
          <p className="text-xs font-semibold tracking-[0.3em] text-primary uppercase">Certificate of completion</p>
          <div className="grid gap-2">
            <p className="text-sm text-muted-foreground">This certifies that</p>
            <h1 id="certificate-name" className="font-display text-3xl font-semibold tracking-tight text-balance break-words sm:text-4xl">
              {certificate.student_name}
            </h1>
            <p className="text-sm text-muted-foreground">has completed the course</p>
            <p className="text-xl font-semibold text-balance">
              {certificate.course_slug ? (
                <Link href={`/courses/${certificate.course_slug}`} className="text-primary underline-offset-4 hover:underline">
                  {certificate.course_title}
                </Link>
              ) : (
                certificate.course_title
              )}
            </p>
          </div>
          <dl className="grid gap-3 border-t border-border pt-6 text-left text-sm sm:grid-cols-3">
            {instructors && (
              <Fact icon={GraduationCap} term="Taught by">
                {instructors}
              </Fact>
            )}
            <Fact icon={CalendarDays} term="Issued">
              <time dateTime={certificate.issued_at}>{formatCertificateDate(certificate.issued_at)}</time>
            </Fact>
            <Fact icon={Hash} term="Certificate no.">
              <span className="font-mono tracking-wide">{certificate.code}</span>
            </Fact>
          </dl>
        </div>
      </article>
      <p className="text-center text-sm text-muted-foreground">
        The name and course are as they were on the day the certificate was issued.{" "}
        {certificate.course_slug ? "The course is still open to new students." : "The course is no longer in the catalog."}
      </p>
    </div>
  );
}

function Fact({ icon: Icon, term, children }: { icon: typeof Hash; term: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="flex items-center gap-1.5 text-xs font-medium text-muted-foreground">
        <Icon className="size-3.5" aria-hidden /> {term}
      </dt>
      <dd className="font-medium break-words">{children}</dd>
    </div>
  );
}
