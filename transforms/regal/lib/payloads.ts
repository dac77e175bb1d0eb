import type { Mapping } from "../../lib/mapping";

/**
 * The properties of each Regal reporting event, as Regal documents them
 * (https://developer.regal.ai/docs/reporting-webhooks; the examples are in
 * test/fixtures/regal/<event>/regal-documented.json). Mappings are typed
 * against these, so a mapping that reads a field Regal does not send fails
 * `bdt build` at its line. Values are `unknown`: Regal sends the same field
 * as a number, a numeric string or null, and the value policy handles each.
 */
export interface RegalProperties {
  "agent.activity.updated": {
    readonly agent_activity_name?: unknown;
    readonly agent_availability?: unknown;
    readonly agent_email?: unknown;
    readonly agent_previous_activity_name?: unknown;
    readonly agent_previous_availability?: unknown;
    readonly agent_time_in_previous_activity?: unknown;
  };
  "call.analysis.available": {
    readonly agent_email?: unknown;
    readonly call_analysis?: {
      readonly budget_confirmed?: unknown;
      readonly compliance_acknowledged?: unknown;
      readonly decision_maker_present?: unknown;
      readonly follow_up_required?: unknown;
      readonly no_ai?: unknown;
      readonly qualification_decision?: unknown;
    };
    readonly contact_phone?: unknown;
    readonly incoming_sip_headers?: {
      readonly "Call-ID"?: unknown;
      readonly From?: unknown;
      readonly Via?: unknown;
    };
    readonly is_ai_agent?: unknown;
    readonly outgoing_sip_headers?: {
      readonly To?: unknown;
      readonly "User-Agent"?: unknown;
      readonly Via?: unknown;
    };
    readonly task_id?: unknown;
  };
  "call.completed": AgentFields & CampaignFields & JourneyFields & RegalLineFields & CallOutcomeFields & {
    readonly call_id?: unknown;
    readonly contact_phone?: unknown;
    readonly direction?: unknown;
    readonly type?: unknown;
  };
  "call.ivr.triggered": RegalLineFields & {
    readonly contact_number?: unknown;
    readonly direction?: unknown;
    readonly ivr_flow_id?: unknown;
    readonly ivr_flow_name?: unknown;
    readonly ivr_flow_trigger_id?: unknown;
    readonly ivr_flow_version?: unknown;
  };
  "call.placed": AgentFields & CampaignFields & JourneyFields & RegalLineFields & {
    readonly channel?: unknown;
    readonly contact_phone?: unknown;
    readonly direction?: unknown;
    readonly queue?: unknown;
    readonly related_object_id?: unknown;
    readonly related_object_type?: unknown;
    readonly scheduling_agent_email?: unknown;
    readonly scheduling_agent_fullname?: unknown;
    readonly task_id?: unknown;
    readonly type?: unknown;
  };
  "call.recording.available": CampaignFields & JourneyFields & RegalLineFields & CallOutcomeFields & {
    readonly agent_email?: unknown;
    readonly call_id?: unknown;
    readonly call_sid?: unknown;
    readonly contact_phone?: unknown;
    readonly direction?: unknown;
    readonly recording_link?: unknown;
    readonly type?: unknown;
  };
  "call.transcript.available": {
    readonly agent_email?: unknown;
    readonly call_summary?: unknown;
    readonly contact_name?: unknown;
    readonly contact_phone?: unknown;
    readonly is_voicemail?: unknown;
    readonly moments_count?: unknown;
    readonly recording_duration?: unknown;
    readonly recording_id?: unknown;
    readonly recording_link?: unknown;
    readonly request_timestamp?: unknown;
    readonly response_timestamp?: unknown;
    readonly sentiments?: {
      readonly agent_sentiment?: unknown;
      readonly agent_sentiment_reason?: unknown;
      readonly contact_sentiment?: unknown;
      readonly contact_sentiment_reason?: unknown;
    };
    readonly task_id?: unknown;
    readonly trackers?: unknown;
    readonly transcript?: unknown;
    readonly transcript_is_truncated?: unknown;
    readonly transcript_url?: unknown;
  };
  "call.wrapup": CampaignFields & JourneyFields & RegalLineFields & {
    readonly channel?: unknown;
    readonly contact_email?: unknown;
    readonly contact_phone?: unknown;
    readonly direction?: unknown;
    readonly queue?: unknown;
    readonly reserved_agent_email?: unknown;
    readonly reserved_agent_fullname?: unknown;
    readonly scheduling_agent_email?: unknown;
    readonly scheduling_agent_fullname?: unknown;
    readonly target_agent_email?: unknown;
    readonly target_agent_fullname?: unknown;
    readonly task_id?: unknown;
    readonly type?: unknown;
  };
  "cancel.all.automated.tasks": {
    readonly campaign_friendly_id?: unknown;
    readonly cancelation_source?: unknown;
    readonly canceled_by?: unknown;
    readonly original_task_id?: unknown;
    readonly timestamp?: unknown;
  };
  "contact.attribute.edited": {
    readonly agent_email?: unknown;
    readonly changes?: {
      readonly custom_properties?: {
        readonly annual_income?: {
          readonly new_value?: unknown;
          readonly old_value?: unknown;
        };
      };
    };
    readonly contact_phone?: unknown;
    readonly created_at?: unknown;
  };
  "contact.created": {
    readonly contactPhone?: unknown;
    readonly customProperty1?: unknown;
    readonly customProperty2?: unknown;
    readonly email?: unknown;
    readonly firstName?: unknown;
    readonly lastName?: unknown;
  };
  "contact.email.created": {
    readonly firstName?: unknown;
    readonly lastName?: unknown;
    readonly leadStatus?: unknown;
    readonly new_email_properties?: {
      readonly email?: unknown;
      readonly emailOptIn?: {
        readonly ip?: unknown;
        readonly source?: unknown;
        readonly subscribed?: unknown;
        readonly text?: unknown;
        readonly timestamp?: unknown;
        readonly timestampTransformed?: unknown;
      };
      readonly isPrimary?: unknown;
      readonly label?: unknown;
      readonly source?: unknown;
    };
  };
  "contact.experiment.assigned": JourneyFields & {
    readonly experiment_id?: unknown;
    readonly experiment_name?: unknown;
    readonly experiment_variant?: unknown;
  };
  "contact.phone.created": {
    readonly contactPhone?: unknown;
    readonly firstName?: unknown;
    readonly isPrimary?: unknown;
    readonly label?: unknown;
    readonly lastName?: unknown;
    readonly source?: unknown;
  };
  "contact.subscribed": SubscriptionProperties;
  "contact.unsubscribed": SubscriptionProperties;
  "contacted.after.hours": RegalLineFields & {
    readonly channel?: unknown;
    readonly contact_email?: unknown;
    readonly contact_phone?: unknown;
    readonly timestamp?: unknown;
  };
  "custom.task.completed": AgentFields & JourneyFields & CallOutcomeFields & {
    readonly contact_phone?: unknown;
    readonly custom_task_name?: unknown;
    readonly type?: unknown;
  };
  "email.conversation.completed": AgentFields & CampaignFields & JourneyFields & CallOutcomeFields & {
    readonly contact_phone?: unknown;
    readonly direction?: unknown;
    readonly related_object_id?: unknown;
    readonly related_object_type?: unknown;
    readonly task_id?: unknown;
    readonly type?: unknown;
  };
  "email.received": EmailProperties;
  "email.sent": EmailProperties;
  "mms.received": MmsProperties;
  "mms.sent": MmsProperties;
  "object.attribute.edited": {
    readonly changes?: {
      readonly properties?: {
        readonly ApptConfirmedCheckbox?: {
          readonly new_value?: unknown;
          readonly old_value?: unknown;
        };
      };
    };
    readonly related_object_id?: unknown;
    readonly related_object_type?: unknown;
    readonly related_object_type_name?: unknown;
  };
  "object.created": {
    readonly Id?: unknown;
    readonly Name?: unknown;
    readonly accountId?: unknown;
    readonly createdDate?: unknown;
    readonly opportunityOwner?: unknown;
    readonly opportunityOwnerFirstName?: unknown;
    readonly product?: unknown;
    readonly regalName?: unknown;
    readonly related_object_id?: unknown;
    readonly related_object_source?: unknown;
    readonly related_object_type?: unknown;
    readonly related_object_type_name?: unknown;
    readonly stageName?: unknown;
  };
  "scheduled.callback.requested": RegalLineFields & {
    readonly callback_friendly_date?: unknown;
    readonly callback_friendly_day?: unknown;
    readonly callback_friendly_time?: unknown;
    readonly callback_friendly_timestamp?: unknown;
    readonly callback_friendly_timezone?: unknown;
    readonly "callback_timestamp "?: unknown;
    readonly contact_phone?: unknown;
    readonly notes_from_agent?: unknown;
    readonly originating_task_id?: unknown;
    readonly scheduling_agent_email?: unknown;
    readonly scheduling_agent_fullname?: unknown;
  };
  "scheduled.reminder.created": {
    readonly contact_phone?: unknown;
    readonly notes_from_agent?: unknown;
    readonly originating_task_id?: unknown;
    readonly regal_voice_phone?: unknown;
    readonly scheduled_at?: unknown;
    readonly scheduling_agent_email?: unknown;
    readonly scheduling_agent_fullname?: unknown;
    readonly timezone?: unknown;
  };
  "sms.conversation.completed": AgentFields & JourneyFields & RegalLineFields & CallOutcomeFields & {
    readonly contact_phone?: unknown;
    readonly content?: unknown;
    readonly direction?: unknown;
    readonly sms_conversation_id?: unknown;
    readonly type?: unknown;
  };
  "sms.failed": SmsDeliveryProperties;
  "sms.queued": SmsDeliveryProperties;
  "sms.received": AgentFields & RegalLineFields & {
    readonly contact_phone?: unknown;
    readonly content?: unknown;
    readonly direction?: unknown;
    readonly from_number?: unknown;
    readonly media_url?: unknown;
    readonly sms_conversation_id?: unknown;
    readonly sms_message_id?: unknown;
    readonly to_number?: unknown;
  };
  "sms.sent": AgentFields & {
    readonly contact_phone?: unknown;
    readonly content?: unknown;
    readonly direction?: unknown;
    readonly from_number?: unknown;
    readonly media_url?: unknown;
    readonly regal_voice_phone?: unknown;
    readonly sms_conversation_id?: unknown;
    readonly sms_message_id?: unknown;
    readonly to_number?: unknown;
  };
  "sms.undelivered": CampaignFields & JourneyFields & {
    readonly contact_phone?: unknown;
    readonly content?: unknown;
    readonly direction?: unknown;
    readonly error_code?: unknown;
    readonly from_number?: unknown;
    readonly media_url?: unknown;
    readonly regal_voice_phone?: unknown;
    readonly sms_message_id?: unknown;
    readonly to_number?: unknown;
  };
  "task.canceled": CampaignFields & JourneyFields & RegalLineFields & {
    readonly cancelation_notes?: unknown;
    readonly cancelation_reason?: unknown;
    readonly cancelation_source?: unknown;
    readonly canceled_by?: unknown;
    readonly channel?: unknown;
    readonly contact_phone?: unknown;
    readonly direction?: unknown;
    readonly queue?: unknown;
    readonly target_agent_fullname?: unknown;
    readonly target_agent_id?: unknown;
    readonly task_id?: unknown;
    readonly type?: unknown;
  };
  "task.created": CampaignFields & JourneyFields & RegalLineFields & {
    readonly channel?: unknown;
    readonly contact_phone?: unknown;
    readonly direction?: unknown;
    readonly queue?: unknown;
    readonly scheduling_agent_fullname?: unknown;
    readonly scheduling_agent_id?: unknown;
    readonly target_agent_fullname?: unknown;
    readonly target_agent_id?: unknown;
    readonly task_id?: unknown;
    readonly type?: unknown;
  };
  "task.reservation.accepted": TaskReservationProperties;
  "task.reservation.created": TaskReservationProperties;
  "voicemail.completed": AgentFields & CampaignFields & JourneyFields & RegalLineFields & CallOutcomeFields & {
    readonly contact_phone?: unknown;
    readonly direction?: unknown;
    readonly task_id?: unknown;
    readonly type?: unknown;
  };
  "voicemail.recording.available": RegalLineFields & CallOutcomeFields & {
    readonly agent_email?: unknown;
    readonly call_id?: unknown;
    readonly call_sid?: unknown;
    readonly channel?: unknown;
    readonly contact_phone?: unknown;
    readonly direction?: unknown;
    readonly recording_link?: unknown;
    readonly type?: unknown;
  };
  "voicemail.transcript.available": AgentFields & {
    readonly agent_name?: unknown;
    readonly call_id?: unknown;
    readonly call_sid?: unknown;
    readonly call_summary?: unknown;
    readonly contact_name?: unknown;
    readonly contact_phone?: unknown;
    readonly is_voicemail?: unknown;
    readonly moments_count?: unknown;
    readonly recording_duration?: unknown;
    readonly recording_id?: unknown;
    readonly recording_link?: unknown;
    readonly request_timestamp?: unknown;
    readonly response_timestamp?: unknown;
    readonly task_sid?: unknown;
    readonly trackers?: unknown;
    readonly transcript?: unknown;
    readonly transcript_is_truncated?: unknown;
    readonly transcript_url?: unknown;
  };
}

