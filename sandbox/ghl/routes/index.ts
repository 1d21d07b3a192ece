import { Router } from "../router";
import { adminApiRoutes } from "./admin-api";
import { adminPageRoutes } from "./admin-page-routes";
import { bulkRoutes } from "./bulk";
import { contactSearchRoutes } from "./contact-search";
import { contactRoutes } from "./contacts";
import { locationRoutes } from "./locations";
import { membershipRoutes } from "./membership";
import { noteRoutes } from "./notes";
import { oauthRoutes } from "./oauth";
import { taskRoutes } from "./tasks";

export function buildRouter(): Router {
  const r = new Router();
  for (const register of [contactRoutes, contactSearchRoutes, taskRoutes, noteRoutes, membershipRoutes, bulkRoutes, locationRoutes, oauthRoutes, adminApiRoutes, adminPageRoutes]) {
    register(r);
  }
  return r;
}
