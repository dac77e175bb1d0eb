import type { Regal } from "./lib/payloads";

/** An agent's status changed (e.g. Available → Offline). No contact: the agent's item in a Braze catalog is updated. */
export default {
  shape: "catalogItem",
  event: "agent.activity.updated",
  catalog: "agents",
  idFrom: "agent_email",
  fields: {
    agent_email: "string",
    agent_activity_name: "string",
    agent_availability: "boolean",
    agent_previous_activity_name: "string",
    agent_previous_availability: "boolean",
    agent_time_in_previous_activity: "number",
  },
  timeField: "updated_at",
} satisfies Regal<"agent.activity.updated">;