/* Events that report one thing in two directions or states document the same properties. */

/** contact.subscribed, contact.unsubscribed */
type SubscriptionProperties = {
  readonly channel?: unknown;
  readonly ip?: unknown;
  readonly new_subscription?: unknown;
  readonly source?: unknown;
  readonly text?: unknown;
  readonly timestamp?: unknown;
};

/** email.received, email.sent */
type EmailProperties = {
  readonly attachments?: unknown;
  readonly bcc_emails?: unknown;
  readonly body_snippet?: unknown;
  readonly cc_emails?: unknown;
  readonly contact_email?: unknown;
  readonly direction?: unknown;
  readonly message_id?: unknown;
  readonly sender_email?: unknown;
  readonly subject?: unknown;
  readonly thread_id?: unknown;
  readonly to_emails?: unknown;
};

/** mms.received, mms.sent */
type MmsProperties = AgentFields & RegalLineFields & {
  readonly contact_phone?: unknown;
  readonly content?: unknown;
  readonly direction?: unknown;
  readonly from_number?: unknown;
  readonly media_url?: unknown;
  readonly related_object_id?: unknown;
  readonly related_object_type?: unknown;
  readonly sms_conversation_id?: unknown;
  readonly sms_message_id?: unknown;
  readonly to_number?: unknown;
};

