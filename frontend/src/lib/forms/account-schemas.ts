import { z } from "zod";

export const profileSchema = z.object({
  display_name: z.string().trim().min(1, "Your name can't be empty.").max(80, "Use at most 80 characters."),
  bio: z.string().max(2000, "Keep your bio under 2000 characters."),
  timezone: z.string().min(1, "Choose a time zone."),
  language: z.string().min(2, "Choose a language."),
});

export const MOTIVATION_MIN = 20;
export const MOTIVATION_MAX = 2000;

export const instructorApplicationSchema = z.object({
  motivation: z
    .string()
    .trim()
    .min(MOTIVATION_MIN, `Tell us a little more (at least ${MOTIVATION_MIN} characters).`)
    .max(MOTIVATION_MAX, `Keep it under ${MOTIVATION_MAX} characters.`),
});

export const apiTokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token so you recognise it later.").max(80, "Use at most 80 characters."),
  /** "never" or a number of days, as the select offers them. */
  expiry: z.enum(["30", "90", "365", "never"]),
});

export const rejectApplicationSchema = z.object({
  reason: z.string().trim().min(3, "Give the applicant a reason.").max(1000, "Use at most 1000 characters."),
});

export const AVATAR_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif"] as const;
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;

/** Why a picture can't be an avatar, or null when it can. Checked before uploading. */
export function avatarFileProblem(file: { type: string; size: number }): string | null {
  if (!(AVATAR_TYPES as readonly string[]).includes(file.type)) return "Choose a JPEG, PNG, WebP or GIF image.";
  if (file.size > AVATAR_MAX_BYTES) return "Choose an image of 5 MB or less.";
  return null;
}

export type ProfileValues = z.infer<typeof profileSchema>;
export type InstructorApplicationValues = z.infer<typeof instructorApplicationSchema>;
export type ApiTokenValues = z.infer<typeof apiTokenSchema>;
export type RejectApplicationValues = z.infer<typeof rejectApplicationSchema>;
