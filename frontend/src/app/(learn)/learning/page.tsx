import type { Metadata } from "next";
import { LearningDashboard } from "@/components/learning/learning-dashboard";
import { requireUser } from "@/lib/api/server";
import { fetchStudentPage } from "@/lib/learning/server";

export const metadata: Metadata = { title: "My learning", robots: { index: false } };

export default async function LearningPage() {
  await requireUser("/learning");
  return <LearningDashboard initial={await fetchStudentPage()} />;
}