/** sms.failed, sms.queued */
type SmsDeliveryProperties = CampaignFields & JourneyFields & RegalLineFields & {
  readonly contact_phone?: unknown;
  readonly content?: unknown;
  readonly direction?: unknown;
  readonly from_number?: unknown;
  readonly media_url?: unknown;
  readonly sms_message_id?: unknown;
  readonly to_number?: unknown;
};

/** task.reservation.accepted, task.reservation.created */
type TaskReservationProperties = CampaignFields & JourneyFields & RegalLineFields & {
  readonly channel?: unknown;
  readonly contact_phone?: unknown;
  readonly direction?: unknown;
  readonly queue?: unknown;
  readonly reserved_agent_email?: unknown;
  readonly reserved_agent_fullname?: unknown;
  readonly scheduling_agent_email?: unknown;
  readonly scheduling_agent_fullname?: unknown;
  readonly target_agent_email?: unknown;
  readonly task_id?: unknown;
  readonly type?: unknown;
};

/* Fields many events document alike (an event with two of a group has the group). */

/** The agent who handled the task. */
interface AgentFields {
  readonly agent_email?: unknown;
  readonly agent_firstname?: unknown;
  readonly agent_fullname?: unknown;
  readonly agent_id?: unknown;
  readonly agent_tags?: unknown;
  readonly agent_teams?: unknown;
}

