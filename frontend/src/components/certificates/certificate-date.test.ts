import { describe, expect, it } from "vitest";
import { formatCertificateDate, joinNames } from "./certificate-date";

describe("certificate words", () => {
  it("prints the UTC day, as the PDF does", () => {
    expect(formatCertificateDate("2026-11-25T23:30:00+00:00")).toBe("25 November 2026");
    expect(formatCertificateDate("2026-11-25T23:30:00-05:00")).toBe("26 November 2026");
  });

  it("joins instructors' names", () => {
    expect(joinNames([])).toBe("");
    expect(joinNames(["Ada Baker"])).toBe("Ada Baker");
    expect(joinNames(["Ada Baker", "Ben Crust"])).toBe("Ada Baker and Ben Crust");
    expect(joinNames(["Ada", "Ben", "Cy"])).toBe("Ada, Ben and Cy");
  });
});
