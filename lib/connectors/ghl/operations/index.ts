import { addContactFollowers } from "./add-contact-followers";
import { addContactTags } from "./add-contact-tags";
import { addContactToCampaign } from "./add-contact-to-campaign";
import { addContactToWorkflow } from "./add-contact-to-workflow";
import { bulkUpdateContactBusiness } from "./bulk-update-contact-business";
import { bulkUpdateContactTags } from "./bulk-update-contact-tags";
import { completeTask } from "./complete-task";
import { createContact } from "./create-contact";
import { createNote } from "./create-note";
import { createTask } from "./create-task";
import { deleteContact } from "./delete-contact";
import { deleteNote } from "./delete-note";
import { deleteTask } from "./delete-task";
import { getContact } from "./get-contact";
import { getNote } from "./get-note";
import { getTask } from "./get-task";
import { listBusinessContacts } from "./list-business-contacts";
import { listContactAppointments } from "./list-contact-appointments";
import { listContacts } from "./list-contacts";
import { listNotes } from "./list-notes";
import { listTasks } from "./list-tasks";
import { removeContactFollowers } from "./remove-contact-followers";
import { removeContactFromAllCampaigns } from "./remove-contact-from-all-campaigns";
import { removeContactFromCampaign } from "./remove-contact-from-campaign";
import { removeContactFromWorkflow } from "./remove-contact-from-workflow";
import { removeContactTags } from "./remove-contact-tags";
import { searchContacts } from "./search-contacts";
import { searchDuplicateContact } from "./search-duplicate-contact";
import { updateContact } from "./update-contact";
import { updateNote } from "./update-note";
import { updateTask } from "./update-task";
import { upsertContact } from "./upsert-contact";

/** Every GHL operation in the catalog, one per Contacts API endpoint (32). */
export const ghlOperations = [
  getContact,
  createContact,
  updateContact,
  upsertContact,
  deleteContact,
  searchContacts,
  searchDuplicateContact,
  listContacts,
  listBusinessContacts,
  addContactTags,
  removeContactTags,
  bulkUpdateContactTags,
  bulkUpdateContactBusiness,
  addContactToCampaign,
  removeContactFromCampaign,
  removeContactFromAllCampaigns,
  addContactToWorkflow,
  removeContactFromWorkflow,
  addContactFollowers,
  removeContactFollowers,
  listTasks,
  getTask,
  createTask,
  updateTask,
  completeTask,
  deleteTask,
  listNotes,
  getNote,
  createNote,
  updateNote,
  deleteNote,
  listContactAppointments,
] as const;
