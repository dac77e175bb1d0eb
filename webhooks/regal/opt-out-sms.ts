import { optInTemplate } from "./lib/opt-in";

export default optInTemplate("sms", false);