/** The Regal campaign the task belongs to. */
interface CampaignFields {
  readonly campaign_friendly_id?: unknown;
  readonly campaign_id?: unknown;
  readonly campaign_name?: unknown;
}

/** The Regal journey that triggered the task. */
interface JourneyFields {
  readonly journey_execution_name?: unknown;
  readonly journey_friendly_id?: unknown;
  readonly journey_name?: unknown;
  readonly journey_node_friendly_id?: unknown;
  readonly journey_node_uuid?: unknown;
  readonly journey_uuid?: unknown;
}

/** The Regal phone line used. */
interface RegalLineFields {
  readonly regal_voice_phone?: unknown;
  readonly regal_voice_phone_internal_name?: unknown;
}

/** How a finished call or conversation went. */
interface CallOutcomeFields {
  readonly completed_at?: unknown;
  readonly conversation_happened?: unknown;
  readonly disposition?: unknown;
  readonly ended_at?: unknown;
  readonly handle_time?: unknown;
  readonly notes?: unknown;
  readonly objections?: unknown;
  readonly started_at?: unknown;
  readonly talk_time?: unknown;
  readonly wrapup_time?: unknown;
}

export type RegalEvent = keyof RegalProperties;

/** The mapping of Regal event `E`: `export default { … } satisfies Regal<"call.completed">`. */
export type Regal<E extends RegalEvent> = Mapping<E, RegalProperties[E]>;
