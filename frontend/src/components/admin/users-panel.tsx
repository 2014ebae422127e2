"use client";

import { Search, UsersRound } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { useAdminUsers } from "@/hooks/queries/admin";
import type { Role } from "@/lib/api/models";
import { UserRow } from "./user-row";
import { useDebouncedValue } from "./use-debounced-value";

const ROLE_FILTERS: { value: Role | ""; label: string }[] = [
  { value: "", label: "All roles" },
  { value: "student", label: "Students" },
  { value: "instructor", label: "Instructors" },
  { value: "admin", label: "Admins" },
];

/** Every account, searchable and filterable by role, loaded a page at a time. */
export function UsersPanel({ currentUserId }: { currentUserId: string }) {
  const [search, setSearch] = useState("");
  const [role, setRole] = useState<Role | "">("");
  const q = useDebouncedValue(search.trim(), 300);
  const users = useAdminUsers({ q, role: role || null });
  const rows = users.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card aria-labelledby="users-title">
      <CardHeader>
        <CardTitle id="users-title">Users</CardTitle>
        <CardDescription>Everyone is a student; switch on the roles a person should also hold.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div role="search" className="grid gap-3 sm:grid-cols-[1fr_12rem]">
          <div className="grid gap-1.5">
            <Label htmlFor="user-search">Search</Label>
            <div className="relative">
              <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
              <Input
                id="user-search"
                type="search"
                placeholder="Name or email"
                className="pl-9"
                value={search}
                onChange={(event) => setSearch(event.target.value)}
              />
            </div>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="role-filter">Role</Label>
            <NativeSelect id="role-filter" value={role} onChange={(event) => setRole(event.target.value as Role | "")}>
              {ROLE_FILTERS.map((filter) => (
                <option key={filter.value} value={filter.value}>
                  {filter.label}
                </option>
              ))}
            </NativeSelect>
          </div>
        </div>

        {users.isPending ? (
          <div className="grid gap-2" aria-label="Loading users">
            {[0, 1, 2, 3].map((row) => (
              <Skeleton key={row} className="h-16" />
            ))}
          </div>
        ) : users.isError ? (
          <QueryError error={users.error} onRetry={() => void users.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState icon={UsersRound} title="No one matches">
            Try another name, email or role.
          </EmptyState>
        ) : (
          <>
            <div className="flex items-center justify-between text-xs text-muted-foreground" aria-live="polite">
              <span>
                Showing {rows.length} {rows.length === 1 ? "person" : "people"}
                {users.hasNextPage ? " so far" : ""}
              </span>
              {users.isFetching && !users.isFetchingNextPage && <Badge>Updating…</Badge>}
            </div>
            <ul className="divide-y divide-border rounded-lg border border-border">
              {rows.map((user) => (
                <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} />
              ))}
            </ul>
            {users.hasNextPage && (
              <Button variant="secondary" className="justify-self-center" pending={users.isFetchingNextPage} onClick={() => void users.fetchNextPage()}>
                Load more
              </Button>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
