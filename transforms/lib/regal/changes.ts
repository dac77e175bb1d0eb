import { asRecord, type JsonRecord } from "../values";

/** Regal's camelCase contact fields that are Braze profile fields. */
const PROFILE_FIELDS: Readonly<Record<string, string>> = {
  firstName: "first_name",
  lastName: "last_name",
  email: "email",
  phone: "phone",
};

/**
 * The new values of a `contact.attribute.edited` `changes` object, as Braze
 * attributes. Regal sends `{ custom_properties: { attr: { old_value,
 * new_value } } }` for custom attributes and `{ phone: {…}, phones: {…} }` at
 * the top level for contact fields; a `new_value` of null clears the attribute.
 */
export function changedAttributes(changes: unknown): JsonRecord {
  const all = asRecord(changes) || {};
  const attributes: JsonRecord = {};
  for (const key of Object.keys(all)) {
    if (key === "custom_properties") Object.assign(attributes, newValues(all[key], (name) => name));
    else Object.assign(attributes, newValues({ [key]: all[key] }, (name) => PROFILE_FIELDS[name] || name));
  }
  return attributes;
}

function newValues(changes: unknown, rename: (name: string) => string): JsonRecord {
  const record = asRecord(changes) || {};
  const values: JsonRecord = {};
  for (const name of Object.keys(record)) {
    const change = asRecord(record[name]);
    if (change && "new_value" in change) values[rename(name)] = change.new_value;
  }
  return values;
}
