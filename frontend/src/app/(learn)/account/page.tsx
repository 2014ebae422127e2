import type { Metadata } from "next";
import { AvatarEditor } from "@/components/account/avatar-editor";
import { InstructorApplicationCard } from "@/components/account/instructor-application-card";
import { ProfileForm } from "@/components/account/profile-form";
import { requireUser } from "@/lib/api/server";
import { supportedTimeZones } from "@/lib/locale/time-zones";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const me = await requireUser("/account");
  return (
    <>
      <AvatarEditor />
      <ProfileForm timeZones={supportedTimeZones(me.timezone)} />
      <InstructorApplicationCard />
    </>
  );
}
