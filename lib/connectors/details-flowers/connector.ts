/**
 * Details Flowers, through the contract Bloombridge assumes (contracts/details-flowers).
 * Everything vendor-shaped stays in this folder, so a real API later changes only here.
 */
import { defineConnector } from "../define";
import { dfAuth } from "./auth";
import { dfOperationList } from "./operations";
import { dfTriggers } from "./triggers";

export const detailsFlowersConnector = defineConnector({
  key: "details-flowers",
  label: "Details Flowers",
  description: "Clients, their events (weddings), tasks, notes, appointments and orders in Details Flowers.",
  auth: dfAuth,
  operations: dfOperationList,
  triggers: dfTriggers,
});
