import { router } from "../lib/regal";
import callAnalysisAvailable from "./call.analysis.available";
import callCompleted from "./call.completed";
import callIvrTriggered from "./call.ivr.triggered";
import callPlaced from "./call.placed";
import callRecordingAvailable from "./call.recording.available";
import callTranscriptAvailable from "./call.transcript.available";
import callWrapup from "./call.wrapup";
import cancelAllAutomatedTasks from "./cancel.all.automated.tasks";
import contactAttributeEdited from "./contact.attribute.edited";
import contactCreated from "./contact.created";
import contactEmailCreated from "./contact.email.created";
import contactExperimentAssigned from "./contact.experiment.assigned";
import contactPhoneCreated from "./contact.phone.created";
import contactSubscribed from "./contact.subscribed";
import contactUnsubscribed from "./contact.unsubscribed";
import contactedAfterHours from "./contacted.after.hours";
import customTaskCompleted from "./custom.task.completed";
import emailConversationCompleted from "./email.conversation.completed";
import emailReceived from "./email.received";
import emailSent from "./email.sent";
import mmsReceived from "./mms.received";
import mmsSent from "./mms.sent";
import objectAttributeEdited from "./object.attribute.edited";
import objectCreated from "./object.created";
import scheduledCallbackRequested from "./scheduled.callback.requested";
import scheduledReminderCreated from "./scheduled.reminder.created";
import smsConversationCompleted from "./sms.conversation.completed";
import smsFailed from "./sms.failed";
import smsQueued from "./sms.queued";
import smsReceived from "./sms.received";
import smsSent from "./sms.sent";
import smsUndelivered from "./sms.undelivered";
import taskCanceled from "./task.canceled";
import taskCreated from "./task.created";
import taskReservationAccepted from "./task.reservation.accepted";
import taskReservationCreated from "./task.reservation.created";
import voicemailCompleted from "./voicemail.completed";
import voicemailRecordingAvailable from "./voicemail.recording.available";
import voicemailTranscriptAvailable from "./voicemail.transcript.available";

/**
 * Every Regal event that writes to /users/track, in one transformation: for
 * workspaces on Braze's free tier (five active transformations). It dispatches
 * on payload.name to the same transforms as the per-event snippets.
 * `agent.activity.updated` writes to a catalog, another destination: paste its
 * own snippet for it.
 */
export default router("regal", [
  callAnalysisAvailable,
  callCompleted,
  callIvrTriggered,
  callPlaced,
  callRecordingAvailable,
  callTranscriptAvailable,
  callWrapup,
  cancelAllAutomatedTasks,
  contactAttributeEdited,
  contactCreated,
  contactEmailCreated,
  contactExperimentAssigned,
  contactPhoneCreated,
  contactSubscribed,
  contactUnsubscribed,
  contactedAfterHours,
  customTaskCompleted,
  emailConversationCompleted,
  emailReceived,
  emailSent,
  mmsReceived,
  mmsSent,
  objectAttributeEdited,
  objectCreated,
  scheduledCallbackRequested,
  scheduledReminderCreated,
  smsConversationCompleted,
  smsFailed,
  smsQueued,
  smsReceived,
  smsSent,
  smsUndelivered,
  taskCanceled,
  taskCreated,
  taskReservationAccepted,
  taskReservationCreated,
  voicemailCompleted,
  voicemailRecordingAvailable,
  voicemailTranscriptAvailable,
]);
