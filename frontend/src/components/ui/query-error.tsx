"use client";

import { Alert } from "./alert";
import { Button } from "./button";
import { describeError } from "@/lib/api/errors";

/** A failed load, with a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Alert tone="error" title="Couldn't load this">
      <p>{describeError(error)}</p>
      <Button variant="secondary" size="sm" className="mt-3" onClick={onRetry}>
        Try again
      </Button>
    </Alert>
  );
}
