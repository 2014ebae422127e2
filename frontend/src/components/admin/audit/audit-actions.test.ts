import { describe, expect, it } from "vitest";
import { auditFamilyOf, describeAuditAction } from "./audit-actions";

describe("describeAuditAction", () => {
  it("has words for every moderation and topic action", () => {
    for (const action of [
      "course.submitted",
      "course.withdrawn",
      "course.approved",
      "course.rejected",
      "course.unpublished",
      "course.published",
      "course.unlisted",
      "course.archived",
      "enrollment.granted",
      "enrollment.revoked",
      "topic.created",
      "topic.updated",
      "topic.deleted",
    ]) {
      expect(describeAuditAction(action).label).not.toContain(".");
    }
    expect(describeAuditAction("course.rejected")).toMatchObject({ label: "Sent back", verb: "sent back" });
  });

  it("turns an unknown action into readable words", () => {
    expect(describeAuditAction("user.role_granted")).toMatchObject({ label: "User role granted", tone: "neutral" });
  });
});

describe("auditFamilyOf", () => {
  it("accepts only the known prefixes", () => {
    expect(auditFamilyOf("course.")).toBe("course.");
    expect(auditFamilyOf("user.")).toBeNull();
    expect(auditFamilyOf(null)).toBeNull();
  });
});
