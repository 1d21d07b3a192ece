import { apiRoute } from "../api";
import { contactView } from "../contact-model";
import { unprocessable } from "../http";
import { compareKeys, matches, matchesText, sortContacts, type FilterItem, type SortItem } from "../query-engine";
import type { Router } from "../router";

const MAX_WINDOW = 10_000;

const SORT_FIELDS: Record<string, string> = { date_added: "dateAdded", date_updated: "dateUpdated" };

export function contactSearchRoutes(r: Router) {
  // Deprecated list endpoint: cursor = (startAfter: sort value in epoch ms, startAfterId).
  r.add("GET", "/contacts", apiRoute("get-contacts", ({ sb, ctx, location, query }) => {
    const limit = Number(query.limit ?? 20);
    const field = SORT_FIELDS[String(query.sortBy ?? "date_added")] ?? "dateAdded";
    const sort: SortItem[] = [{ field, direction: query.order === "asc" ? "asc" : "desc" }];
    const rows = sortContacts(
      sb.search.visible(location.id).filter((c) => matchesText(c, query.query as string | undefined)),
      sort,
    );
    let start = 0;
    if (query.startAfterId !== undefined || query.startAfter !== undefined) {
      const byId = rows.findIndex((x) => x.c.id === query.startAfterId);
      if (byId >= 0) start = byId + 1;
      else if (query.startAfter !== undefined) {
        const cursor = [Number(query.startAfter), String(query.startAfterId ?? "")];
        start = rows.findIndex((x) => compareKeys(x.key, cursor, sort) > 0);
        if (start < 0) start = rows.length;
      }
    }
    const page = rows.slice(start, start + limit);
    const last = page[page.length - 1];
    const hasMore = start + limit < rows.length;
    const currentPage = Math.floor(start / limit) + 1;
    let nextPageUrl: string | null = null;
    if (hasMore && last) {
      const next = new URL(`${sb.baseUrl()}/contacts/`);
      for (const [k, v] of ctx.url.searchParams) next.searchParams.set(k, v);
      next.searchParams.set("startAfter", String(last.key[0]));
      next.searchParams.set("startAfterId", last.c.id);
      nextPageUrl = next.href;
    }
    return {
      body: {
        contacts: page.map((x) => contactView(x.c)),
        count: rows.length,
        meta: {
          total: rows.length,
          nextPageUrl,
          startAfterId: hasMore && last ? last.c.id : null,
          startAfter: hasMore && last ? last.key[0] : null,
          currentPage,
          nextPage: hasMore ? currentPage + 1 : null,
          prevPage: currentPage > 1 ? currentPage - 1 : null,
        },
      },
    };
  }));

  r.add("POST", "/contacts/search", apiRoute("search-contacts-advanced", ({ sb, location, body }) => {
    const pageLimit: number = body.pageLimit;
    const page: number | undefined = body.page;
    const searchAfter: unknown[] | undefined = body.searchAfter;
    if (page !== undefined && searchAfter !== undefined) throw unprocessable(["page and searchAfter cannot be used together"]);
    if ((page ?? 1) * pageLimit > MAX_WINDOW) {
      throw unprocessable([`page * pageLimit must not exceed ${MAX_WINDOW}; use searchAfter for deeper pages`]);
    }
    const filters: FilterItem[] = body.filters ?? [];
    const sort: SortItem[] = body.sort?.length ? body.sort : [{ field: "dateAdded", direction: "desc" }];
    const rows = sortContacts(
      sb.search.visible(location.id).filter((c) => matchesText(c, body.query) && filters.every((f) => matches(c, f))),
      sort,
    );
    let start = ((page ?? 1) - 1) * pageLimit;
    if (searchAfter) {
      start = rows.findIndex((x) => compareKeys(x.key, searchAfter, sort) > 0);
      if (start < 0) start = rows.length;
    }
    const contacts = rows.slice(start, start + pageLimit).map((x) => ({ ...contactView(x.c), searchAfter: x.key }));
    return { body: { contacts, total: rows.length } };
  }));
}
