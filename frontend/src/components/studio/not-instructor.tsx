import { GraduationCap } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** For a student who opens the studio: what it is, and how to be let in. */
export function NotInstructor() {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-4 px-4 py-16 text-center">
      <span className="flex size-14 items-center justify-center rounded-full bg-accent text-accent-foreground">
        <GraduationCap className="size-7" aria-hidden />
      </span>
      <h1 className="font-display text-3xl font-semibold tracking-tight">The studio is where instructors build courses</h1>
      <p className="text-muted-foreground">
        Your account can take courses but not create them yet. Tell us what you would like to teach from your account page; once an admin
        approves your application, the studio opens for you.
      </p>
      <Button asChild>
        <Link href="/account#teach-title">Apply to teach</Link>
      </Button>
    </div>
  );
}
