import { expect } from "vitest";
import { LiquidTemplateError, parseProfile, renderField, type Dialect, type RenderContext, type UserProfile } from "../../liquid";

export const ANN: UserProfile = parseProfile(
  {
    user_id: "u-1",
    first_name: "Ann",
    last_name: "O'Neil",
    email_address: "ann@example.com",
    custom_attributes: { "rokt:account_code": ["ACME/east"], lead_source: "web" },
  },
  "ann.json",
).profile;

/**
 * The readings the layer's own tests render under unless they name others:
 * fixed here, so that recording what Braze does (contract/observed/) changes
 * the renders that follow it, not what these tests expect of the layer.
 */
export const TEST_DIALECT: Dialect = {
  jsonEscape: "documented",
  urlParamEscape: "plus",
  base64: "strict",
  floatPrinting: "javascript",
  arrayOutput: "joined",
  arrayText: "joined",
  hashText: "ruby",
  unknownFilter: "error",
};

/** A render context for Ann, with `overrides` on top. */
export function contextWith(overrides: Partial<RenderContext> = {}): RenderContext {
  return { user: ANN, now: new Date(Date.UTC(2025, 2, 4, 5, 6, 7)), dialect: TEST_DIALECT, ...overrides };
}

/** The text a template renders as the body field; fails the test when the render aborts. */
export async function render(template: string, overrides: Partial<RenderContext> = {}): Promise<string> {
  const result = await renderField(template, contextWith(overrides), "body");
  if (!result.sent) throw new Error(`expected the template to render, it aborted: ${result.reason}`);
  return result.text;
}

/** The message of the LiquidTemplateError rendering the body throws; fails the test when it renders. */
export async function renderError(template: string, overrides: Partial<RenderContext> = {}): Promise<string> {
  const error: unknown = await renderField(template, contextWith(overrides), "body").then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LiquidTemplateError);
  const message = (error as LiquidTemplateError).message;
  expect(message).not.toMatch(/[\r\n]/);
  return message;
}
