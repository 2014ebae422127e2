import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function CertificateNotFound() {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-4 px-4 py-20 text-center">
      <span className="flex size-14 items-center justify-center rounded-full bg-destructive-soft text-destructive">
        <ShieldAlert className="size-7" aria-hidden />
      </span>
      <h1 className="font-display text-3xl font-semibold tracking-tight">No certificate has this code</h1>
      <p className="text-muted-foreground">
        Lectern never issued a certificate with this number. Check the code on the PDF: it has twelve letters and digits, such as
        7K3M-Q9TZ-1ABX. Capitals and dashes don&apos;t matter.
      </p>
      <Button asChild variant="secondary">
        <Link href="/courses">Browse courses</Link>
      </Button>
    </div>
  );
}
