import { expect } from "vitest";
import { brazeMatchers } from "../contract/matcher";

expect.extend(brazeMatchers);
