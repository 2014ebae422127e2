import type { ApplicationStatus, Role } from "@/lib/api/models";

/**
 * Every query key, layered from broad to narrow so one prefix invalidates a whole family:
 * invalidating ["admin", "users"] refreshes every search and filter of the user list.
 */
export const queryKeys = {
  me: ["me"] as const,
  auth: {
    all: ["auth"] as const,
    sessions: ["auth", "sessions"] as const,
    tokens: ["auth", "tokens"] as const,
  },
  admin: {
    all: ["admin"] as const,
    users: ["admin", "users"] as const,
    userList: (filters: { q: string; role: Role | null }) => ["admin", "users", filters] as const,
    applications: ["admin", "applications"] as const,
    applicationList: (status: ApplicationStatus) => ["admin", "applications", status] as const,
  },
};
