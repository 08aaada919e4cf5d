import { seriesRoute } from "@/lib/api/report-routes";

/** One meeting ID's occurrences and each person across them; `{conferenceID}.csv` and `.xlsx` download it. */
export const GET = seriesRoute;
