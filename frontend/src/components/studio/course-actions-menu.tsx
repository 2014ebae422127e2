"use client";

import * as AlertDialogPrimitive from "@radix-ui/react-alert-dialog";
import { Copy, MoreHorizontal, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { dialogPanelClass, overlayClass } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toaster";
import { useDeleteCourse, useDuplicateCourse } from "@/hooks/queries/studio";
import { describeError } from "@/lib/api/errors";
import type { StudioCourse } from "@/lib/api/models";
import { cn } from "@/lib/class-names";

/** Duplicate, and (for a course never published, by its owner) delete. */
export function CourseActionsMenu({ course }: { course: StudioCourse }) {
  const router = useRouter();
  const duplicate = useDuplicateCourse();
  const remove = useDeleteCourse();
  const [confirming, setConfirming] = useState(false);

  const makeCopy = () =>
    duplicate.mutate(course.id, {
      onSuccess: (copy) => {
        toast.success(`“${copy.title}” is ready as a new draft.`);
        router.push(`/studio/courses/${copy.id}`);
      },
      onError: (error) => toast.error(describeError(error)),
    });

  const deleteCourse = () =>
    remove.mutate(course.id, {
      onSuccess: () => {
        toast.success(`“${course.title}” was deleted.`);
        router.push("/studio");
      },
      onError: (error) => {
        setConfirming(false);
        toast.error(describeError(error));
      },
    });

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="secondary" size="icon" aria-label="More course actions">
            <MoreHorizontal aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={makeCopy} disabled={duplicate.isPending}>
            <Copy aria-hidden /> Duplicate as a new draft
          </DropdownMenuItem>
          {course.can_manage && (
            <>
              <DropdownMenuSeparator />
              {course.can_delete ? (
                <DropdownMenuItem
                  onSelect={() => setConfirming(true)}
                  className="text-destructive data-[highlighted]:bg-destructive-soft [&_svg]:text-destructive"
                >
                  <Trash2 aria-hidden /> Delete course
                </DropdownMenuItem>
              ) : (
                <DropdownMenuLabel className="max-w-64 text-xs text-muted-foreground">
                  A course that was ever published can&apos;t be deleted: students may be enrolled.
                  {["published", "unlisted"].includes(course.status) && " Archive it from the Review tab instead."}
                </DropdownMenuLabel>
              )}
            </>
          )}
        </DropdownMenuContent>
      </DropdownMenu>

      <AlertDialogPrimitive.Root open={confirming} onOpenChange={setConfirming}>
        <AlertDialogPrimitive.Portal>
          <AlertDialogPrimitive.Overlay className={overlayClass} />
          <AlertDialogPrimitive.Content className={cn(dialogPanelClass, "max-w-md")}>
            <div className="grid gap-1.5">
              <AlertDialogPrimitive.Title className="text-lg font-semibold tracking-tight">Delete “{course.title}”?</AlertDialogPrimitive.Title>
              <AlertDialogPrimitive.Description className="text-sm text-muted-foreground">
                Its sections, lessons, text and cover are deleted for good, for your co-instructors too. This can&apos;t be undone.
              </AlertDialogPrimitive.Description>
            </div>
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <AlertDialogPrimitive.Cancel className={buttonVariants({ variant: "secondary" })}>Cancel</AlertDialogPrimitive.Cancel>
              <Button
                variant="destructive"
                pending={remove.isPending}
                onClick={deleteCourse}
              >
                Delete course
              </Button>
            </div>
          </AlertDialogPrimitive.Content>
        </AlertDialogPrimitive.Portal>
      </AlertDialogPrimitive.Root>
    </>
  );
}
