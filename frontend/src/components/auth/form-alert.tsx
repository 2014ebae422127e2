import { Alert } from "@/components/ui/alert";

/** The form-wide server error set by applyServerError under `root.server`. */
export function FormAlert({ message }: { message: string | undefined }) {
  if (!message) return null;
  return <Alert tone="error">{message}</Alert>;
}
