/** Record shapes the sandbox stores; they mirror the contract's response schemas exactly. */
export type ExternalIds = Record<string, string>;
export type Money = { amount: number; currency: string };
export type Address = { line1: string | null; line2: string | null; city: string | null; region: string | null; postalCode: string | null; country: string | null };
type Stamps = { externalIds: ExternalIds; createdAt: string; updatedAt: string };

export type Client = Stamps & {
  id: string; fullName: string; firstName: string | null; lastName: string | null; email: string | null; phone: string | null;
  company: string | null; address: Address | null; tags: string[]; deletedAt: string | null;
};
export type DfEvent = Stamps & {
  id: string; clientId: string; name: string; type: "wedding" | "corporate" | "funeral" | "other"; date: string; venue: string | null;
  status: "inquiry" | "proposal_sent" | "booked" | "completed" | "cancelled";
};
export type Task = Stamps & {
  id: string; clientId: string; eventId: string | null; title: string; body: string | null; dueAt: string | null;
  completed: boolean; completedAt: string | null; assigneeEmail: string | null; deletedAt: string | null;
};
export type Note = Stamps & {
  id: string; clientId: string; eventId: string | null; body: string; authorEmail: string | null; pinned: boolean; deletedAt: string | null;
};
export type Appointment = Stamps & {
  id: string; clientId: string; eventId: string | null; title: string; startsAt: string; endsAt: string; location: string | null;
  status: "scheduled" | "completed" | "cancelled" | "no_show"; notes: string | null; deletedAt: string | null;
};
export type OrderStatus = "draft" | "proposal_sent" | "signed" | "deposit_paid" | "paid" | "cancelled";
export type Order = Stamps & {
  id: string; clientId: string; eventId: string; number: string; kind: "order" | "proposal"; status: OrderStatus;
  total: Money; balanceDue: Money; signedAt: string | null;
};
export type Webhook = { id: string; url: string; events: string[]; description: string | null; createdAt: string; updatedAt: string };

export type ResourceType = "client" | "event" | "task" | "note" | "appointment" | "order";
export type AnyRecord = Client | DfEvent | Task | Note | Appointment | Order;
export type Change = { seq: number; type: ResourceType; action: "created" | "updated" | "deleted"; id: string; occurredAt: string; record: AnyRecord };

export type StoredResponse = { status: number; body: unknown; headers: Record<string, string> };
export type IdempotencyEntry = { fingerprint: string; response: StoredResponse; storedAt: number };
export type Token = { expiresAt: number; scopes: string[]; clientId: string };

export type Collections = {
  client: Record<string, Client>;
  event: Record<string, DfEvent>;
  task: Record<string, Task>;
  note: Record<string, Note>;
  appointment: Record<string, Appointment>;
  order: Record<string, Order>;
};

export type State = {
  version: 1;
  counter: number;
  seq: number;
  records: Collections;
  webhooks: Record<string, Webhook>;
  changes: Change[];
  idempotency: Record<string, IdempotencyEntry>;
  tokens: Record<string, Token>;
};
