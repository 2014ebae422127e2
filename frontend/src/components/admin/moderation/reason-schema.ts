import { z } from "zod";

/** What the API accepts as a reason to send back or unpublish a course (10 to 2000 characters). */
export const courseReasonSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(10, "Write at least 10 characters, so the instructor knows what to change.")
    .max(2000, "Keep it under 2000 characters."),
});

export type ReasonValues = { reason: string };
