import { z } from "zod";
import { parseWallSettings } from "@/lib/wall/settings";

export const newDisplaySchema = z.object(
  {
    name: z.string().trim().min(1, "a display needs a name").max(80, "a name is at most 80 characters"),
    settings: z
      .string()
      .trim()
      .max(1000)
      .transform((s) => s.replace(/^\?/, ""))
      .superRefine((s, ctx) => {
        for (const problem of parseWallSettings(new URLSearchParams(s)).problems) ctx.addIssue({ code: "custom", message: `"${problem.setting}=${problem.value}" is not a valid wall setting` });
      })
      .default(""),
  },
  { error: "send JSON {name, settings}" },
);

export const displayIdSchema = z.string().regex(/^[0-9a-f]{16}$/, "not a display id");
