export type DndChannel = "Call" | "Email" | "SMS" | "WhatsApp" | "GMB" | "FB";
export type DndSetting = { status: "active" | "inactive" | "permanent"; message?: string; code?: string };
export type DuplicateField = "email" | "phone";

export interface CustomFieldDef {
  id: string;
  name: string;
  /** GHL field key, e.g. `contact.favourite_flower`. */
  fieldKey: string;
  dataType: "TEXT" | "LARGE_TEXT" | "NUMERICAL" | "MONETORY" | "DATE" | "SINGLE_OPTIONS" | "MULTIPLE_OPTIONS";
  picklistOptions?: string[];
}

export interface LocationRecord {
  id: string;
  companyId: string;
  name: string;
  address: string;
  timezone: string;
  allowDuplicateContact: boolean;
  duplicatePriority: DuplicateField[];
  customFields: CustomFieldDef[];
}

export interface UserRecord {
  id: string;
  companyId: string;
  name: string;
  firstName: string;
  lastName: string;
  email: string;
}

export interface ContactRecord {
  id: string;
  locationId: string;
  firstName: string | null;
  lastName: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  gender?: string | null;
  companyName: string | null;
  address1: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
  website: string | null;
  timezone: string | null;
  dnd: boolean;
  dndSettings: Partial<Record<DndChannel, DndSetting>>;
  inboundDndSettings?: { all?: { status: "active" | "inactive"; message?: string } };
  type: string;
  source: string | null;
  assignedTo: string | null;
  tags: string[];
  customFields: { id: string; value: unknown }[];
  dateOfBirth: string | null;
  businessId: string | null;
  followers: string[];
  campaigns: string[];
  workflows: string[];
  dateAdded: string;
  dateUpdated: string;
}

export interface TaskRecord {
  id: string;
  contactId: string;
  locationId: string;
  title: string;
  body: string;
  assignedTo: string | null;
  dueDate: string;
  completed: boolean;
  dateAdded: string;
}

export interface NoteRecord {
  id: string;
  contactId: string;
  locationId: string;
  body: string;
  userId: string | null;
  title: string | null;
  color: string | null;
  pinned: boolean;
  dateAdded: string;
}

export interface AppointmentRecord {
  id: string;
  locationId: string;
  contactId: string;
  calendarId: string;
  groupId: string;
  title: string;
  status: string;
  appointmentStatus: string;
  assignedUserId: string;
  users: string[];
  notes: string;
  address: string;
  source: string;
  startTime: string;
  endTime: string;
  dateAdded: string;
  dateUpdated: string;
}

export type UserType = "Location" | "Company";

export interface AuthCodeRecord {
  code: string;
  clientId: string;
  redirectUri: string;
  locationId: string;
  scopes: string[];
  expiresAt: number;
}

export interface AccessTokenRecord {
  token: string;
  kind: "oauth" | "pit";
  clientId: string;
  userType: UserType;
  companyId: string;
  locationId: string | null;
  approvedLocations: string[];
  scopes: string[];
  expiresAt: number;
  /** Groups tokens of one install (client + resource) so a revoke hits all of them. */
  connectionId: string;
}

export interface RefreshTokenRecord {
  token: string;
  clientId: string;
  userType: UserType;
  companyId: string;
  locationId: string | null;
  approvedLocations: string[];
  scopes: string[];
  expiresAt: number;
  connectionId: string;
  usedAt: number | null;
  revokedAt: number | null;
}

export interface SandboxData {
  version: 1;
  company: { id: string; name: string };
  users: UserRecord[];
  locations: LocationRecord[];
  contacts: Record<string, ContactRecord>;
  tasks: Record<string, TaskRecord>;
  notes: Record<string, NoteRecord>;
  appointments: Record<string, AppointmentRecord>;
  oauth: {
    codes: Record<string, AuthCodeRecord>;
    accessTokens: Record<string, AccessTokenRecord>;
    refreshTokens: Record<string, RefreshTokenRecord>;
  };
  webhookUrl: string | null;
}
