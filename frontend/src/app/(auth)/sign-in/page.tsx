import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/api/server";
import { homeAfterSignIn } from "@/lib/navigation/home";
import { safeNextPath } from "@/lib/navigation/safe-next";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  // No page to return to (or an unsafe one): where to go depends on who signs in.
  const next = safeNextPath((await searchParams).next, "") || null;
  const me = await getCurrentUser();
  if (me) redirect(next ?? homeAfterSignIn(me.roles));
  return <SignInForm next={next} />;
}
