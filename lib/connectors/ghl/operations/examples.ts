// Realistic records shared by the operation examples shown in the catalog and mapper.
export const exampleLocationId = "ve9EPM428h8vShlRW1KT";
export const exampleContactId = "nmFmQEsNgz6AVpgLVUJ0";

export const exampleContact = {
  id: exampleContactId,
  locationId: exampleLocationId,
  name: "Maya Lindqvist",
  firstName: "Maya",
  lastName: "Lindqvist",
  email: "maya@lindqvist-studio.com",
  emailLowerCase: "maya@lindqvist-studio.com",
  phone: "+15035550148",
  companyName: "Lindqvist Studio",
  timezone: "America/Los_Angeles",
  dnd: false,
  type: "lead",
  source: "Details Flowers",
  address1: "1120 SE Division St",
  city: "Portland",
  state: "OR",
  country: "US",
  postalCode: "97202",
  website: "https://lindqvist-studio.com",
  tags: ["wedding", "vip"],
  dateAdded: "2026-03-02T17:45:12.318Z",
  dateUpdated: "2026-03-14T09:02:44.901Z",
  customFields: [{ id: "BcdmQEsNgz6AVpgLVUJ0", value: "Peonies" }],
};

export const exampleTask = {
  id: "UlRWGLSXh0ji5qbiGu4i",
  contactId: exampleContactId,
  title: "Confirm bouquet colours",
  body: "Call Maya to confirm blush vs. ivory peonies before Friday.",
  assignedTo: "63e4qiWDsFJjOYAC8phG",
  dueDate: "2026-03-20T17:00:00.000Z",
  completed: false,
};

export const exampleNote = {
  id: "otg8dTQqGLh3Q6iQI55w",
  contactId: exampleContactId,
  body: "Prefers no lilies (allergy). Delivery to the venue's back entrance.",
  userId: "63e4qiWDsFJjOYAC8phG",
  title: "Delivery notes",
  color: "#FFAA00",
  pinned: false,
  dateAdded: "2026-03-14T09:05:10.112Z",
};

export const exampleAppointment = {
  id: "YS3jaqqeehkR2Is80miy",
  calendarId: "BqTwX8QFwXzpegMve9EQ",
  contactId: exampleContactId,
  locationId: exampleLocationId,
  title: "Wedding flowers consultation",
  status: "booked",
  appointmentStatus: "confirmed",
  assignedUserId: "YlWd2wuCAZQzh2cH1fVZ",
  address: "Studio, 1120 SE Division St, Portland",
  notes: "Bring the colour swatches.",
  startTime: "2026-03-21 18:00:00",
  endTime: "2026-03-21 18:30:00",
  users: ["YlWd2wuCAZQzh2cH1fVZ"],
  dateAdded: "2026-03-14 09:10:00",
  dateUpdated: "2026-03-14 09:10:00",
};
