/**
 * The partner endpoints our Braze webhook templates call, each as a whole HTTP
 * request (method, URL, headers, JSON body), and the checker of a rendered one.
 */
export { checkPartnerRequest, partnerRequest, type PartnerBody, type PartnerRequest, type SentRequest } from "./request";
export { RegalEventsBodySchema, RegalEventsRequest, type RegalEventsBody } from "./regal";
export { ZendeskCreateTicketBodySchema, ZendeskCreateTicketRequest, type ZendeskCreateTicketBody } from "./zendesk";
export {
  RoktCreateEventBodySchema,
  RoktCreateEventRequest,
  RoktUpdateEventBodySchema,
  RoktUpdateEventRequest,
  type RoktCreateEventBody,
  type RoktUpdateEventBody,
} from "./rokt";
export { WINDOWS_TIME_ZONES, type WindowsTimeZone } from "./windows-time-zones";
