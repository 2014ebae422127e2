import type { Metadata } from "next";
import { ApiTokensCard } from "@/components/security/api-tokens-card";
import { ChangeEmailCard } from "@/components/security/change-email-card";
import { ChangePasswordCard } from "@/components/security/change-password-card";
import { SessionsCard } from "@/components/security/sessions-card";
import { requireUser } from "@/lib/api/server";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage() {
  await requireUser("/account/security");
  return (
    <>
      <ChangePasswordCard />
      <ChangeEmailCard />
      <SessionsCard />
      <ApiTokensCard />
    </>
  );
}
