import { z } from "zod";

// Client-side checks mirror the API's rules so most mistakes are caught before a round trip;
// the API stays the judge (e.g. of password strength) and its answer is shown the same way.

export const PASSWORD_MIN_LENGTH = 10;

const email = z.string().trim().min(1, "Enter your email address.").pipe(z.email("Enter a valid email address."));
const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(256, "Use at most 256 characters.");

export const registerSchema = z.object({
  display_name: z.string().trim().min(1, "Tell us what to call you.").max(80, "Use at most 80 characters."),
  email,
  password: newPassword,
});

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password."),
});

export const emailOnlySchema = z.object({ email });

export const resetPasswordSchema = z
  .object({ password: newPassword, confirm: z.string() })
  .refine((values) => values.password === values.confirm, { path: ["confirm"], message: "The passwords don't match." });

export const changePasswordSchema = z
  .object({ current_password: z.string().min(1, "Enter your current password."), new_password: newPassword, confirm: z.string() })
  .refine((values) => values.new_password === values.confirm, { path: ["confirm"], message: "The passwords don't match." });

export const changeEmailSchema = z.object({
  new_email: email,
  password: z.string().min(1, "Enter your password to confirm."),
});

export type RegisterValues = z.infer<typeof registerSchema>;
export type SignInValues = z.infer<typeof signInSchema>;
export type EmailOnlyValues = z.infer<typeof emailOnlySchema>;
export type ResetPasswordValues = z.infer<typeof resetPasswordSchema>;
export type ChangePasswordValues = z.infer<typeof changePasswordSchema>;
export type ChangeEmailValues = z.infer<typeof changeEmailSchema>;
