// Short names for the generated API types, so components read in the words of the domain.
// Only aliases live here: every shape comes from schema.d.ts (generated from openapi.json).
import type { components, paths } from "./schema";

type Schemas = components["schemas"];

export type Me = Schemas["Me"];
export type Role = Schemas["Role"];
export type InstructorApplication = Schemas["InstructorApplication"];
export type ApplicationStatus = InstructorApplication["status"];
export type Session = Schemas["SessionInfo"];
export type ApiToken = Schemas["ApiTokenInfo"];
export type ApiTokenCreated = Schemas["ApiTokenCreated"];
export type AdminUser = Schemas["AdminUser"];
export type AdminUserPage = Schemas["Page_AdminUser_"];

/** The JSON body an operation accepts, looked up by path and method rather than schema name. */
export type JsonBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { "application/json": infer Body } };
}
  ? Body
  : never;
