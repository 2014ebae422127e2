import { cva, type VariantProps } from "class-variance-authority";
import { AlertTriangle, CheckCircle2, Info, XCircle } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/class-names";

const alertVariants = cva("flex gap-3 rounded-lg border p-4 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0", {
  variants: {
    tone: {
      info: "border-accent bg-accent/60 text-accent-foreground",
      success: "border-success/30 bg-success-soft text-foreground [&>svg]:text-success",
      warning: "border-warning/40 bg-warning-soft text-foreground [&>svg]:text-warning",
      error: "border-destructive/30 bg-destructive-soft text-foreground [&>svg]:text-destructive",
    },
  },
  defaultVariants: { tone: "info" },
});

const icons = { info: Info, success: CheckCircle2, warning: AlertTriangle, error: XCircle };

type AlertProps = Omit<ComponentProps<"div">, "title"> & VariantProps<typeof alertVariants> & { title?: ReactNode };

/** A message box; errors are announced at once (role=alert), other tones politely (role=status). */
export function Alert({ tone = "info", title, className, children, ...props }: AlertProps) {
  const Icon = icons[tone ?? "info"];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={cn(alertVariants({ tone }), className)} {...props}>
      <Icon aria-hidden />
      <div className="grid gap-1">
        {title && <p className="font-semibold">{title}</p>}
        {children && <div className="text-foreground/85">{children}</div>}
      </div>
    </div>
  );
}
