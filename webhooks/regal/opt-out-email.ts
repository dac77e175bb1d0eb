import { optInTemplate } from "./lib/opt-in";

export default optInTemplate("email", false);
