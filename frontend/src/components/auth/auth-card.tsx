import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

type AuthCardProps = { title: string; description?: ReactNode; children: ReactNode; footer?: ReactNode };

export function AuthCard({ title, description, children, footer }: AuthCardProps) {
  return (
    <div className="grid gap-4">
      <Card className="p-6 shadow-lg shadow-primary/5 sm:p-8">
        <div className="mb-6 grid gap-1.5">
          <h1 className="font-display text-2xl font-semibold tracking-tight">{title}</h1>
          {description && <p className="text-sm text-muted-foreground">{description}</p>}
        </div>
        {children}
      </Card>
      {footer && <p className="text-center text-sm text-muted-foreground">{footer}</p>}
    </div>
  );
}
