import { AlertTriangle, Clock, Lock, LogIn, RotateCcw } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ApiError, describeError, isApiError } from "@/lib/api/errors";

type ProblemProps = {
  icon: ReactNode;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
};

/** A message in place of the video, on the player's dark frame. */
export function PlayerProblem({ icon, title, children, action }: ProblemProps) {
  return (
    <div role="alert" className="absolute inset-0 z-30 grid place-items-center overflow-y-auto bg-black/85 p-4 text-center text-white">
      <div className="grid max-w-sm justify-items-center gap-2">
        <span className="flex size-10 items-center justify-center rounded-full bg-white/10 [&_svg]:size-5 @sm:size-12 @sm:[&_svg]:size-6">{icon}</span>
        <p className="font-semibold @sm:text-lg">{title}</p>
        {children && <p className="text-sm text-white/75">{children}</p>}
        {action && <div className="mt-1 flex flex-wrap justify-center gap-2">{action}</div>}
      </div>
    </div>
  );
}

type GrantProblemProps = {
  error: unknown;
  /** Where to send a signed-out viewer after signing in: this page. */
  signInHref: string;
  courseHref: string;
  onRetry: () => void;
  retrying: boolean;
};

/** Why the lesson's video can't be had, and the way forward: sign in, the course, or try again. */
export function GrantProblem({ error, signInHref, courseHref, onRetry, retrying }: GrantProblemProps) {
  if (error instanceof ApiError && error.status === 401) {
    return (
      <PlayerProblem
        icon={<LogIn aria-hidden />}
        title="You're signed out"
        action={
          <Button asChild size="sm">
            <Link href={signInHref}>Sign in to watch</Link>
          </Button>
        }
      >
        This lesson is for enrolled students: sign in with the account you enrolled with.
      </PlayerProblem>
    );
  }
  if (isApiError(error, "lesson_locked")) {
    return (
      <PlayerProblem
        icon={<Lock aria-hidden />}
        title="This lesson is for enrolled students"
        action={
          <Button asChild size="sm">
            <Link href={courseHref}>Back to the course</Link>
          </Button>
        }
      >
        Free preview lessons are open to everyone.
      </PlayerProblem>
    );
  }
  if (isApiError(error, "video_not_ready")) {
    return (
      <PlayerProblem
        icon={<Clock aria-hidden />}
        title="The video is still being prepared"
        action={
          <Button size="sm" variant="secondary" onClick={onRetry} pending={retrying}>
            <RotateCcw aria-hidden /> Check again
          </Button>
        }
      >
        It plays here as soon as it is ready; that usually takes a few minutes.
      </PlayerProblem>
    );
  }
  return (
    <PlayerProblem
      icon={<AlertTriangle aria-hidden />}
      title="The video could not be loaded"
      action={
        <Button size="sm" variant="secondary" onClick={onRetry} pending={retrying}>
          <RotateCcw aria-hidden /> Try again
        </Button>
      }
    >
      {describeError(error)}
    </PlayerProblem>
  );
}
