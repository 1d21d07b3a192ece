import { route } from "@/lib/auth/guard";
import { runFilterParams, toRunFilter } from "@/lib/services/run-filter";
import { runChangeStream } from "@/lib/services/run-stream";

export const dynamic = "force-dynamic";

/** Live run changes for the runs list (session users, any role). */
export const GET = route({ role: "viewer", input: runFilterParams }, async ({ req, input }) => {
  const stream = runChangeStream(toRunFilter(input), req.signal);
  return new Response(stream, {
    // `content-encoding: none` keeps the server's gzip from buffering events until the stream ends.
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "content-encoding": "none",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
});
